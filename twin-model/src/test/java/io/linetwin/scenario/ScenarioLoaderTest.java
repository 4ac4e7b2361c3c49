package io.linetwin.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linetwin.model.AssemblyInput;
import io.linetwin.model.BufferSpec;
import io.linetwin.model.Distribution;
import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.FailureBasis;
import io.linetwin.model.LineSpec;
import io.linetwin.model.MaterialSpec;
import io.linetwin.model.OnFull;
import io.linetwin.model.PlannedStop;
import io.linetwin.model.Scenario;
import io.linetwin.model.ShiftSpec;
import io.linetwin.model.StationKind;
import io.linetwin.model.StationSpec;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ScenarioLoaderTest {

    private static Path bottling() throws Exception {
        return Path.of(
                ScenarioLoaderTest.class.getResource("/scenarios/bottling.yaml").toURI());
    }

    @Test
    void aFullScenarioLoadsIntoTheRecordsInSeconds() throws Exception {
        Scenario scenario = ScenarioLoader.load(bottling());

        assertThat(scenario.name()).isEqualTo("bottling-line");
        assertThat(scenario.line().id()).isEqualTo("plant1:bottling");
        assertThat(scenario.line().productShares())
                .containsEntry("half-litre", 0.7)
                .containsEntry("litre", 0.3);
        StationSpec filler = scenario.line().station("filler").orElseThrow();
        assertThat(filler.kind()).isEqualTo(StationKind.MACHINE);
        assertThat(filler.process()).contains(new Distribution.Lognormal(1.2, 1.2 * 0.1));
        assertThat(filler.processByProduct()).containsKey("litre");
        assertThat(filler.setup()).contains(new Distribution.Constant(600));
        assertThat(filler.failures()).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("jam");
            assertThat(f.mtbf()).isEqualTo(new Distribution.Exponential(7200));
            assertThat(f.basis()).isEqualTo(FailureBasis.OPERATING);
        });
        assertThat(filler.scrap()).isEqualTo(0.005);
        assertThat(filler.parameters().get("speed").max()).hasValue(1.2);
        assertThat(filler.sensors()).containsExactly("temperature", "vibration", "current");
        assertThat(scenario.line().buffer("b3").orElseThrow().unlimited()).isTrue();
        assertThat(scenario.line().layout().get("filler").rotationDegrees()).isEqualTo(90);
        assertThat(scenario.experiment()).isEqualTo(new ExperimentSpec(7 * 86400, 8 * 3600, 5, 42, 6 * 3600));
    }

    @Test
    void missingOptionalPartsTakeTheirDocumentedDefaults() throws Exception {
        Scenario scenario = ScenarioLoader.parse(Scenarios.oneMachine("1s", ""), "t.yaml");

        assertThat(scenario.experiment()).isEqualTo(new ExperimentSpec(86400, 0, 10, 1, 0));
        assertThat(scenario.description()).isEmpty();
        assertThat(scenario.line().id()).isEqualTo("one-machine");
        assertThat(scenario.line().products()).isEmpty();
        assertThat(scenario.variants()).isEmpty();
        StationSpec machine = scenario.line().station("m").orElseThrow();
        assertThat(machine.servers()).isEqualTo(1);
        assertThat(machine.scrap()).isZero();
        assertThat(machine.failures()).isEmpty();
        StationSpec source = scenario.line().station("src").orElseThrow();
        assertThat(source.interarrival()).isEmpty();
        assertThat(source.onFull()).isEqualTo(OnFull.BLOCK);
    }

    @Test
    void anExperimentBlockOnlyOverridesWhatItNames() throws Exception {
        Scenario scenario = ScenarioLoader.parse(
                Scenarios.oneMachine("1s", "experiment: { replications: 3, start: \"wed 12:30\" }\n"), "t.yaml");

        assertThat(scenario.experiment()).isEqualTo(new ExperimentSpec(86400, 0, 3, 1, 2 * 86400 + 12.5 * 3600));
    }

    @Test
    void shiftsReadIntoDaysStartLengthAndBreakOffsets() throws Exception {
        String text = Scenarios.oneMachine("1s", "")
                .replace(
                        "  buffers:",
                        String.join(
                                "\n",
                                "  shifts:",
                                "    - { days: mon-fri, start: \"06:00\", end: \"22:00\",",
                                "        breaks: [ { start: \"12:00\", duration: 30m } ] }",
                                "    - { days: \"fri-sun,wed\", start: \"22:00\", end: \"06:00\",",
                                "        breaks: [ { start: \"02:00\", duration: 15m } ] }",
                                "    - { days: sat, start: 06:00, end: \"24:00\" }",
                                "  buffers:"));

        List<ShiftSpec> shifts = ScenarioLoader.parse(text, "t.yaml").line().shifts();

        assertThat(shifts)
                .containsExactly(
                        new ShiftSpec(
                                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                                6 * 3600,
                                16 * 3600,
                                List.of(new ShiftSpec.Break(6 * 3600, 1800))),
                        new ShiftSpec(
                                EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.WEDNESDAY),
                                22 * 3600,
                                8 * 3600,
                                List.of(new ShiftSpec.Break(4 * 3600, 900))),
                        new ShiftSpec(EnumSet.of(DayOfWeek.SATURDAY), 6 * 3600, 18 * 3600, List.of()));
    }

    @Test
    void anAssemblyReadsItsBillOfMaterialsInOrderAndMaterialsTheirReorderPolicy() throws Exception {
        String text = String.join(
                "\n",
                "schema: linetwin/v1",
                "name: asm",
                "line:",
                "  materials: [ { id: screws, initial: 500, reorder: { point: 100, quantity: 400, leadTime: 2h } } ]",
                "  stations:",
                "    - { id: body, kind: machine, process: 1s }",
                "    - { id: wheel, kind: machine, process: 0.2s }",
                "    - { id: asm, kind: assembly, process: 1s, inputs: { body: 1, b2: 4 }, consumes: { screws: 16 } }",
                "  buffers:",
                "    - { id: b1, from: body, to: asm, capacity: 5 }",
                "    - { id: b2, from: wheel, to: asm, capacity: 8 }",
                "");

        LineSpec line = ScenarioLoader.parse(text, "t.yaml").line();

        StationSpec asm = line.station("asm").orElseThrow();
        assertThat(asm.kind()).isEqualTo(StationKind.ASSEMBLY);
        assertThat(asm.inputs()).containsExactly(new AssemblyInput("body", 1), new AssemblyInput("b2", 4));
        assertThat(line.inputBuffer(asm, asm.inputs().get(1)).from()).isEqualTo("wheel");
        assertThat(asm.consumes()).containsEntry("screws", 16.0);
        assertThat(line.materials())
                .containsExactly(new MaterialSpec(
                        "screws", 500, java.util.Optional.of(new MaterialSpec.Reorder(100, 400, 7200))));
    }

    @Test
    void conveyorsAndAgvMovesAreLinksWithTheirOwnData() throws Exception {
        String text = String.join(
                "\n",
                "schema: linetwin/v1",
                "name: links",
                "line:",
                "  stations:",
                "    - { id: a, kind: machine, process: 1s }",
                "    - { id: b, kind: machine, process: 1s }",
                "    - { id: c, kind: sink }",
                "  conveyors:",
                "    - { id: belt, from: a, to: b, length: 12m, speed: 30m/min, capacity: 20, spacing: 50cm }",
                "  transport: { agvs: 2, speed: 1.2m/s, load: 20s, unload: 15s, park: b,",
                "               moves: [ { from: b, to: c, distance: 60m, capacity: 3 } ] }",
                "");

        LineSpec line = ScenarioLoader.parse(text, "t.yaml").line();

        assertThat(line.buffer("belt").orElseThrow().capacity()).isEqualTo(20);
        assertThat(line.conveyor("belt")).contains(new io.linetwin.model.ConveyorSpec("belt", 12, 0.5, 0.5, List.of()));
        assertThat(line.buffer("b-to-c").orElseThrow().capacity()).isEqualTo(3);
        io.linetwin.model.TransportSpec transport = line.transport().orElseThrow();
        assertThat(transport.vehicles()).isEqualTo(2);
        assertThat(transport.speedMetresPerSecond()).isEqualTo(1.2);
        assertThat(transport.park()).contains("b");
        assertThat(transport.moves()).containsExactly(new io.linetwin.model.TransportSpec.Move("b-to-c", "b", "c", 60));
    }

    /**
     * b → c straight is 50 m (a 3-4-5 triangle of 30 m and 40 m), but that edge runs one way from c; the way from
     * b goes round by the corner k: 30 + 40 = 70 m. Back from c the one-way edge gives 50 m. A conveyor's failure
     * may be on the operating basis.
     */
    @Test
    void agvPathsGiveEachMoveItsShortestPathAndConveyorsMayFailOnTheOperatingBasis() throws Exception {
        String text = String.join(
                "\n",
                "schema: linetwin/v1",
                "name: paths",
                "line:",
                "  stations:",
                "    - { id: a, kind: machine, process: 1s }",
                "    - { id: b, kind: machine, process: 1s }",
                "    - { id: c, kind: sink }",
                "  conveyors:",
                "    - { id: belt, from: a, to: b, length: 12m, speed: 30m/min, capacity: 20,",
                "        failures: [ { name: wear, mtbf: 1h, mttr: 5m, basis: operating }, { name: jam, mtbf: 2h, mttr: 1m } ] }",
                "  transport:",
                "    agvs: 1",
                "    speed: 1m/s",
                "    moves: [ { from: b, to: c } ]",
                "    paths:",
                "      nodes: [ { id: nb, x: 0, z: 0, station: b }, { id: k, x: 30, z: 0 }, { id: nc, x: 30, z: 40, station: c } ]",
                "      edges: [ { from: nb, to: k }, { from: k, to: nc }, { from: nc, to: nb, oneWay: true } ]",
                "");

        LineSpec line = ScenarioLoader.parse(text, "t.yaml").line();

        io.linetwin.model.TransportSpec transport = line.transport().orElseThrow();
        assertThat(transport.moves()).containsExactly(new io.linetwin.model.TransportSpec.Move("b-to-c", "b", "c", 70));
        assertThat(transport.distance("c", "b", Map.of())).contains(50.0);
        assertThat(transport.paths().orElseThrow().nodes()).hasSize(3);
        assertThat(line.conveyor("belt").orElseThrow().failures())
                .extracting(f -> f.basis())
                .containsExactly(io.linetwin.model.FailureBasis.OPERATING, io.linetwin.model.FailureBasis.WALL);
    }

    @Test
    void aSetupMatrixReadsChangeoversByProductPair() throws Exception {
        String text = String.join(
                "\n",
                "schema: linetwin/v1",
                "name: matrix",
                "line:",
                "  products: [ { id: sedan }, { id: wagon } ]",
                "  stations:",
                "    - { id: press, kind: machine, process: 40s, setup: 5m, setupMatrix: { sedan: { wagon: 20m } } }",
                "");

        StationSpec press =
                ScenarioLoader.parse(text, "t.yaml").line().station("press").orElseThrow();

        assertThat(press.setupFor("sedan", "wagon")).contains(new Distribution.Constant(1200));
        assertThat(press.setupFor("wagon", "sedan")).contains(new Distribution.Constant(300));
    }

    @Test
    void plannedStopsReadAtATimeOrEveryWorkingIntervalWithDurationAndFinishPart() throws Exception {
        String text = Scenarios.oneMachine("1s", "")
                .replace(
                        "process: 1s }",
                        "process: 1s, plannedStops: [ "
                                + "{ name: lube, every: 40h, duration: 20m, finishPart: true }, "
                                + "{ name: die-service, at: 3d6h, duration: 4h } ] }");

        StationSpec m = ScenarioLoader.parse(text, "t.yaml").line().station("m").orElseThrow();

        assertThat(m.plannedStops())
                .containsExactly(
                        new PlannedStop("lube", new PlannedStop.Every(40 * 3600), 1200, true),
                        new PlannedStop("die-service", new PlannedStop.At(78 * 3600), 4 * 3600, false));
    }

    @Test
    void aSourceMayReleaseByInterarrivalAndDropWhenFull() throws Exception {
        String text = Scenarios.oneMachine("1s", "")
                .replace("supply: unlimited", "interarrival: { dist: exponential, mean: 2s }, onFull: drop");

        StationSpec source =
                ScenarioLoader.parse(text, "t.yaml").line().station("src").orElseThrow();

        assertThat(source.interarrival()).contains(new Distribution.Exponential(2));
        assertThat(source.onFull()).isEqualTo(OnFull.DROP);
    }

    @Test
    void variantsHoldTheBaseLineWithTheirSetApplied() throws Exception {
        Scenario scenario = ScenarioLoader.load(bottling());

        assertThat(scenario.variants())
                .extracting(v -> v.name())
                .containsExactly("bigger-b2", "faster-filler", "slower-capper");
        assertThat(scenario.lineOf("bigger-b2").buffer("b2").map(BufferSpec::capacity))
                .contains(40);
        assertThat(scenario.lineOf("bigger-b2").buffer("b1"))
                .isEqualTo(scenario.line().buffer("b1"));
        StationSpec faster = scenario.lineOf("faster-filler").station("filler").orElseThrow();
        assertThat(faster.speed()).isEqualTo(1.1);
        assertThat(faster.parameters().get("speed").min()).hasValue(0.6);
        StationSpec slower = scenario.lineOf("slower-capper").station("capper").orElseThrow();
        assertThat(slower.process()).contains(new Distribution.Constant(1.5));
        assertThat(slower.scrap()).isEqualTo(0.01);
        assertThat(scenario.variant("slower-capper").orElseThrow().set())
                .isEqualTo(Map.of("stations.capper.process.value", "1.5s", "stations.capper.scrap", "0.01"));
        assertThat(scenario.lineOf(Scenario.BASELINE)).isEqualTo(scenario.line());
    }

    @Test
    void aVariantCanSetServersAndFailureDistributions() throws Exception {
        String text = Scenarios.oneMachine("1s", """
                variants:
                  - name: two-servers
                    set: { stations.m.servers: 2, stations.m.process: { dist: exponential, mean: 3s } }
                """);

        Scenario scenario = ScenarioLoader.parse(text, "t.yaml");

        StationSpec machine = scenario.lineOf("two-servers").station("m").orElseThrow();
        assertThat(machine.servers()).isEqualTo(2);
        assertThat(machine.process()).contains(new Distribution.Exponential(3));
    }

    @Test
    void aVariantWithAMisspeltKeyIsReportedAtItsSetEntry() {
        String text = Scenarios.oneMachine("1s", """
                variants:
                  - { name: scrappy, set: { stations.m.scarp: 0.1 } }
                """);

        assertThatThrownBy(() -> ScenarioLoader.parse(text, "t.yaml"))
                .hasMessage("t.yaml:12:29 variants.scrappy.set.stations.m.scarp: unknown key 'scarp'; "
                        + "did you mean 'scrap'?");
    }

    @Test
    void validateReportsEveryProblemNotJustTheFirst() {
        String text = Scenarios.oneMachine("{ dist: exponential, mean: fast }", "")
                .replace("capacity: 5 }\n    - {", "capacity: -2 }\n    - {")
                .replace("kind: sink", "kind: snik");

        assertThatThrownBy(() -> ScenarioLoader.parse(text, "t.yaml"))
                .isInstanceOfSatisfying(
                        ScenarioException.class,
                        e -> assertThat(e.problems())
                                .extracting(ScenarioProblem::toString)
                                .containsExactly(
                                        "t.yaml:6:67 stations.m.process.mean: expected a duration like \"1.2s\", got \"fast\"",
                                        "t.yaml:7:24 stations.out.kind: expected one of source, machine, assembly, sink, batch, "
                                                + "got \"snik\"; did you mean 'sink'?",
                                        "t.yaml:9:45 buffers.b1.capacity: expected a whole number >= 0, got \"-2\""));
    }

    @Test
    void aProblemPrintsAsFileLineColumnKeyPathAndMessageAndTheCommandLineAddsItsCode() {
        ScenarioProblem problem = new ScenarioProblem(
                "scenarios/x.yaml",
                14,
                7,
                "stations.filler.process.mean",
                "expected a duration like \"1.2s\", got \"fast\"",
                ProblemCode.VALUE_FORMAT);

        assertThat(problem)
                .hasToString(
                        "scenarios/x.yaml:14:7 stations.filler.process.mean: expected a duration like \"1.2s\", got \"fast\"");
        assertThat(problem.toLine())
                .isEqualTo("scenarios/x.yaml:14:7 stations.filler.process.mean: expected a duration like \"1.2s\", got"
                        + " \"fast\" [scenario.value.format]");
    }

    @Test
    void aMissingFileIsAPositionedProblemToo() {
        assertThat(ScenarioLoader.validate(Path.of("no/such/file.yaml")))
                .singleElement()
                .satisfies(p -> assertThat(p.toString()).startsWith("no/such/file.yaml:1:1 cannot read the file"));
    }
}
