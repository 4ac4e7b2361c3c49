package io.linetwin.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.linetwin.model.BufferSpec;
import io.linetwin.model.FailureBasis;
import io.linetwin.model.FailureSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.LineState;
import io.linetwin.model.MachineCondition;
import io.linetwin.model.OnFull;
import io.linetwin.model.PlannedStop;
import io.linetwin.model.PlannedStopState;
import io.linetwin.model.ShiftSpec;
import io.linetwin.model.StationSpec;
import io.linetwin.model.StationState;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Planned stops: one at a time starts exactly then, on a machine with failures of its own too; one every so much
 * work comes after exactly that much processing; with {@code finishPart} the part in process finishes first; a
 * warm start goes on with the stop where it stood; off shift a stop costs nothing.
 */
final class PlannedStopTest {

    private static final double HOUR = 3_600;

    @Test
    void aStopAtATimeStartsExactlyThenAndLastsItsDuration() {
        LineSpec line = single(StationSpec.machine("m", Lines.constant(7))
                .withPlannedStops(List.of(new PlannedStop("pm", new PlannedStop.At(1_000), 300, false))));
        List<TraceEvent.StateChanged> changes = new ArrayList<>();
        List<Double> finished = new ArrayList<>();

        ReplicationResult result = new LineSimulation(line).checkingInvariants().run(0, 2_000, 1, 0, event -> {
            if (event instanceof TraceEvent.StateChanged change) {
                changes.add(change);
            } else if (event instanceof TraceEvent.PartFinished done) {
                finished.add(done.timeSeconds());
            }
        });

        assertThat(changes)
                .filteredOn(c -> c.state().equals("down"))
                .extracting(TraceEvent.StateChanged::timeSeconds)
                .containsExactly(1_000.0);
        // The part begun at 994 s had 1 s left at the stop: it resumes at 1,300 s and ends at 1,301 s.
        assertThat(finished).contains(994.0).doesNotContain(1_001.0).contains(1_301.0);
        assertThat(finished).filteredOn(t -> t > 994 && t < 1_301).isEmpty();
        assertThat(result.station("m").orElseThrow().states().down()).isCloseTo(300.0 / 2_000, within(1e-12));
    }

    @Test
    void onAMachineWithItsOwnFailuresTheStopStillStartsExactlyWhenPlanned() {
        StationSpec machine = StationSpec.machine("m", Lines.exponential(5))
                .withFailures(List.of(
                        new FailureSpec("jam", Lines.exponential(HOUR), Lines.exponential(600), FailureBasis.UP_TIME),
                        new FailureSpec(
                                "wear", Lines.exponential(2 * HOUR), Lines.exponential(900), FailureBasis.OPERATING)))
                .withPlannedStops(List.of(new PlannedStop("pm", new PlannedStop.At(10 * HOUR), 2 * HOUR, false)));
        int exactly = 0;
        for (long seed = 1; seed <= 30; seed++) {
            List<TraceEvent.StateChanged> changes = new ArrayList<>();

            new LineSimulation(single(machine)).checkingInvariants().run(0, 14 * HOUR, seed, 0, event -> {
                if (event instanceof TraceEvent.StateChanged change && change.server() == 0) {
                    changes.add(change);
                }
            });

            // Down throughout [10 h, 12 h): by the stop, or by a repair under way when it came.
            String before = stateAt(changes, 10 * HOUR - 1e-6);
            assertThat(stateAt(changes, 10 * HOUR)).as("seed %d", seed).isEqualTo("down");
            assertThat(changes)
                    .filteredOn(c -> c.timeSeconds() >= 10 * HOUR && c.timeSeconds() < 12 * HOUR)
                    .as("seed %d", seed)
                    .allSatisfy(c -> assertThat(c.state()).isEqualTo("down"));
            if (!before.equals("down")) {
                assertThat(changes.stream()
                                .anyMatch(c -> c.timeSeconds() == 10 * HOUR
                                        && c.state().equals("down")))
                        .as("seed %d: down at exactly 10 h", seed)
                        .isTrue();
                exactly++;
            }
        }
        // A failure stops the machine about 17 % of the time, so most seeds see the stop begin on its own.
        assertThat(exactly).isGreaterThan(15);
    }

    @Test
    void aPlannedStopIsPlannedDowntimeNotALossOfAvailability() {
        // 300 s planned stop in a 2,000 s window, nothing else halts the machine: down 15 %, all of it planned.
        LineSpec planned = single(StationSpec.machine("m", Lines.constant(7))
                .withPlannedStops(List.of(new PlannedStop("pm", new PlannedStop.At(1_000), 300, false))));
        // The 50 s stop 990-1,040 s, then the wall-clock failure that came due in it: down 1,040-1,050 s, unplanned.
        LineSpec plannedThenFailed = single(StationSpec.machine("m", Lines.constant(7))
                .withFailures(
                        List.of(new FailureSpec("jam", Lines.constant(1_000), Lines.constant(10), FailureBasis.WALL)))
                .withPlannedStops(List.of(new PlannedStop("pm", new PlannedStop.At(990), 50, false))));

        StationResult onlyPlanned = new LineSimulation(planned)
                .checkingInvariants()
                .run(0, 2_000, 1, 0)
                .station("m")
                .orElseThrow();
        StationResult both = new LineSimulation(plannedThenFailed)
                .checkingInvariants()
                .run(0, 2_000, 1, 0)
                .station("m")
                .orElseThrow();

        assertThat(onlyPlanned.states().down()).isCloseTo(0.15, within(1e-12));
        assertThat(onlyPlanned.plannedStop()).isCloseTo(0.15, within(1e-12));
        assertThat(onlyPlanned.availability())
                .as("was 0.85 when the stop counted as a loss")
                .isEqualTo(1.0);
        assertThat(both.states().down()).isCloseTo(60.0 / 2_000, within(1e-12));
        assertThat(both.plannedStop()).isCloseTo(50.0 / 2_000, within(1e-12));
        assertThat(both.availability()).isCloseTo(1_940.0 / 1_950, within(1e-12));
        assertThat(both.oee()).isCloseTo(both.availability() * both.performance() * both.quality(), within(1e-15));
    }

    @Test
    void aFailureStrikingAsAStopEndsShowsTheMachineDownOnceNotTwice() {
        // Due at 1,000 s on the wall clock, inside the stop 990-1,040 s: the machine goes down at 990 s and stays
        // down until the repair ends at 1,050 s. A trace that says "down" again at 1,040 s is a change that is none.
        LineSpec line = single(StationSpec.machine("m", Lines.constant(7))
                .withFailures(
                        List.of(new FailureSpec("jam", Lines.constant(1_000), Lines.constant(10), FailureBasis.WALL)))
                .withPlannedStops(List.of(new PlannedStop("pm", new PlannedStop.At(990), 50, false))));
        List<TraceEvent.StateChanged> changes = new ArrayList<>();

        new LineSimulation(line).checkingInvariants().run(0, 2_000, 1, 0, event -> {
            if (event instanceof TraceEvent.StateChanged change) {
                changes.add(change);
            }
        });

        assertThat(changes)
                .filteredOn(c -> c.timeSeconds() > 988 && c.timeSeconds() < 1_053)
                .extracting(c -> c.timeSeconds() + " " + c.state())
                .containsExactly("990.0 down", "1050.0 working");
        for (int i = 1; i < changes.size(); i++) {
            assertThat(changes.get(i).state())
                    .as("change %d at %s s", i, changes.get(i).timeSeconds())
                    .isNotEqualTo(changes.get(i - 1).state());
        }
    }

    @Test
    void aFailureDueDuringAStopStrikesWhenItEndsAndTheUpClockStandsStillMeanwhile() {
        // wall: due at 1,000 s, inside the stop 990-1,040 s: it strikes at 1,040 s, repaired at 1,050 s.
        LineSpec onWall = single(StationSpec.machine("m", Lines.constant(7))
                .withFailures(
                        List.of(new FailureSpec("jam", Lines.constant(1_000), Lines.constant(10), FailureBasis.WALL)))
                .withPlannedStops(List.of(new PlannedStop("pm", new PlannedStop.At(990), 50, false))));
        // uptime: 1,000 s of up time, with the stop 500-600 s standing still, is 1,100 s.
        LineSpec onUpTime = single(StationSpec.machine("m", Lines.constant(7))
                .withFailures(List.of(
                        new FailureSpec("jam", Lines.constant(1_000), Lines.constant(10), FailureBasis.UP_TIME)))
                .withPlannedStops(List.of(new PlannedStop("pm", new PlannedStop.At(500), 100, false))));

        List<double[]> wallDowns = downs(onWall, 2_000);
        List<double[]> upDowns = downs(onUpTime, 2_000);

        assertThat(wallDowns).hasSize(1);
        assertThat(wallDowns.get(0)).containsExactly(990, 1_050);
        assertThat(upDowns).hasSize(2);
        assertThat(upDowns.get(0)).containsExactly(500, 600);
        assertThat(upDowns.get(1)).containsExactly(1_100, 1_110);
    }

    @Test
    void aStopEverySoMuchWorkComesAfterExactlyThatMuchProcessing() {
        // Parts every 20 s, 10 s each: the machine works half the time.
        LineSpec line = Lines.chain(
                List.of(
                        StationSpec.source("in", Optional.of(Lines.constant(20)), OnFull.BLOCK),
                        StationSpec.machine("m", Lines.constant(10))
                                .withPlannedStops(
                                        List.of(new PlannedStop("clean", new PlannedStop.Every(95), 50, false))),
                        StationSpec.sink("out")),
                BufferSpec.UNLIMITED,
                BufferSpec.UNLIMITED);
        List<TraceEvent.StateChanged> changes = new ArrayList<>();

        new LineSimulation(line).checkingInvariants().run(0, 2_000, 1, 0, event -> {
            if (event instanceof TraceEvent.StateChanged change) {
                changes.add(change);
            }
        });

        List<Double> starts = new ArrayList<>();
        double worked = 0;
        String state = "starved";
        double since = 0;
        for (TraceEvent.StateChanged change : changes) {
            if (state.equals("working")) {
                worked += change.timeSeconds() - since;
            }
            if (change.state().equals("down") && !state.equals("down")) {
                starts.add(change.timeSeconds());
                assertThat(worked)
                        .as("work before the stop at %.3f s", change.timeSeconds())
                        .isCloseTo(95, within(1e-9));
                worked = 0;
            }
            state = change.state();
            since = change.timeSeconds();
        }
        // The first part is worked 20-30 s, ..., the tenth 200-210 s: 95 s of work at 205 s.
        assertThat(starts.get(0)).isCloseTo(205, within(1e-9));
        assertThat(starts).hasSizeGreaterThan(5);
    }

    @Test
    void withFinishPartThePartInProcessEndsFirstAndNoneStartsMeanwhile() {
        LineSpec line = single(StationSpec.machine("m", Lines.constant(10))
                .withPlannedStops(List.of(new PlannedStop("pm", new PlannedStop.At(1_005), 300, true))));
        List<TraceEvent.StateChanged> changes = new ArrayList<>();
        List<Double> finished = new ArrayList<>();

        new LineSimulation(line).checkingInvariants().run(0, 2_000, 1, 0, event -> {
            if (event instanceof TraceEvent.StateChanged change) {
                changes.add(change);
            } else if (event instanceof TraceEvent.PartFinished done) {
                finished.add(done.timeSeconds());
            }
        });

        // The part begun at 1,000 s ends at 1,010 s; the stop runs 1,010-1,310 s; the next part ends at 1,320 s.
        assertThat(changes)
                .filteredOn(c -> c.state().equals("down"))
                .extracting(TraceEvent.StateChanged::timeSeconds)
                .containsExactly(1_010.0);
        assertThat(finished).contains(1_010.0, 1_320.0).doesNotContain(1_020.0);
        assertThat(stateAt(changes, 1_309)).isEqualTo("down");
        assertThat(stateAt(changes, 1_311)).isEqualTo("working");
    }

    @Test
    void aStopThatBeginsOffShiftCountsOffShiftAndDownOnlyOnceTheShiftStarts() {
        LineSpec line = single(StationSpec.machine("m", Lines.constant(10))
                        .withPlannedStops(
                                List.of(new PlannedStop("pm", new PlannedStop.At(4 * HOUR), 4 * HOUR, false))))
                .withShifts(List.of(new ShiftSpec(EnumSet.allOf(DayOfWeek.class), 6 * HOUR, 16 * HOUR, List.of())));

        ReplicationResult result = new LineSimulation(line).checkingInvariants().run(0, 24 * HOUR, 1, 0);

        // Off shift 0-6 h and 22-24 h; the stop 4-8 h is down from 6 h to 8 h only.
        StateShares shares = result.station("m").orElseThrow().states();
        assertThat(shares.offShift()).isCloseTo(8.0 / 24, within(1e-12));
        assertThat(shares.down()).isCloseTo(2.0 / 24, within(1e-12));
        assertThat(shares.working()).isCloseTo(14.0 / 24, within(1e-12));
    }

    @Test
    void aWarmStartDuringAStopOrBeforeOneGoesOnAsTheRunWould() {
        LineSpec line = single(StationSpec.machine("m", Lines.constant(7))
                .withFailures(
                        List.of(new FailureSpec("jam", Lines.constant(313), Lines.constant(17), FailureBasis.UP_TIME)))
                .withPlannedStops(List.of(
                        new PlannedStop("pm", new PlannedStop.Every(401), 53, true),
                        new PlannedStop("overhaul", new PlannedStop.At(2_222), 111, false))));
        LineSimulation simulation = new LineSimulation(line).checkingInvariants();
        for (double t : new double[] {100, 420, 430, 2_250, 2_400}) {
            ReplicationResult straight = simulation.run(t, 1_500, 1, 0);
            LineState state = simulation.snapshot(t, 1, 0, Instant.EPOCH);

            ReplicationResult warm = simulation.run(state, 0, 1_500, 1, 0);

            StationResult a = straight.station("m").orElseThrow();
            StationResult b = warm.station("m").orElseThrow();
            // The instants it goes down, not only the share of time down: an 'every' stop restarting its whole
            // interval at the warm start kept the shares and moved every stop.
            List<Double> straightDowns = new ArrayList<>();
            double from = t;
            simulation.run(t, 1_500, 1, 0, event -> {
                if (event instanceof TraceEvent.StateChanged c && c.state().equals("down") && c.timeSeconds() > from) {
                    straightDowns.add(c.timeSeconds());
                }
            });
            assertThat(downsOf(simulation, state, 1_500, "m").stream()
                            .filter(d -> d > from)
                            .toList())
                    .as("down instants from %.0f s", t)
                    .isEqualTo(straightDowns);
            assertThat(b.good()).as("good from %.0f s", t).isEqualTo(a.good());
            assertThat(b.states().down())
                    .as("down from %.0f s", t)
                    .isCloseTo(a.states().down(), within(1e-9));
            assertThat(b.states().working())
                    .as("working from %.0f s", t)
                    .isCloseTo(a.states().working(), within(1e-9));
        }
    }

    @Test
    void aStopDueAtTheVeryInstantAWarmStartBeginsStartsExactlyThen() {
        // The line as it is, captured at t; the same line with a stop at t started from it (what health risk does).
        double t = 1_003.5;
        LineSpec plain = single(StationSpec.machine("m", Lines.constant(7)));
        LineSpec stopped = withStopAt(plain, "m", t);
        LineState atT = new LineSimulation(plain).snapshot(t, 1, 0, Instant.EPOCH);

        List<Double> downs = downsOf(new LineSimulation(stopped).checkingInvariants(), atT, 2_000, "m");
        ReplicationResult warm =
                new LineSimulation(stopped).checkingInvariants().run(atT, 0, 2_000, 1, 0);
        ReplicationResult straight =
                new LineSimulation(stopped).checkingInvariants().run(t, 2_000, 1, 0);

        // Not Math.nextUp(t), where MASON puts an event scheduled for the instant it is at.
        assertThat(downs).first().isEqualTo(t);
        StationResult a = straight.station("m").orElseThrow();
        StationResult b = warm.station("m").orElseThrow();
        assertThat(b.good()).isEqualTo(a.good());
        assertThat(b.states().down())
                .isEqualTo(300.0 / 2_000)
                .isCloseTo(a.states().down(), within(1e-12));
        assertThat(b.states().working()).isCloseTo(a.states().working(), within(1e-12));
    }

    @ParameterizedTest(name = "at {0} s")
    @ValueSource(doubles = {137.77, 611.913, 1_733.3, 2_468.0101})
    void aLineWarmStartedWithAStopDueAtItsStartGoesOnAsTheStraightRun(double t) {
        LineSpec plain = WarmStartExactTest.line();
        LineSpec stopped = withStopAt(plain, "m1", t);
        LineState atT = new LineSimulation(plain).snapshot(t, 7, 0, Instant.EPOCH);

        ReplicationResult straight =
                new LineSimulation(stopped).checkingInvariants().run(t, 2_000, 7, 0);
        ReplicationResult warm =
                new LineSimulation(stopped).checkingInvariants().run(atT, 0, 2_000, 7, 0);

        WarmStartExactTest.assertSameWindow(straight, warm);
    }

    @ParameterizedTest(name = "captured at {0} s, the stop at {1} s")
    @CsvSource({"1.086, 3.124", "0.688, 3.828"})
    void aStopAtATimeRestoredFromItsDueInStartsAtItsOwnTimeNotTheClockPlusTheRoundedRest(double t, double at) {
        // t + (at - t) is 3.1240000000000006 and 3.8279999999999994: the state's "due in" is rounded.
        assertThat(t + (at - t)).isNotEqualTo(at);
        LineSpec stopped = withStopAt(single(StationSpec.machine("m", Lines.constant(7))), "m", at);
        LineSimulation simulation = new LineSimulation(stopped).checkingInvariants();
        LineState state = simulation.snapshot(t, 1, 0, Instant.EPOCH);

        assertThat(downsOf(simulation, state, 1_000, "m")).containsExactly(at);
    }

    @Test
    void aStopAtTimeZeroStartsAtZero() {
        LineSpec stopped = withStopAt(single(StationSpec.machine("m", Lines.constant(7))), "m", 0);
        List<Double> downs = new ArrayList<>();

        new LineSimulation(stopped).checkingInvariants().run(0, 1_000, 1, 0, event -> {
            if (event instanceof TraceEvent.StateChanged c && c.state().equals("down")) {
                downs.add(c.timeSeconds());
            }
        });

        assertThat(downs).containsExactly(0.0);
    }

    @Test
    void aWarmStartWhoseClockIsAStepOfTheClockPastTheStopStillHasTheStop() {
        // A chain of snapshots adds up its spans: its clock may land a rounding step past the window's time.
        double t = 1_003.5;
        LineSpec plain = single(StationSpec.machine("m", Lines.constant(7)));
        LineState justPast = new LineSimulation(plain).snapshot(Math.nextUp(t), 1, 0, Instant.EPOCH);

        List<Double> downs = downsOf(new LineSimulation(withStopAt(plain, "m", t)), justPast, 1_000, "m");

        assertThat(downs).containsExactly(Math.nextUp(t));
    }

    @ParameterizedTest(name = "due in {0} s of work")
    @ValueSource(doubles = {64.5, 10, 1e-6, 0})
    void aStopEverySoMuchWorkRestoredFromItsDueInComesAfterThatMuchWork(double dueIn) {
        // The machine works without a pause (no inbound buffer, 7 s parts): work and wall time advance together.
        // It went off a whole interval after the warm start, whatever the state said: restoring the working server
        // started the clock, which armed the stop's alarm for the interval it was built with, before the stop's own
        // state set it earlier. Due in 0, it begins at the start itself, not at Math.nextUp(t).
        LineSpec line = single(StationSpec.machine("m", Lines.constant(7))
                .withPlannedStops(List.of(new PlannedStop("clean", new PlannedStop.Every(95), 50, false))));
        LineSimulation simulation = new LineSimulation(line).checkingInvariants();
        double t = 30.5;
        LineState captured = simulation.snapshot(t, 1, 0, Instant.EPOCH);
        StationState m = captured.stations().get("m");
        assertThat(m.plannedStops().get("clean")).isEqualTo(PlannedStopState.dueIn(64.5));
        Map<String, StationState> stations = new java.util.LinkedHashMap<>(captured.stations());
        stations.put(
                "m",
                new StationState(
                        m.condition(),
                        m.currentProduct(),
                        m.good(),
                        m.scrap(),
                        m.servers(),
                        Map.of("clean", PlannedStopState.dueIn(dueIn))));
        LineState state = new LineState(
                captured.capturedAt(),
                captured.clockSeconds(),
                stations,
                captured.buffers(),
                captured.parameters(),
                captured.materialStocks(),
                captured.inFlight());

        List<Double> downs = downsOf(simulation, state, 400, "m");

        assertThat(downs).first().isEqualTo(t + dueIn);
        // Then every 95 s of work after the 50 s stop.
        assertThat(downs.get(1)).isCloseTo(t + dueIn + 50 + 95, within(1e-9));
    }

    @Test
    void aSnapshotShowsAStopUnderWayAsDownNamingItAndItsProgress() {
        LineSpec line = single(StationSpec.machine("m", Lines.constant(7))
                .withPlannedStops(List.of(
                        new PlannedStop("pm", new PlannedStop.Every(401), 53, false),
                        new PlannedStop("overhaul", new PlannedStop.At(2_222), 111, false))));

        LineState state = new LineSimulation(line).snapshot(420, 1, 0, Instant.EPOCH);

        MachineCondition.Down down =
                (MachineCondition.Down) state.stations().get("m").condition();
        assertThat(down.failure()).contains("pm");
        assertThat(down.elapsedRepairSeconds()).isCloseTo(19, within(1e-9));
        assertThat(down.remainingRepairSeconds().getAsDouble()).isCloseTo(34, within(1e-9));
        Map<String, PlannedStopState> stops = state.stations().get("m").plannedStops();
        assertThat(stops.get("pm").remainingSeconds().getAsDouble()).isCloseTo(34, within(1e-9));
        assertThat(stops.get("overhaul").dueInSeconds()).isCloseTo(2_222 - 420, within(1e-9));
    }

    @Test
    void aStateNamingAStopThatIsNotThereIsRefused() {
        LineSpec line = single(StationSpec.machine("m", Lines.constant(7)));
        LineState state = new LineSimulation(line).snapshot(10, 1, 0, Instant.EPOCH);
        var station = state.stations().get("m");
        LineState wrong = new LineState(
                state.capturedAt(),
                state.clockSeconds(),
                Map.of(
                        "m",
                        new StationState(
                                station.condition(),
                                station.currentProduct(),
                                station.good(),
                                station.scrap(),
                                station.servers(),
                                Map.of("pm", PlannedStopState.dueIn(5)))),
                state.buffers(),
                state.parameters(),
                state.materialStocks());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LineSimulation(line).requireFits(wrong))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("station m planned stops must name its planned stops, got pm");
    }

    /** {@code line} with a planned stop of 300 s at {@code atSeconds} on {@code station}. */
    private static LineSpec withStopAt(LineSpec line, String station, double atSeconds) {
        StationSpec spec = line.station(station).orElseThrow();
        return line.withStation(
                spec.withPlannedStops(List.of(new PlannedStop("pm", new PlannedStop.At(atSeconds), 300, false))));
    }

    /** The instants {@code station} goes down, in a run of {@code seconds} from {@code state}. */
    private static List<Double> downsOf(LineSimulation simulation, LineState state, double seconds, String station) {
        List<Double> downs = new ArrayList<>();
        simulation.run(state, 0, seconds, 1, 0, event -> {
            if (event instanceof TraceEvent.StateChanged c
                    && c.station().equals(station)
                    && c.state().equals("down")) {
                downs.add(c.timeSeconds());
            }
        });
        return downs;
    }

    /** The spans in which server 0 of the line's one station is down, {start, end}, merged where they touch. */
    private static List<double[]> downs(LineSpec line, double horizonSeconds) {
        List<double[]> spans = new ArrayList<>();
        double[] open = {Double.NaN};
        new LineSimulation(line).checkingInvariants().run(0, horizonSeconds, 1, 0, event -> {
            if (event instanceof TraceEvent.StateChanged change && change.server() == 0) {
                boolean down = change.state().equals("down");
                if (down && Double.isNaN(open[0])) {
                    open[0] = change.timeSeconds();
                } else if (!down && !Double.isNaN(open[0])) {
                    spans.add(new double[] {open[0], change.timeSeconds()});
                    open[0] = Double.NaN;
                }
            }
        });
        return spans;
    }

    /** The state server 0 of the traced station is in at {@code t}. */
    private static String stateAt(List<TraceEvent.StateChanged> changes, double t) {
        String state = "starved";
        for (TraceEvent.StateChanged change : changes) {
            if (change.server() == 0 && change.timeSeconds() <= t) {
                state = change.state();
            }
        }
        return state;
    }

    private static LineSpec single(StationSpec machine) {
        return LineSpec.builder("test:stops").stations(machine).build();
    }
}
