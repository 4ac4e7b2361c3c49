package io.linetwin.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.linetwin.model.BufferContents;
import io.linetwin.model.Distribution;
import io.linetwin.model.FailureBasis;
import io.linetwin.model.LineSpec;
import io.linetwin.model.LineState;
import io.linetwin.model.MachineCondition;
import io.linetwin.model.ProductSpec;
import io.linetwin.model.StationSpec;
import io.linetwin.model.StationState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;
import java.util.stream.LongStream;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Snapshots of a running line and runs that start from one (warm start). */
final class WarmStartTest {

    private static final Instant NOW = Instant.parse("2025-01-06T06:00:00Z");

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 40);
    }

    @ParameterizedTest(name = "line seed {0}")
    @MethodSource("seeds")
    void aSnapshotHoldsTheLinesPartsAndARestartAccountsForThem(long seed) {
        LineSpec line = RandomLines.line(seed);
        LineSimulation simulation = new LineSimulation(line).checkingInvariants();
        double t = 600;

        LineState state = simulation.snapshot(t, seed, 0, NOW);
        ReplicationResult upToT = simulation.run(0, t, seed, 0);
        ReplicationResult restarted = simulation.run(state, 50, 900, seed + 1, 0);

        assertThat(state.clockSeconds()).isEqualTo(t);
        assertThat(partsIn(state)).isEqualTo(upToT.totals().wipAtEnd());
        LineTotals totals = restarted.totals();
        assertThat(totals.wipAtStart()).isEqualTo(partsIn(state));
        assertThat(totals.wipAtStart() + totals.released())
                .isEqualTo(totals.goodOut() + totals.scrapped() + totals.assembled() + totals.wipAtEnd());
    }

    @Test
    void aDeterministicLineContinuesExactlyAsIfNeverStopped() {
        LineSpec line = Lines.chain(
                List.of(
                        StationSpec.machine("m1", Lines.constant(1.0)),
                        StationSpec.machine("m2", Lines.constant(1.3)).withServers(2),
                        StationSpec.machine("m3", Lines.constant(0.9))),
                4,
                2);
        LineSimulation simulation = new LineSimulation(line);

        ReplicationResult straight = simulation.run(1_000.25, 1_000, 1, 0);
        ReplicationResult warm = simulation.run(simulation.snapshot(1_000.25, 1, 0, NOW), 0, 1_000, 1, 0);

        assertThat(warm.throughputPerHour()).isEqualTo(straight.throughputPerHour());
        assertThat(warm.wip()).isCloseTo(straight.wip(), within(1e-6));
        for (int i = 0; i < 3; i++) {
            StateShares a = straight.stations().get(i).states();
            StateShares b = warm.stations().get(i).states();
            assertThat(b.working()).isCloseTo(a.working(), within(1e-6));
            assertThat(b.blocked()).isCloseTo(a.blocked(), within(1e-6));
            assertThat(b.starved()).isCloseTo(a.starved(), within(1e-6));
        }
    }

    /**
     * The proof: 0 → T, snapshot, T → 2T matches a straight 0 → 2T run over the window [T, 2T], KPI by
     * KPI, by Welch's two-sample t-test over 150 replications each (fixed seeds; p above 0.001 for every KPI).
     * T is short, so the window still depends on the state at T (the line fills from empty): a restart that
     * lost buffer contents, held parts, repairs or the parts' release times (lead time) fails here.
     */
    @Test
    void restartingFromASnapshotMatchesAStraightRunStatistically() {
        assertRestartMatchesStatistically(stochasticLine(), 300);
    }

    /**
     * The same on a factory floor with random times: a conveyor that fails, an AGV move, an assembly, a material
     * with reorders whose lead time is long against T, and failures of both bases; a restart that lost conveyor
     * places, vehicles, orders in flight or failure clocks drifts here.
     */
    @Test
    void aFactoryFloorRestartMatchesAStraightRunStatistically() {
        assertRestartMatchesStatistically(stochasticFloor(), 400);
    }

    private static void assertRestartMatchesStatistically(LineSpec line, double t) {
        LineSimulation simulation = new LineSimulation(line);
        int replications = 150;
        List<ReplicationResult> straight = new ArrayList<>();
        List<ReplicationResult> warm = new ArrayList<>();
        for (int r = 0; r < replications; r++) {
            straight.add(simulation.run(t, t, 101, r));
            warm.add(simulation.run(simulation.snapshot(t, 202, r, NOW), 0, t, 303, r));
        }

        assertSameMean("throughput", straight, warm, ReplicationResult::throughputPerHour);
        assertSameMean("wip", straight, warm, ReplicationResult::wip);
        assertSameMean("lead time", straight, warm, ReplicationResult::leadTimeSeconds);
        if (line.transport().isPresent()) {
            assertSameMean(
                    "fleet utilisation",
                    straight,
                    warm,
                    r -> r.transport().orElseThrow().utilization());
        }
        for (int i = 0; i < straight.get(0).stations().size(); i++) {
            int station = i;
            assertSameMean(
                    "working " + i,
                    straight,
                    warm,
                    r -> r.stations().get(station).states().working());
            assertSameMean(
                    "blocked " + i,
                    straight,
                    warm,
                    r -> r.stations().get(station).states().blocked());
            assertSameMean(
                    "down " + i,
                    straight,
                    warm,
                    r -> r.stations().get(station).states().down());
            assertSameMean(
                    "setup " + i,
                    straight,
                    warm,
                    r -> r.stations().get(station).states().setup());
        }
    }

    @Test
    void aStateFromTheTwinResumesRepairsPhasesAndBuffers() {
        LineSpec line = Lines.chain(
                List.of(
                        StationSpec.machine("m1", Lines.constant(10))
                                .withFailures(List.of(Lines.failure("jam", 1e9, 1, FailureBasis.OPERATING))),
                        StationSpec.machine("m2", Lines.constant(10))),
                5);
        LineState state = new LineState(
                NOW,
                1_000,
                Map.of(
                        "m1",
                        new StationState(
                                new MachineCondition.Down(20, OptionalDouble.of(50), Optional.of("jam")),
                                Optional.empty(),
                                0,
                                0),
                        "m2",
                        new StationState(
                                new MachineCondition.Working(Optional.empty(), OptionalDouble.of(4)),
                                Optional.empty(),
                                0,
                                0)),
                Map.of("b-m1-m2", new BufferContents(Map.of("", 2))),
                Map.of(),
                Map.of());
        List<Double> finished = new ArrayList<>();

        ReplicationResult result = new LineSimulation(line).checkingInvariants().run(state, 0, 75, 1, 0, event -> {
            if (event instanceof TraceEvent.PartFinished done) {
                finished.add(done.timeSeconds());
            }
        });

        // m2 ends its part at +4 and takes the two waiting; m1 is back at +50 and its first part leaves m2 at +70.
        assertThat(finished).containsExactly(1_004.0, 1_014.0, 1_024.0, 1_070.0);
        assertThat(result.totals().wipAtStart()).isEqualTo(3);
        assertThat(result.stations().get(0).states().down()).isCloseTo(50 / 75.0, within(1e-9));
    }

    /**
     * A twin carries no vehicles: parts waiting for an AGV move ask for one at the start time. Before the fix they
     * asked at the model's time, which the up-front check (outside any event) does not have, and MASON refused a
     * step at -Infinity: run, compare and health risk --from-twin failed on every twin of a line with AGVs whose
     * moves held parts (the bottling line).
     */
    @Test
    void partsWaitingForAnAgvMoveWithoutTheFleetsStateAreCarriedFromTheStartTime() {
        LineSpec line = WarmStartExactTest.line();
        LineState state = new LineState(
                NOW, 1_000, Map.of(), Map.of("agv", new BufferContents(Map.of("", 3))), Map.of(), Map.of());
        List<Double> delivered = new ArrayList<>();
        LineSimulation simulation = new LineSimulation(line).checkingInvariants();

        // What --from-twin checks before it runs: the state restored outside any event, where the model has no time.
        simulation.requireFits(state);
        ReplicationResult result = simulation.run(state, 0, 60, 1, 0, event -> {
            if (event instanceof TraceEvent.PartMoved moved && moved.to().equals("m3")) {
                delivered.add(moved.timeSeconds());
            }
        });

        LineTotals totals = result.totals();
        assertThat(totals.wipAtStart()).isEqualTo(3);
        assertThat(totals.wipAtStart() + totals.released())
                .isEqualTo(totals.goodOut() + totals.scrapped() + totals.assembled() + totals.wipAtEnd());
        // The three waiting parts reach m3 by AGV after the start, none before it.
        assertThat(delivered).hasSizeGreaterThanOrEqualTo(3).allMatch(t -> t >= 1_000);
    }

    @Test
    void inFlightDetailThatDoesNotFitTheLineIsRejected() {
        LineSimulation simulation = new LineSimulation(WarmStartExactTest.line());
        LineState taken = simulation.snapshot(500.5, 1, 0, NOW);
        io.linetwin.model.InFlight f = taken.inFlight();

        assertThatThrownBy(() -> simulation.requireFits(with(
                        taken,
                        new io.linetwin.model.InFlight(
                                Map.of("b0", List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0)),
                                f.conveyors(),
                                f.fleet(),
                                f.orders(),
                                f.failureDueSeconds(),
                                f.staged()))))
                .hasMessageStartingWith("state release times of b0 must give one time per part (");
        assertThatThrownBy(() -> simulation.requireFits(with(
                        taken,
                        new io.linetwin.model.InFlight(
                                f.releaseSeconds(),
                                Map.of("b0", f.conveyors().get("c1")),
                                f.fleet(),
                                f.orders(),
                                f.failureDueSeconds(),
                                f.staged()))))
                .hasMessage("state conveyors must name conveyors of line test:exact, got b0");
        assertThatThrownBy(() -> simulation.requireFits(with(
                        taken,
                        new io.linetwin.model.InFlight(
                                f.releaseSeconds(),
                                f.conveyors(),
                                f.fleet(),
                                f.orders(),
                                Map.of("m1", Map.of("wear", 3.0)),
                                f.staged()))))
                .hasMessage("state failure clocks of m1 must name its failure modes [jam], got wear");
        assertThatThrownBy(() -> simulation.requireFits(with(
                        taken,
                        new io.linetwin.model.InFlight(
                                f.releaseSeconds(),
                                f.conveyors(),
                                f.fleet(),
                                Map.of("steel", new io.linetwin.model.InFlight.MaterialOrder(5, 1)),
                                f.failureDueSeconds(),
                                f.staged()))))
                .hasMessage("state material orders must name materials of line test:exact [mat], got steel");
        assertThatThrownBy(() -> simulation.requireFits(with(
                        taken,
                        new io.linetwin.model.InFlight(
                                f.releaseSeconds(),
                                f.conveyors(),
                                Optional.of(new io.linetwin.model.InFlight.FleetState(List.of(), List.of())),
                                f.orders(),
                                f.failureDueSeconds(),
                                f.staged()))))
                .hasMessage("state fleet must describe the 2 vehicles, got 0");
    }

    /** {@code state} with {@code inFlight} in place of its own. */
    static LineState with(LineState state, io.linetwin.model.InFlight inFlight) {
        return new LineState(
                state.capturedAt(),
                state.clockSeconds(),
                state.stations(),
                state.buffers(),
                state.parameters(),
                state.materialStocks(),
                inFlight);
    }

    @Test
    void aStateThatDoesNotFitTheLineIsRejected() {
        LineSimulation simulation = new LineSimulation(Lines.benchmark());
        LineState unknownStation = new LineState(
                NOW,
                0,
                Map.of("m9", new StationState(new MachineCondition.Starved(), Optional.empty(), 0, 0)),
                Map.of(),
                Map.of(),
                Map.of());
        LineState overfull = new LineState(
                NOW, 0, Map.of(), Map.of("b-m1-m2", new BufferContents(Map.of("", 11))), Map.of(), Map.of());
        LineState unknownProduct = new LineState(
                NOW, 0, Map.of(), Map.of("b-m1-m2", new BufferContents(Map.of("litre", 1))), Map.of(), Map.of());

        assertThatThrownBy(() -> simulation.run(unknownStation, 0, 10, 1, 0)).hasMessageContaining("got m9");
        assertThatThrownBy(() -> simulation.run(overfull, 0, 10, 1, 0)).hasMessageContaining("at most 10");
        assertThatThrownBy(() -> simulation.run(unknownProduct, 0, 10, 1, 0)).hasMessageContaining("'litre'");
    }

    @Test
    void theStatesParametersOverrideTheLines() {
        LineSpec line = Lines.chain(List.of(StationSpec.machine("m1", Lines.constant(2))), new int[0]);
        LineState faster =
                new LineState(NOW, 0, Map.of(), Map.of(), Map.of("m1", Map.of(StationSpec.SPEED, 2.0)), Map.of());

        ReplicationResult result = new LineSimulation(line).run(faster, 0, 3_600, 1, 0);

        assertThat(result.throughputPerHour()).isEqualTo(3_600);
    }

    private static LineSpec stochasticLine() {
        StationSpec m1 = StationSpec.machine("m1", Lines.exponential(1.0))
                .withFailures(List.of(Lines.failure("jam", 300, 30, FailureBasis.OPERATING)));
        StationSpec m2 = StationSpec.machine("m2", new Distribution.Uniform(1.0, 2.6))
                .withServers(2)
                .withSetup(Optional.of(Lines.constant(3)))
                .withFailures(List.of(Lines.failure("motor", 600, 40, FailureBasis.UP_TIME)));
        StationSpec m3 = StationSpec.machine("m3", Lines.exponential(0.95)).withScrap(0.03);
        LineSpec chain = Lines.chain(List.of(m1, m2, m3), 20, 10);
        return LineSpec.builder("test:warm")
                .products(List.of(new ProductSpec("a", 0.6), new ProductSpec("b", 0.4)))
                .stations(chain.stations())
                .buffers(chain.buffers())
                .build();
    }

    /** The exact test's floor with every time random (exponential or uniform around the same means). */
    private static LineSpec stochasticFloor() {
        LineSpec exact = WarmStartExactTest.line();
        List<StationSpec> stations = new ArrayList<>();
        for (StationSpec station : exact.stations()) {
            if (station.kind() == io.linetwin.model.StationKind.MACHINE
                    || station.kind() == io.linetwin.model.StationKind.ASSEMBLY) {
                double mean = station.processFor(null).orElseThrow().mean();
                station = station.withProcess(new Distribution.Uniform(0.5 * mean, 1.5 * mean), Map.of())
                        .withFailures(station.failures().stream()
                                .map(f -> new io.linetwin.model.FailureSpec(
                                        f.name(),
                                        Lines.exponential(f.mtbf().mean()),
                                        Lines.exponential(f.mttr().mean()),
                                        f.basis()))
                                .toList());
            } else if (station.kind() == io.linetwin.model.StationKind.SOURCE) {
                station = StationSpec.source(
                        station.id(), Optional.of(Lines.exponential(1.37)), io.linetwin.model.OnFull.BLOCK);
            }
            stations.add(station);
        }
        io.linetwin.model.ConveyorSpec belt = exact.conveyors().get(0);
        io.linetwin.model.ConveyorSpec randomBelt = new io.linetwin.model.ConveyorSpec(
                belt.id(),
                belt.lengthMetres(),
                belt.speedMetresPerSecond(),
                belt.spacingMetres(),
                List.of(Lines.failure("belt", 153.1, 9.4, FailureBasis.WALL)));
        return LineSpec.builder(exact.id())
                .products(exact.products())
                .stations(stations)
                .buffers(exact.buffers())
                .layout(exact.layout())
                .shifts(exact.shifts())
                .materials(exact.materials())
                .conveyors(List.of(randomBelt))
                .transport(exact.transport())
                .build();
    }

    private static void assertSameMean(
            String kpi,
            List<ReplicationResult> a,
            List<ReplicationResult> b,
            ToDoubleFunction<ReplicationResult> value) {
        double[] x = a.stream().mapToDouble(value).toArray();
        double[] y = b.stream().mapToDouble(value).toArray();
        if (LongStream.range(0, x.length).allMatch(i -> x[(int) i] == 0 && y[(int) i] == 0)) {
            return;
        }
        assertThat(new TTest().tTest(x, y)).as("p-value of %s", kpi).isGreaterThan(0.001);
    }

    private static long partsIn(LineState state) {
        long parts = state.buffers().values().stream()
                .mapToLong(BufferContents::total)
                .sum();
        for (StationState station : state.stations().values()) {
            parts += station.servers().stream()
                    .filter(c -> !(c instanceof MachineCondition.Starved))
                    .count();
        }
        return parts;
    }
}
