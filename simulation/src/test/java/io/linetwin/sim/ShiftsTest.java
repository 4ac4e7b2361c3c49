package io.linetwin.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.linetwin.model.BufferSpec;
import io.linetwin.model.FailureBasis;
import io.linetwin.model.FailureSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.LineState;
import io.linetwin.model.MachineCondition;
import io.linetwin.model.ShiftSpec;
import io.linetwin.model.StationSpec;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Weekly shift calendars: exact time shares, interrupted parts, failure clocks off shift. */
final class ShiftsTest {

    private static final double HOUR = 3600;
    private static final double DAY = 24 * HOUR;
    private static final double WEEK = 7 * DAY;

    /** Mon–Fri 06:00–22:00 with a 30-minute break at 12:00: 5 × 15.5 h = 77.5 h of the week's 168 h. */
    private static final List<ShiftSpec> TWO_SHIFTS = List.of(new ShiftSpec(
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            6 * HOUR,
            16 * HOUR,
            List.of(new ShiftSpec.Break(6 * HOUR, 0.5 * HOUR))));

    @Test
    void aWeeksTimeSharesFollowTheCalendarExactly() {
        LineSpec line = single(StationSpec.machine("m", Lines.constant(1.0))).withShifts(TWO_SHIFTS);

        for (double startOfWeek : new double[] {0, 2 * DAY + 12 * HOUR, 6 * DAY + 23 * HOUR}) {
            ReplicationResult result = new LineSimulation(line)
                    .startingAt(startOfWeek)
                    .checkingInvariants()
                    .run(0, WEEK, 1, 0);

            StateShares shares = result.stations().get(0).states();
            assertThat(shares.working()).as("start %s", startOfWeek).isCloseTo(77.5 / 168, within(1e-9));
            assertThat(shares.offShift()).isCloseTo(90.5 / 168, within(1e-9));
            assertThat(result.throughputPerHour() * 168).isCloseTo(77.5 * 3600, within(1.0));
            assertThat(result.stations().get(0).availability()).isCloseTo(1.0, within(1e-9));
        }
    }

    @Test
    void aDaysSharesCountOnlyThatDay() {
        LineSpec line = single(StationSpec.machine("m", Lines.exponential(1.0))).withShifts(TWO_SHIFTS);

        ReplicationResult saturday =
                new LineSimulation(line).startingAt(5 * DAY).run(0, DAY, 1, 0);
        ReplicationResult monday = new LineSimulation(line).run(0, DAY, 1, 0);

        assertThat(saturday.stations().get(0).states().offShift()).isEqualTo(1.0);
        assertThat(saturday.throughputPerHour()).isZero();
        assertThat(monday.stations().get(0).states().offShift()).isCloseTo(8.5 / 24, within(1e-9));
    }

    @Test
    void aStationThatStartsOffShiftTracesOffShiftUntilTheShiftStarts() {
        LineSpec line = single(StationSpec.machine("m", Lines.constant(HOUR)))
                .withShifts(List.of(new ShiftSpec(EnumSet.allOf(DayOfWeek.class), 6 * HOUR, 16 * HOUR, List.of())));
        List<TraceEvent.StateChanged> changes = new ArrayList<>();

        new LineSimulation(line).run(0, 7 * HOUR, 1, 0, event -> {
            if (event instanceof TraceEvent.StateChanged change) {
                changes.add(change);
            }
        });

        // Before the fix the start also traced the idle server as starved at t = 0, while it was off shift.
        assertThat(changes.get(0).state()).isEqualTo("offShift");
        assertThat(changes)
                .filteredOn(c -> c.timeSeconds() < 6 * HOUR)
                .extracting(TraceEvent.StateChanged::state)
                .containsOnly("offShift");
        assertThat(changes)
                .filteredOn(c -> c.timeSeconds() == 6 * HOUR)
                .extracting(TraceEvent.StateChanged::state)
                .contains("working");
    }

    @Test
    void aPartInProcessWhenTheShiftEndsResumesNextShift() {
        LineSpec line = single(StationSpec.machine("m", Lines.constant(10 * HOUR)))
                .withShifts(List.of(new ShiftSpec(EnumSet.allOf(DayOfWeek.class), 6 * HOUR, 16 * HOUR, List.of())));
        List<Double> finished = new ArrayList<>();

        new LineSimulation(line).checkingInvariants().run(0, 2 * DAY, 1, 0, event -> {
            if (event instanceof TraceEvent.PartFinished done) {
                finished.add(done.timeSeconds() / HOUR);
            }
        });

        // 06:00–16:00 Monday; 16:00–22:00 plus 06:00–10:00 Tuesday; 10:00–20:00 Tuesday.
        assertThat(finished).containsExactly(16.0, 34.0, 44.0);
    }

    @Test
    void operatingFailureClocksStopOffShiftAndCalendarFailuresWaitForTheShift() {
        List<ShiftSpec> mornings =
                List.of(new ShiftSpec(EnumSet.allOf(DayOfWeek.class), 6 * HOUR, 8 * HOUR, List.of()));
        StationSpec operating = StationSpec.machine("op", Lines.constant(HOUR))
                .withFailures(List.of(new FailureSpec(
                        "wear", Lines.constant(20 * HOUR), Lines.constant(HOUR), FailureBasis.OPERATING)));
        StationSpec calendar = StationSpec.machine("cal", Lines.constant(HOUR))
                .withFailures(List.of(new FailureSpec(
                        "rust", Lines.constant(20 * HOUR), Lines.constant(HOUR), FailureBasis.UP_TIME)));
        LineSpec line = LineSpec.builder("test:shifts")
                .stations(operating, calendar)
                .shifts(mornings)
                .build();
        Map<String, List<Double>> downAt = Map.of("op", new ArrayList<>(), "cal", new ArrayList<>());

        new LineSimulation(line).checkingInvariants().run(0, 3 * DAY, 1, 0, event -> {
            if (event instanceof TraceEvent.StateChanged changed
                    && changed.state().equals("down")) {
                downAt.get(changed.station()).add(changed.timeSeconds() / HOUR);
            }
        });

        // 20 h of processing: 8 h Monday, 8 h Tuesday, 4 h Wednesday → Wednesday 10:00.
        assertThat(downAt.get("op")).containsExactly(58.0);
        // Due Monday 20:00, off shift: strikes when Tuesday's shift starts; the next is due 20 h after that
        // repair (Wednesday 03:00, off shift again) and strikes Wednesday 06:00.
        assertThat(downAt.get("cal")).containsExactly(30.0, 54.0);
    }

    @Test
    void aSnapshotOffShiftRestartsOffShiftAndResumesTheHeldPart() {
        LineSpec line = single(StationSpec.machine("m", Lines.constant(10 * HOUR)))
                .withShifts(List.of(new ShiftSpec(EnumSet.allOf(DayOfWeek.class), 6 * HOUR, 16 * HOUR, List.of())));
        LineSimulation simulation = new LineSimulation(line);

        LineState night = simulation.snapshot(23 * HOUR, 1, 0, Instant.EPOCH);
        List<Double> finished = new ArrayList<>();
        simulation.run(night, 0, DAY, 1, 0, event -> {
            if (event instanceof TraceEvent.PartFinished done) {
                finished.add(done.timeSeconds() / HOUR);
            }
        });

        assertThat(night.stations().get("m").condition()).isInstanceOf(MachineCondition.OffShift.class);
        assertThat(night.stations().get("m").servers().get(0))
                .isEqualTo(new MachineCondition.Working(Optional.empty(), OptionalDouble.of(4 * HOUR)));
        assertThat(finished).containsExactly(34.0, 44.0);
    }

    private static LineSpec single(StationSpec machine) {
        return LineSpec.builder("test:shift")
                .products(List.<io.linetwin.model.ProductSpec>of())
                .stations(machine)
                .buffers(List.<BufferSpec>of())
                .build();
    }
}
