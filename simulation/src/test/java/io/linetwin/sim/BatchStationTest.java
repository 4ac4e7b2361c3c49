package io.linetwin.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.linetwin.model.BatchRule;
import io.linetwin.model.BufferSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.LineState;
import io.linetwin.model.MachineCondition;
import io.linetwin.model.OnFull;
import io.linetwin.model.StationSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The batch station (issue 16's new block kind, added through the station block interface): its analytic
 * throughput and waits, conservation of parts with blocking on both sides, and warm starts that go on exactly.
 */
final class BatchStationTest {

    private static LineSpec line(StationSpec source, StationSpec batch, int before, int after) {
        return Lines.chain(List.of(source, batch, StationSpec.sink("out")), before, after);
    }

    /** Parts every 10 s from 10 s into loads of at most 5 that start 25 s after their first part, cycle 1 s. */
    private static LineSpec waitingLine() {
        return line(
                StationSpec.source("in", Optional.of(Lines.constant(10)), OnFull.BLOCK),
                StationSpec.batch("oven", Lines.constant(1), new BatchRule(5, OptionalDouble.of(25))),
                BufferSpec.UNLIMITED,
                BufferSpec.UNLIMITED);
    }

    /** A saturated batch of B parts in a constant T s makes exactly B/T parts a second, and works all the time. */
    @ParameterizedTest(name = "batch of {0}")
    @ValueSource(ints = {1, 4, 12})
    void aSaturatedDeterministicBatchMakesBPartsPerCycle(int size) {
        double cycle = 30;
        LineSpec line = line(
                StationSpec.source("in", Optional.empty(), OnFull.BLOCK),
                StationSpec.batch("oven", Lines.constant(cycle), BatchRule.full(size)),
                size,
                BufferSpec.UNLIMITED);

        // Window [15, 3015] s: the cycles that end at 30, 60, ..., 3000 s, 100 of them.
        ReplicationResult result = new LineSimulation(line).checkingInvariants().run(15, 3_000, 1, 0);

        assertThat(result.throughputPerHour()).isCloseTo(3_600.0 * size / cycle, within(1e-9));
        StationResult oven = result.stations().get(0);
        assertThat(oven.id()).isEqualTo("oven");
        assertThat(oven.good()).isEqualTo(100L * size);
        assertThat(oven.states().working()).isCloseTo(1.0, within(1e-12));
        assertThat(result.bottleneck()).contains("oven");
    }

    /**
     * Poisson arrivals at rate λ and the full-batch rule: the k-th part of a load waits for B − k more arrivals,
     * so the mean wait before processing is (B − 1)/(2λ); the lead time adds the (tiny) cycle.
     */
    @Test
    void poissonArrivalsWaitForTheBatchToFillAsTheoryPredicts() {
        int size = 5;
        double lambda = 1.0;
        double cycle = 0.001;
        LineSpec line = line(
                StationSpec.source("in", Optional.of(Lines.exponential(1 / lambda)), OnFull.BLOCK),
                StationSpec.batch("washer", Lines.constant(cycle), BatchRule.full(size)),
                BufferSpec.UNLIMITED,
                BufferSpec.UNLIMITED);

        List<ReplicationResult> runs = Runs.replicate(line, 200, 20_000, 11, 30);

        double expected = (size - 1) / (2 * lambda) + cycle;
        Confidence lead = Confidence.of(runs, ReplicationResult::leadTimeSeconds);
        assertThat(lead.covers(expected))
                .as("lead time %s against %s", lead, expected)
                .isTrue();
        assertThat(lead.relativeHalfWidth()).isLessThan(0.02);
        // Parts leave only in whole loads: the good count of every run is a multiple of the batch size.
        runs.forEach(r -> assertThat(r.stations().get(0).good() % size).isZero());
    }

    /**
     * Constant arrivals every 10 s and a load of 5 that starts at the latest 25 s after its first part: every
     * load is the 3 parts of 25 s (waits 25, 15 and 5 s), so the lead time is exactly 16 s with a 1 s cycle.
     */
    @Test
    void aMaximumWaitStartsAPartialLoad() {
        LineSpec line = waitingLine();

        // Loads start at 35, 65, ... (first arrival at 10 s) and end 1 s later: 99 of them end in [5, 3005] s.
        ReplicationResult result = new LineSimulation(line).checkingInvariants().run(5, 3_000, 3, 0);

        assertThat(result.stations().get(0).good()).isEqualTo(99 * 3);
        assertThat(result.leadTimeSeconds()).isCloseTo(16, within(1e-9));
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 25);
    }

    /** Parts in = parts out + parts held, at every node, with the batch blocked and starved by finite buffers. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyPartIsAccountedFor(long seed) {
        LineSpec line = blockingLine(Lines.exponential(9), Lines.exponential(40), Lines.exponential(12));

        ReplicationResult result = new LineSimulation(line).checkingInvariants().run(100, 5_000, seed, 0);

        LineTotals totals = result.totals();
        assertThat(totals.released()).isPositive();
        assertThat(totals.released()).isEqualTo(totals.goodOut() + totals.wipAtEnd());
        for (PartBalance row : result.balance()) {
            assertThat(row.stockAtStart() + row.in() - row.out() - row.scrapped() - row.assembled())
                    .as("balance of %s", row.node())
                    .isEqualTo(row.stockAtEnd());
        }
        assertThat(result.balance()).anySatisfy(row -> assertThat(row.kind()).isEqualTo("batch"));
        StationResult oven = result.stations().get(0);
        assertThat(oven.states().blocked()).isPositive();
        assertThat(oven.states().starved()).isPositive();
    }

    /** Source → 3 → batch of 4 → 2 → machine → sink: the batch both waits for parts and waits to unload. */
    private static LineSpec blockingLine(
            io.linetwin.model.Distribution arrivals,
            io.linetwin.model.Distribution cycle,
            io.linetwin.model.Distribution process) {
        return Lines.chain(
                List.of(
                        StationSpec.source("in", Optional.of(arrivals), OnFull.BLOCK),
                        StationSpec.batch("oven", cycle, BatchRule.full(4)),
                        StationSpec.machine("pack", process),
                        StationSpec.sink("out")),
                3,
                2,
                1);
    }

    /**
     * With every time constant, a run from a snapshot at T goes on exactly as the straight run's window (T is off
     * the instants of events: the window opens before them, a snapshot is taken after them).
     */
    @ParameterizedTest(name = "snapshot at {0} s")
    @ValueSource(doubles = {37.5, 101.37, 333.3, 1_000.01, 1_234.5})
    void aWarmStartGoesOnExactly(double t) {
        LineSpec line = blockingLine(Lines.constant(7), Lines.constant(40), Lines.constant(12));
        LineSimulation simulation = new LineSimulation(line).checkingInvariants();

        ReplicationResult straight = simulation.run(t, 2_000, 5, 0);
        LineState state = simulation.snapshot(t, 5, 0, Instant.EPOCH);
        ReplicationResult warm = simulation.run(state, 0, 2_000, 5, 0);

        assertThat(warm.throughputPerHour()).isPositive().isEqualTo(straight.throughputPerHour());
        assertThat(warm.leadTimeSeconds()).isCloseTo(straight.leadTimeSeconds(), within(1e-9));
        assertThat(warm.balance()).isEqualTo(straight.balance());
        for (int i = 0; i < straight.stations().size(); i++) {
            StationResult a = straight.stations().get(i);
            StationResult b = warm.stations().get(i);
            assertThat(b.good()).as("good at %s", a.id()).isEqualTo(a.good());
            assertThat(b.states().working())
                    .as("working at %s", a.id())
                    .isCloseTo(a.states().working(), within(1e-9));
            assertThat(b.states().blocked())
                    .as("blocked at %s", a.id())
                    .isCloseTo(a.states().blocked(), within(1e-9));
        }
    }

    /**
     * Parts every 10 s from 10 s, loads of at most 5 that start 25 s after their first part: loads start at 35, 65,
     * ... s. A warm start while a load waits (17 s: it waited 7 s) starts it when the straight run does, not a whole
     * maximum wait after the start; the first part's entry time travels in the state.
     */
    @ParameterizedTest(name = "snapshot at {0} s")
    @ValueSource(doubles = {17, 23.3, 34.9, 35.5, 44.4, 58.8, 101.37, 1_000.5})
    void aWarmStartWhileALoadWaitsStartsItWhenTheStraightRunDoes(double t) {
        LineSpec line = waitingLine();
        LineSimulation simulation = new LineSimulation(line).checkingInvariants();
        List<Double> straightLoads = new ArrayList<>();
        List<Double> warmLoads = new ArrayList<>();

        ReplicationResult straight = simulation.run(t, 2_000, 5, 0, loadStarts(straightLoads, t));
        LineState state = simulation.snapshot(t, 5, 0, Instant.EPOCH);
        ReplicationResult warm = simulation.run(state, 0, 2_000, 5, 0, loadStarts(warmLoads, t));

        assertThat(warmLoads).hasSizeGreaterThan(60).isEqualTo(straightLoads);
        assertThat(warmLoads.get(0)).isEqualTo(35 + 30 * Math.floor((t - 5) / 30));
        assertThat(warm.stations().get(0).good())
                .isEqualTo(straight.stations().get(0).good());
        assertThat(warm.leadTimeSeconds()).isCloseTo(straight.leadTimeSeconds(), within(1e-9));
        assertThat(warm.balance()).isEqualTo(straight.balance());
    }

    @Test
    void aLoadStartThatDoesNotFitTheLineIsRefused() {
        LineSpec line = waitingLine();
        LineSimulation simulation = new LineSimulation(line);
        LineState loading = simulation.snapshot(17, 5, 0, Instant.EPOCH);
        LineState working = simulation.snapshot(35.5, 5, 0, Instant.EPOCH);
        assertThat(loading.inFlight().loadStartedSeconds()).containsExactly(java.util.Map.entry("oven", 10.0));

        assertThatThrownBy(() -> simulation.requireFits(withLoadStarts(loading, java.util.Map.of("oven", 18.0))))
                .hasMessage("state load start of oven must be at or before the state's clock 17.0 s, got 18.0");
        assertThatThrownBy(() -> simulation.requireFits(withLoadStarts(loading, java.util.Map.of("in", 10.0))))
                .hasMessage("state load starts must name batch stations of line " + line.id() + ", got in");
        assertThatThrownBy(() -> simulation.requireFits(withLoadStarts(working, java.util.Map.of("oven", 30.0))))
                .hasMessage("state load start of oven needs the batch station loading parts, got working holding 3"
                        + " parts");
    }

    private static LineState withLoadStarts(LineState state, java.util.Map<String, Double> starts) {
        io.linetwin.model.InFlight f = state.inFlight();
        return WarmStartTest.with(
                state,
                new io.linetwin.model.InFlight(
                        f.releaseSeconds(),
                        f.conveyors(),
                        f.fleet(),
                        f.orders(),
                        f.failureDueSeconds(),
                        f.staged(),
                        starts));
    }

    /** Collects the instants after {@code t} the oven starts a load. */
    private static TraceListener loadStarts(List<Double> into, double t) {
        return event -> {
            if (event instanceof TraceEvent.StateChanged c
                    && c.station().equals("oven")
                    && c.state().equals("working")
                    && c.timeSeconds() > t) {
                into.add(c.timeSeconds());
            }
        };
    }

    /** The state lists the chamber's parts; a snapshot of the restored line at once gives the same state. */
    @Test
    void captureThenRestoreThenCaptureIsTheSameState() {
        LineSpec line = blockingLine(Lines.constant(7), Lines.constant(40), Lines.constant(12));
        LineSimulation simulation = new LineSimulation(line).checkingInvariants();
        boolean sawWorking = false;
        boolean sawBlocked = false;
        boolean sawLoading = false;
        for (int k = 0; k < 58; k++) {
            double t = 5 + 13.7 * k;
            LineState state = simulation.snapshot(t, 5, 0, Instant.EPOCH);
            LineState again = simulation.snapshot(state, 0, 5, 0, Instant.EPOCH);
            state.stations().forEach((id, station) -> {
                io.linetwin.model.StationState restored = again.stations().get(id);
                assertThat(restored.good()).as("%s good at %s", id, t).isEqualTo(station.good());
                assertThat(restored.scrap()).as("%s scrap at %s", id, t).isEqualTo(station.scrap());
                assertThat(restored.condition()).as("%s at %s", id, t).isEqualTo(station.condition());
                assertThat(restored.servers()).as("%s servers at %s", id, t).isEqualTo(station.servers());
                assertThat(restored.currentProduct()).isEqualTo(station.currentProduct());
            });
            assertThat(again.buffers()).as("buffers at %s", t).isEqualTo(state.buffers());
            assertThat(again.inFlight().releaseSeconds())
                    .isEqualTo(state.inFlight().releaseSeconds());
            MachineCondition oven = state.stations().get("oven").condition();
            sawWorking |= oven instanceof MachineCondition.Working;
            sawBlocked |= oven instanceof MachineCondition.Blocked;
            sawLoading |= oven instanceof MachineCondition.Starved
                    && !state.stations().get("oven").servers().isEmpty();
        }
        assertThat(List.of(sawWorking, sawBlocked, sawLoading)).containsOnly(true);
    }

    @Test
    void aStateWithMorePartsThanTheBatchIsRefused() {
        LineSpec line = blockingLine(Lines.constant(7), Lines.constant(40), Lines.constant(12));
        LineSimulation simulation = new LineSimulation(line);
        LineState state = simulation.snapshot(50, 5, 0, Instant.EPOCH);
        List<MachineCondition> six = java.util.Collections.nCopies(6, new MachineCondition.Blocked(Optional.empty()));
        java.util.Map<String, io.linetwin.model.StationState> stations =
                new java.util.LinkedHashMap<>(state.stations());
        stations.put(
                "oven",
                new io.linetwin.model.StationState(
                        new MachineCondition.Blocked(Optional.empty()), Optional.empty(), 0, 0, six));
        LineState tooFull = new LineState(
                state.capturedAt(),
                state.clockSeconds(),
                stations,
                state.buffers(),
                state.parameters(),
                state.materialStocks(),
                io.linetwin.model.InFlight.none());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> simulation.run(tooFull, 0, 100, 5, 0))
                .hasMessageContaining("batch station oven holds at most 4 parts, got 6");
    }
}
