package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linetwin.model.Scenario;
import io.linetwin.model.TuningSpec;
import io.linetwin.predict.tuning.TuningProgress;
import io.linetwin.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TuneCommandTest {

    @TempDir
    static Path dir;

    private static Path json;
    private static Cli tune;

    /** The library's tuning example on a short budget and horizon. */
    @BeforeAll
    static void tuneTheCanningCell() {
        json = dir.resolve("out/tune.json");
        try {
            Files.createDirectories(json.getParent());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        tune = Cli.run(
                "tune",
                canningCell().toString(),
                "--budget",
                "14",
                "--replications",
                "3",
                "--horizon",
                "1h",
                "--warmup",
                "10m",
                "--json",
                json.toString());
    }

    private static Path canningCell() {
        return Scenarios.library().resolve("canning-cell.yaml");
    }

    @Test
    void tunePrintsTheRecommendationAgainstTheCurrentSettingAndWritesItsJson() throws IOException {
        assertThat(tune.exitCode()).as(tune.err()).isZero();
        assertThat(tune.out())
                .contains("canning-cell · tuning 4 variables · maximise profitPerHour · COMPASS")
                .contains("searched 14 settings × 3 replications of 1h after 10m warm-up · seed 17")
                .contains("probability of correct selection 0.950")
                .contains("runner-up:")
                .contains("verdict: ")
                .contains("profitPerHour (objective)")
                .contains("scrapRate");
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.get("evaluations").asInt()).isEqualTo(14);
        assertThat(root.get("trajectory")).hasSize(14);
        assertThat(root.get("trajectory").get(13).get("evaluation").asInt()).isEqualTo(14);
        assertThat(root.get("replications").asLong()).isGreaterThanOrEqualTo(14 * 3 + 2 * 10);
        assertThat(root.get("pcs").asDouble()).isEqualTo(0.95);
        JsonNode values = root.get("best").get("values");
        assertThat(values.get("buffers.b-rinse.capacity").isInt()).isTrue();
        assertThat(values.get("stations.filler.parameters.speed").isDouble()).isTrue();
        int places = values.get("buffers.b-rinse.capacity").asInt()
                + values.get("buffers.b-fill.capacity").asInt()
                + values.get("buffers.b-seam.capacity").asInt();
        assertThat(places).isLessThanOrEqualTo(36);
        for (String key : new String[] {"best", "baseline"}) {
            JsonNode objective = root.get(key).get("objective");
            assertThat(objective.get("ciLow").asDouble())
                    .isLessThan(objective.get("mean").asDouble());
            assertThat(objective.get("ciHigh").asDouble())
                    .isGreaterThan(objective.get("mean").asDouble());
        }
        assertThat(root.get("baseline")
                        .get("values")
                        .get("buffers.b-fill.capacity")
                        .asInt())
                .isEqualTo(12);
        assertThat(root.get("kpiDifferences")
                        .get("throughputPerHour")
                        .get("verdict")
                        .asText())
                .isNotEmpty();
        assertThat(root.has("runnerUp")).isTrue();
    }

    @Test
    void thePrintedVariantsBlockPastesIntoTheScenarioAndRuns() throws Exception {
        String block = tune.out().substring(tune.out().indexOf("variants:\n  - { name: tuned"));
        String scenario = Files.readString(canningCell());
        String pasted = scenario.substring(0, scenario.indexOf("variants:"))
                + block
                + scenario.substring(scenario.indexOf("tuning:"));
        Path file = dir.resolve("pasted.yaml");
        Files.writeString(file, pasted);

        Scenario loaded = ScenarioLoader.load(file);

        Map<String, Object> expected =
                values(new ObjectMapper().readTree(json.toFile()).get("best").get("values"));
        assertThat(loaded.variant("tuned").orElseThrow().line())
                .isEqualTo(loaded.variantOf("check", expected).line());
    }

    @Test
    void compareTakesTheTunedSettingAsAVariant() throws IOException {
        Path out = dir.resolve("compare.json");

        Cli cli = Cli.run(
                "compare",
                canningCell().toString(),
                "--tuned",
                json.toString(),
                "--horizon",
                "1h",
                "--replications",
                "3",
                "--json",
                out.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode comparison = new ObjectMapper().readTree(out.toFile());
        assertThat(comparison.get("variants").fieldNames()).toIterable().containsExactly("faster-filler", "tuned");
        assertThat(comparison
                        .get("variants")
                        .get("tuned")
                        .get("differences")
                        .get("throughputPerHour")
                        .get("diffMean")
                        .isNumber())
                .isTrue();
    }

    @Test
    void compareRefusesATunedFileThatIsNotATuneResult() throws IOException {
        Path bogus = dir.resolve("bogus.json");
        Files.writeString(bogus, "{ \"best\": { \"values\": { \"buffers.nope.capacity\": 3 } } }");

        Cli cli = Cli.run("compare", canningCell().toString(), "--tuned", bogus.toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err().strip())
                .isEqualTo("--tuned " + bogus + ": best.values.buffers.nope.capacity: no " + "buffer 'nope'");
    }

    @Test
    void aScenarioWithoutATuningSectionIsBadInput() {
        Path file = Scenarios.library().resolve("textbook-two-machine.yaml");

        Cli cli = Cli.run("tune", file.toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).startsWith(file + ": no tuning section");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void aBadTuningSectionIsAPositionedErrorAndExit2() {
        Path file =
                Path.of("..", "twin-model", "src", "test", "resources", "bad-scenarios", "tuning-unknown-path.yaml");

        Cli cli = Cli.run("tune", file.toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        // Like run, tune prints every problem of the file, one a line.
        assertThat(cli.err().strip().lines())
                .containsExactly(
                        file
                                + ":16:15 tuning.variables[0].path: no buffer 'b9'; did you mean 'b1'? [scenario.reference.unknown-path]",
                        file
                                + ":17:15 tuning.variables[1].path: unknown key 'speed'; expected one of id, kind, inputs, "
                                + "servers, process, processBy, setup, setupMatrix, failures, plannedStops, scrap, parameters, "
                                + "sensors, consumes, routes, supply, interarrival, onFull, batchSize, maxWait [scenario.reference.unknown-path]",
                        file + ":18:15 tuning.variables[2].path: no station 'nope' [scenario.reference.unknown-path]");
    }

    @Test
    void badOptionsAreRefusedBeforeAnySimulation() {
        String file = canningCell().toString();

        Cli directory = Cli.run("tune", file, "--json", dir.toString());
        Cli delta = Cli.run("tune", file, "--delta", "fast");
        Cli budget = Cli.run("tune", file, "--budget", "0");
        Cli replications = Cli.run("tune", file, "--replications", "1");

        assertThat(directory.exitCode()).isEqualTo(2);
        assertThat(directory.err()).contains("is a directory");
        assertThat(delta.err().strip())
                .isEqualTo("--delta: expected a number > 0 in the objective's units or a "
                        + "share like 0.5%, got \"fast\"");
        assertThat(budget.err().strip()).isEqualTo("--budget: evaluations must be >= 1, got 0");
        assertThat(replications.err().strip()).isEqualTo("--replications: replications must be >= 2, got 1");
        for (Cli cli : new Cli[] {directory, delta, budget, replications}) {
            assertThat(cli.exitCode()).isEqualTo(2);
            assertThat(cli.out()).isEmpty();
        }
    }

    @Test
    void anInterruptPrintsTheBestSoFarAsAVariantsBlock() throws Exception {
        TuningSpec tuning = ScenarioLoader.load(canningCell()).tuning().orElseThrow();
        StringWriter text = new StringWriter();
        Map<String, Object> best = new LinkedHashMap<>();
        best.put("buffers.b-fill.capacity", 20);
        best.put("stations.filler.parameters.speed", 1.1);

        TuneReport.printInterrupted(
                new PrintWriter(text),
                tuning,
                Optional.of(new TuningProgress(TuningProgress.SEARCH, 33, 80, 132, 12.5, Optional.of(best), 101.25)));

        assertThat(text.toString())
                .isEqualTo("interrupted after 33 of 80 settings (search phase); best so far, "
                        + "profitPerHour 101.2 over the search replications (not yet checked by the final selection):\n"
                        + "variants:\n  - { name: tuned, set: { buffers.b-fill.capacity: 20, "
                        + "stations.filler.parameters.speed: 1.1 } }\n");
    }

    private static Map<String, Object> values(JsonNode node) {
        Map<String, Object> values = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            values.put(
                    field.getKey(),
                    field.getValue().isInt()
                            ? (Object) field.getValue().asInt()
                            : (Object) field.getValue().asDouble());
        }
        return values;
    }
}
