package io.linetwin.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.linetwin.model.BufferSpec;
import io.linetwin.model.ConveyorSpec;
import io.linetwin.model.FailureBasis;
import io.linetwin.model.FailureSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.LineState;
import io.linetwin.model.MaterialSpec;
import io.linetwin.model.OnFull;
import io.linetwin.model.ShiftSpec;
import io.linetwin.model.StationSpec;
import io.linetwin.model.TransportSpec;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * With every time deterministic (constant processing, arrivals, travel, failures and repairs, lead times), a
 * run from a snapshot at T must go on exactly as the run it was taken from: T → T + H from the state equals the
 * window [T, T + H] of a straight run, count for count. The line has every block that keeps time of its own: a
 * source, operating-, uptime- and wall-basis failures, a conveyor that fails, an AGV move with two vehicles, an
 * assembly, a material with reorders. A state that dropped release times, conveyor places, vehicles, orders in
 * flight or failure clocks fails here (the snapshot instants are picked so each is under way at some T).
 */
final class WarmStartExactTest {

    private static final double HORIZON_SECONDS = 2_000;

    static Stream<Arguments> snapshots() {
        return Stream.of(137.77, 611.913, 1_000.123, 1_733.3, 2_468.0101, 3_999.45)
                .flatMap(t -> Stream.of(Arguments.of(t, false), Arguments.of(t, true)));
    }

    @ParameterizedTest(name = "snapshot at {0} s, shifts {1}")
    @MethodSource("snapshots")
    void aRestartFromASnapshotEqualsTheStraightRun(double t, boolean shifts) {
        LineSpec line = shifts ? line().withShifts(shifts()) : line();
        LineSimulation simulation = new LineSimulation(line).checkingInvariants();

        ReplicationResult straight = simulation.run(t, HORIZON_SECONDS, 7, 0);
        LineState state = simulation.snapshot(t, 7, 0, Instant.EPOCH);
        ReplicationResult warm = simulation.run(state, 0, HORIZON_SECONDS, 7, 0);

        assertSameWindow(straight, warm);
    }

    /**
     * A snapshot's {@code good}/{@code scrap} count from t = 0: one of a run warm-started from a snapshot at T1 counts
     * on from the state's counters, so it equals the straight snapshot at T2 (they restarted from 0 before).
     */
    @ParameterizedTest(name = "snapshot at {0} s, shifts {1}")
    @MethodSource("snapshots")
    void aSnapshotOfAWarmStartedRunCountsOnFromTheStatesCounters(double t, boolean shifts) {
        LineSpec line = shifts ? line().withShifts(shifts()) : line();
        LineSimulation simulation = new LineSimulation(line).checkingInvariants();
        double later = t + 1_234.5;

        LineState straight = simulation.snapshot(later, 7, 0, Instant.EPOCH);
        LineState chained =
                simulation.snapshot(simulation.snapshot(t, 7, 0, Instant.EPOCH), 1_234.5, 7, 0, Instant.EPOCH);

        assertThat(straight.stations().values().stream()
                        .mapToLong(s -> s.good())
                        .sum())
                .isPositive();
        straight.stations().forEach((id, station) -> {
            assertThat(chained.stations().get(id).good()).as("good at %s", id).isEqualTo(station.good());
            assertThat(chained.stations().get(id).scrap()).as("scrap at %s", id).isEqualTo(station.scrap());
        });
    }

    /**
     * The window of a warm-started run of {@link #line()} (or that line with planned stops) equals the straight
     * run's, count for count and share for share.
     */
    static void assertSameWindow(ReplicationResult straight, ReplicationResult warm) {
        assertThat(warm.throughputPerHour()).isEqualTo(straight.throughputPerHour());
        assertThat(warm.throughputPerHour()).isPositive();
        assertThat(warm.leadTimeSeconds()).isCloseTo(straight.leadTimeSeconds(), within(1e-9));
        assertThat(warm.wip()).isCloseTo(straight.wip(), within(1e-9));
        assertThat(warm.balance()).isEqualTo(straight.balance());
        for (int i = 0; i < straight.stations().size(); i++) {
            StationResult a = straight.stations().get(i);
            StationResult b = warm.stations().get(i);
            assertThat(b.good()).as("good at %s", a.id()).isEqualTo(a.good());
            assertThat(b.scrap()).as("scrap at %s", a.id()).isEqualTo(a.scrap());
            assertThat(b.states().working())
                    .as("working at %s", a.id())
                    .isCloseTo(a.states().working(), within(1e-9));
            assertThat(b.states().blocked())
                    .as("blocked at %s", a.id())
                    .isCloseTo(a.states().blocked(), within(1e-9));
            assertThat(b.states().starved())
                    .as("starved at %s", a.id())
                    .isCloseTo(a.states().starved(), within(1e-9));
            assertThat(b.states().down())
                    .as("down at %s", a.id())
                    .isCloseTo(a.states().down(), within(1e-9));
            assertThat(b.oee()).as("oee at %s", a.id()).isCloseTo(a.oee(), within(1e-9));
        }
        TransportResult fleetA = straight.transport().orElseThrow();
        TransportResult fleetB = warm.transport().orElseThrow();
        assertThat(fleetB.deliveries()).isEqualTo(fleetA.deliveries());
        assertThat(fleetB.utilization()).isCloseTo(fleetA.utilization(), within(1e-9));
        assertThat(fleetB.emptyTravelShare()).isCloseTo(fleetA.emptyTravelShare(), within(1e-9));
        ConveyorResult beltA = straight.conveyors().get(0);
        ConveyorResult beltB = warm.conveyors().get(0);
        assertThat(beltB.failures()).isEqualTo(beltA.failures());
        assertThat(beltB.movingShare()).isCloseTo(beltA.movingShare(), within(1e-9));
        assertThat(beltB.downShare()).isCloseTo(beltA.downShare(), within(1e-9));
    }

    /**
     * Monday shifts with gaps and a break, so that failures come due off shift, repairs run past a shift's end
     * and snapshots fall off shift.
     */
    static List<ShiftSpec> shifts() {
        return List.of(
                new ShiftSpec(EnumSet.of(DayOfWeek.MONDAY), 0, 900, List.of(new ShiftSpec.Break(400.5, 61.3))),
                new ShiftSpec(EnumSet.of(DayOfWeek.MONDAY), 1_121.7, 1_300, List.of()),
                new ShiftSpec(EnumSet.of(DayOfWeek.MONDAY), 2_601.1, 4_000, List.of()));
    }

    /** Times are picked with few common multiples, so no two events coincide by accident. */
    static LineSpec line() {
        StationSpec source = StationSpec.source("src", Optional.of(Lines.constant(1.37)), OnFull.BLOCK);
        StationSpec m1 = StationSpec.machine("m1", Lines.constant(1.21))
                .withFailures(List.of(
                        new FailureSpec("jam", Lines.constant(97.3), Lines.constant(11.7), FailureBasis.OPERATING)))
                .withConsumes(Map.of("mat", 1.0));
        StationSpec feeder = StationSpec.machine("feeder", Lines.constant(2.93))
                .withFailures(List.of(
                        new FailureSpec("clog", Lines.constant(301.1), Lines.constant(23.9), FailureBasis.UP_TIME)));
        StationSpec m2 = StationSpec.machine("m2", Lines.constant(1.29))
                .asAssembly(List.of(
                        new io.linetwin.model.AssemblyInput("m1", 2), new io.linetwin.model.AssemblyInput("feeder", 1)))
                .withFailures(List.of(
                        new FailureSpec("motor", Lines.constant(211.7), Lines.constant(17.3), FailureBasis.UP_TIME)));
        StationSpec m3 = StationSpec.machine("m3", Lines.constant(4.11)).withServers(2);
        StationSpec sink = StationSpec.sink("out");
        List<BufferSpec> buffers = List.of(
                new BufferSpec("b0", "src", "m1", 5),
                new BufferSpec("c1", "m1", "m2", 6),
                new BufferSpec("bf", "feeder", "m2", 2),
                new BufferSpec("agv", "m2", "m3", 3),
                new BufferSpec("b3", "m3", "out", 2));
        ConveyorSpec conveyor = new ConveyorSpec(
                "c1",
                5.3,
                0.71,
                0.9,
                List.of(
                        new FailureSpec("belt", Lines.constant(153.1), Lines.constant(9.4), FailureBasis.WALL),
                        new FailureSpec("wear", Lines.constant(67.9), Lines.constant(6.1), FailureBasis.OPERATING)));
        TransportSpec transport = new TransportSpec(
                2, 1.1, 2.3, 1.9, Optional.empty(), List.of(new TransportSpec.Move("agv", "m2", "m3", 4.1)));
        MaterialSpec material = new MaterialSpec("mat", 50, Optional.of(new MaterialSpec.Reorder(20, 60, 77.7)));
        return LineSpec.builder("test:exact")
                .stations(source, m1, feeder, m2, m3, sink)
                .buffers(buffers)
                .materials(List.of(material))
                .conveyors(List.of(conveyor))
                .transport(transport)
                .build();
    }
}
