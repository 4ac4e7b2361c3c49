package io.linetwin.predict.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.linetwin.model.Distribution;
import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.FailureBasis;
import io.linetwin.model.FailureSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.ShiftSpec;
import io.linetwin.model.StationSpec;
import io.linetwin.predict.health.MaintenanceWindows.Candidate;
import io.linetwin.predict.health.MaintenanceWindows.Kind;
import io.linetwin.sim.LineSimulation;
import io.linetwin.sim.TraceEvent;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * One machine that is never starved nor blocked and makes a part a second: every second it is down is a
 * part lost, so the losses are known exactly.
 */
final class MaintenanceRiskTest {

    private static final double HOUR = 3600;
    private static final Distribution FOUR_HOUR_REPAIR = new Distribution.Constant(4 * HOUR);
    private static final LineSpec PRESS = LineSpec.builder("test:press")
            .stations(StationSpec.machine("press", new Distribution.Constant(1)))
            .build();
    private static final ExperimentSpec TWO_DAYS = new ExperimentSpec(48 * HOUR, 0, 4, 11, 0);

    private final MaintenanceRisk risk = new MaintenanceRisk(PRESS, TWO_DAYS, Optional.empty(), 2);

    @Test
    void theMaintenanceStartsExactlyAtItsWindowOnAMachineWithFailuresOfItsOwn() {
        // Before planned stops the maintenance was a failure mode due on the machine's up clock, which stands still
        // during its repairs: on this machine it started late by every repair before the window.
        StationSpec press = StationSpec.machine("press", new Distribution.Constant(1))
                .withFailures(List.of(new FailureSpec(
                        "jam",
                        new Distribution.Exponential(HOUR),
                        new Distribution.Exponential(600),
                        FailureBasis.UP_TIME)));
        LineSpec line = LineSpec.builder("test:press").stations(press).build();
        MaintenanceRisk onFailingPress = new MaintenanceRisk(line, TWO_DAYS, Optional.empty(), 1);
        LineSpec maintained = onFailingPress.maintained(press, 10 * HOUR, HOUR);
        int exactly = 0;
        for (long seed = 1; seed <= 10; seed++) {
            List<TraceEvent.StateChanged> changes = new ArrayList<>();

            new LineSimulation(maintained).run(0, 12 * HOUR, seed, 0, event -> {
                if (event instanceof TraceEvent.StateChanged change) {
                    changes.add(change);
                }
            });

            String atWindow = "starved";
            for (TraceEvent.StateChanged change : changes) {
                if (change.timeSeconds() < 10 * HOUR) {
                    atWindow = change.state();
                }
            }
            // Down from the window to its end: a stop that begins then, or a repair under way that it follows.
            assertThat(changes)
                    .filteredOn(c -> c.timeSeconds() >= 10 * HOUR && c.timeSeconds() < 11 * HOUR)
                    .as("seed %d", seed)
                    .allSatisfy(c -> assertThat(c.state()).isEqualTo("down"));
            if (!atWindow.equals("down")) {
                assertThat(changes.stream()
                                .anyMatch(c -> c.timeSeconds() == 10 * HOUR
                                        && c.state().equals("down")))
                        .as("seed %d: down at exactly 10 h", seed)
                        .isTrue();
                exactly++;
            }
        }
        // The press is under repair about a seventh of the time: most seeds see the stop begin on its own.
        assertThat(exactly).isGreaterThan(5);
    }

    @Test
    void aFailureInTheLookAheadCostsItsRepairAndMaintenanceBeforeItCostsOnlyTheMaintenance() {
        TimeToFailure inTenHours = new TimeToFailure(10 * HOUR, 0);

        MaintenanceRisk.Report report = risk.assess(
                "press", inTenHours, FOUR_HOUR_REPAIR, HOUR, MaintenanceWindows.everyStep(48 * HOUR, 6 * HOUR, HOUR));

        assertThat(report.workingShare()).isEqualTo(1.0);
        assertThat(report.riskWithin8h()).isZero();
        assertThat(report.riskWithin24h()).isEqualTo(1.0);
        // 4 h of repair = 14,400 parts; the closed window may count one part either side.
        assertThat(report.expectedLossParts().mean()).isCloseTo(4 * HOUR, within(1.0));
        MaintenanceRisk.Window best = report.bestWindow().orElseThrow();
        assertThat(best.startSeconds()).isLessThan(10 * HOUR);
        assertThat(best.lossParts().mean()).isCloseTo(HOUR, within(1.0));
    }

    @Test
    void aShortRemainingLifeIsRiskierAndCostlierThanALongOne() {
        TimeToFailure soon = new TimeToFailure(6 * HOUR, 2 * HOUR);
        TimeToFailure late = new TimeToFailure(200 * HOUR, 40 * HOUR);

        MaintenanceRisk.Report shortLife = risk.assess("press", soon, FOUR_HOUR_REPAIR, HOUR, List.of());
        MaintenanceRisk.Report longLife = risk.assess("press", late, FOUR_HOUR_REPAIR, HOUR, List.of());

        assertThat(shortLife.riskWithin24h()).isGreaterThan(0.99);
        assertThat(longLife.riskWithin24h()).isLessThan(1e-6);
        // Every draw of the short life fails inside 48 h (P(ttf > 44 h) is about 1e-10): a full repair lost each time.
        assertThat(shortLife.expectedLossParts().mean()).isCloseTo(4 * HOUR, within(1.0));
        assertThat(longLife.expectedLossParts().mean()).isZero();
        assertThat(shortLife.bestWindow()).isEmpty();
    }

    @Test
    void maintenanceThatCostsMoreThanTheFailureIsNotRecommended() {
        TimeToFailure inTenHours = new TimeToFailure(10 * HOUR, 0);

        // A 6 h maintenance to avert a 4 h repair: running to failure loses less.
        MaintenanceRisk.Report report = risk.assess(
                "press",
                inTenHours,
                FOUR_HOUR_REPAIR,
                6 * HOUR,
                MaintenanceWindows.everyStep(48 * HOUR, 6 * HOUR, 6 * HOUR));

        assertThat(report.expectedLossParts().mean()).isCloseTo(4 * HOUR, within(1.0));
        assertThat(report.bestWindow()).isEmpty();
    }

    /** The press on two shifts, Monday to Friday 06:00 to 22:00 with a 30-minute break at 12:00. */
    private static final LineSpec PRESS_ON_SHIFTS = LineSpec.builder("test:press")
            .stations(StationSpec.machine("press", new Distribution.Constant(1)))
            .shifts(List.of(new ShiftSpec(
                    EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                    6 * HOUR,
                    16 * HOUR,
                    List.of(new ShiftSpec.Break(6 * HOUR, 0.5 * HOUR)))))
            .build();
    /** From Monday 00:00. */
    private final MaintenanceRisk onShifts = new MaintenanceRisk(PRESS_ON_SHIFTS, TWO_DAYS, Optional.empty(), 2);

    @Test
    void maintenanceOffShiftCostsNothingAndOnShiftItsLostProductionTime() {
        TimeToFailure muchLater = new TimeToFailure(500 * HOUR, 0);
        List<Candidate> windows = List.of(
                new Candidate(14 * HOUR, Kind.STEP),
                new Candidate(22 * HOUR, Kind.OFF_SHIFT),
                new Candidate(12 * HOUR, Kind.BREAK),
                new Candidate(21 * HOUR, Kind.STEP));

        MaintenanceRisk.Report report = onShifts.assess("press", muchLater, FOUR_HOUR_REPAIR, 2 * HOUR, windows);

        assertThat(report.windows())
                .extracting(MaintenanceRisk.Window::candidate)
                .containsExactlyElementsOf(windows);
        List<Double> losses =
                report.windows().stream().map(w -> w.lossParts().mean()).toList();
        // Mon 14:00-16:00 on shift: 7,200 one-second parts. Mon 22:00-Tue 00:00: the line is off shift, nothing.
        // From the 12:00 break: 12:30-14:00 on shift, 5,400. From 21:00: one hour on shift, 3,600.
        // One part either side: a window branched at its start may count the part in process then on either side.
        assertThat(losses.get(0)).isCloseTo(2 * HOUR, within(1.001));
        assertThat(losses.get(1)).isCloseTo(0, within(1.001));
        assertThat(losses.get(2)).isCloseTo(1.5 * HOUR, within(1.001));
        assertThat(losses.get(3)).isCloseTo(HOUR, within(1.001));
        // No failure within the look-ahead, so no maintenance pays for itself.
        assertThat(report.expectedLossParts().mean()).isZero();
        assertThat(report.bestWindow()).isEmpty();
    }

    @Test
    void theChosenWindowIsTheCheapestCandidate() {
        // From Monday 08:00, 10 h of work: 08:00-12:00 and 12:30-18:30, so it fails Monday 18:30 and the 4 h repair
        // loses the 3.5 h to the end of the shift.
        ExperimentSpec fromMondayEight = new ExperimentSpec(48 * HOUR, 0, 4, 11, 8 * HOUR);
        MaintenanceRisk risk = new MaintenanceRisk(PRESS_ON_SHIFTS, fromMondayEight, Optional.empty(), 2);
        TimeToFailure tenHoursOfWork = new TimeToFailure(10 * HOUR, 0);
        List<Candidate> windows =
                MaintenanceWindows.of(PRESS_ON_SHIFTS.shifts(), 8 * HOUR, 48 * HOUR, 2 * HOUR, 6 * HOUR);

        MaintenanceRisk.Report report = risk.assess("press", tenHoursOfWork, FOUR_HOUR_REPAIR, 2 * HOUR, windows);

        assertThat(report.riskWithin8h()).isZero();
        assertThat(report.riskWithin24h()).isEqualTo(1.0);
        assertThat(report.expectedLossParts().mean()).isCloseTo(3.5 * HOUR, within(1.0));
        assertThat(report.windows())
                .extracting(MaintenanceRisk.Window::candidate)
                .containsExactly(
                        new Candidate(0, Kind.NOW),
                        new Candidate(4 * HOUR, Kind.BREAK),
                        new Candidate(14 * HOUR, Kind.OFF_SHIFT),
                        new Candidate(28 * HOUR, Kind.BREAK),
                        new Candidate(38 * HOUR, Kind.OFF_SHIFT));
        List<Double> losses =
                report.windows().stream().map(w -> w.lossParts().mean()).toList();
        // Now: 2 h on shift. The break: 12:30-14:00. The night and later: after the failure, which costs its
        // 3.5 h, plus 1.5 h more for the Tuesday break.
        assertThat(losses)
                .usingElementComparator((a, b) -> Math.abs(a - b) <= 1.0 ? 0 : Double.compare(a, b))
                .containsExactly(2 * HOUR, 1.5 * HOUR, 3.5 * HOUR, 5 * HOUR, 3.5 * HOUR);
        assertThat(report.bestWindow().orElseThrow().candidate()).isEqualTo(new Candidate(4 * HOUR, Kind.BREAK));
    }

    /**
     * A two-machine line on two shifts with failures of its own, its second machine predicted to fail in about a day:
     * randomness everywhere, so the branched windows can only agree with the whole look-ahead within their intervals.
     */
    private static final LineSpec TWO_MACHINES_ON_SHIFTS = LineSpec.builder("test:two")
            .stations(List.of(
                    StationSpec.machine("cutter", new Distribution.Exponential(0.9))
                            .withFailures(List.of(new FailureSpec(
                                    "blade",
                                    new Distribution.Exponential(3 * HOUR),
                                    new Distribution.Exponential(600),
                                    FailureBasis.OPERATING))),
                    StationSpec.machine("press", new Distribution.Constant(1))
                            .withFailures(List.of(new FailureSpec(
                                    "jam",
                                    new Distribution.Exponential(2 * HOUR),
                                    new Distribution.Exponential(300),
                                    FailureBasis.OPERATING)))))
            .buffers(new io.linetwin.model.BufferSpec("b", "cutter", "press", 30))
            .shifts(PRESS_ON_SHIFTS.shifts())
            .build();

    private static final ExperimentSpec THREE_DAYS_FROM_MONDAY_SIX = new ExperimentSpec(72 * HOUR, 0, 8, 5, 6 * HOUR);
    private static final ExperimentSpec TWO_DAYS_FROM_MONDAY_SIX = new ExperimentSpec(48 * HOUR, 0, 4, 5, 6 * HOUR);

    @Test
    void windowsBranchedAtTheirStartAgreeWithTheWholeLookAheadWithinTheirIntervals() {
        MaintenanceRisk branched =
                new MaintenanceRisk(TWO_MACHINES_ON_SHIFTS, THREE_DAYS_FROM_MONDAY_SIX, Optional.empty(), 2);
        MaintenanceRisk whole = branched.simulatingWholeLookAhead();
        TimeToFailure aboutADay = new TimeToFailure(14 * HOUR, 4 * HOUR);
        List<Candidate> windows =
                MaintenanceWindows.of(TWO_MACHINES_ON_SHIFTS.shifts(), 6 * HOUR, 72 * HOUR, 2 * HOUR, 6 * HOUR);

        MaintenanceRisk.Report fast = branched.assess("press", aboutADay, FOUR_HOUR_REPAIR, 2 * HOUR, windows);
        MaintenanceRisk.Report reference = whole.assess("press", aboutADay, FOUR_HOUR_REPAIR, 2 * HOUR, windows);

        // The risks and the failure's own loss come from the same runs: equal to the last bit.
        assertThat(fast.riskWithin24h()).isEqualTo(reference.riskWithin24h());
        assertThat(fast.expectedLossParts()).isEqualTo(reference.expectedLossParts());
        assertThat(fast.windows()).hasSameSizeAs(reference.windows()).hasSizeGreaterThan(4);
        int simulated = 0;
        for (int k = 0; k < windows.size(); k++) {
            var a = fast.windows().get(k).lossParts();
            var b = reference.windows().get(k).lossParts();
            // Two estimates of one loss: they differ by less than their intervals together allow.
            assertThat(Math.abs(a.mean() - b.mean()))
                    .as("window %s: branched %s, whole look-ahead %s", windows.get(k), a, b)
                    .isLessThanOrEqualTo(Math.hypot(a.halfWidth(), b.halfWidth()) + 1.0);
            if (a.mean() != b.mean()) {
                simulated++;
            }
        }
        assertThat(simulated)
                .as("windows that stop the line were simulated both ways")
                .isGreaterThan(2);
        // The window recommended loses no more, by the reference's own figures, than the reference's choice allows.
        MaintenanceRisk.Window chosen = fast.bestWindow().orElseThrow();
        MaintenanceRisk.Window itsReference =
                reference.windows().get(fast.windows().indexOf(chosen));
        assertThat(itsReference.lossParts().mean())
                .isLessThanOrEqualTo(reference
                        .bestWindow()
                        .orElseThrow()
                        .lossParts()
                        .ciHigh()
                        .getAsDouble());
    }

    @Test
    void theBranchedWindowsGiveTheSameFiguresOnOneThreadAndOnFour() {
        TimeToFailure aboutADay = new TimeToFailure(14 * HOUR, 4 * HOUR);
        List<Candidate> windows =
                MaintenanceWindows.of(TWO_MACHINES_ON_SHIFTS.shifts(), 6 * HOUR, 48 * HOUR, 2 * HOUR, 6 * HOUR);

        MaintenanceRisk.Report one = new MaintenanceRisk(
                        TWO_MACHINES_ON_SHIFTS, TWO_DAYS_FROM_MONDAY_SIX, Optional.empty(), 1)
                .assess("press", aboutADay, FOUR_HOUR_REPAIR, 2 * HOUR, windows);
        MaintenanceRisk.Report four = new MaintenanceRisk(
                        TWO_MACHINES_ON_SHIFTS, TWO_DAYS_FROM_MONDAY_SIX, Optional.empty(), 4)
                .assess("press", aboutADay, FOUR_HOUR_REPAIR, 2 * HOUR, windows);

        assertThat(four).isEqualTo(one);
    }

    @Test
    void aMaintenanceBranchedFromTheLineAtItsWindowStartsExactlyThen() {
        // The branch starts from a snapshot of the line as it is at the window, and the stop is due at the instant
        // the warm start begins: it went off one step of the engine's clock late (36000.00000000001 s) until the
        // engine began such a stop in the start itself.
        StationSpec press = TWO_MACHINES_ON_SHIFTS.station("press").orElseThrow();
        MaintenanceRisk risk = new MaintenanceRisk(TWO_MACHINES_ON_SHIFTS, TWO_DAYS, Optional.empty(), 1);
        LineSpec maintained = risk.maintained(press, 10 * HOUR, HOUR);
        int exactly = 0;
        for (int r = 0; r < 10; r++) {
            var atWindow = risk.chain(new LineSimulation(TWO_MACHINES_ON_SHIFTS), new double[] {10 * HOUR}, r)[0];
            List<TraceEvent.StateChanged> changes = new ArrayList<>();

            risk.branch(maintained, atWindow, 12 * HOUR, 100 + r, io.linetwin.sim.RunProgress.NONE, event -> {
                if (event instanceof TraceEvent.StateChanged change
                        && change.station().equals("press")) {
                    changes.add(change);
                }
            });

            assertThat(changes)
                    .filteredOn(c -> c.timeSeconds() > 10 * HOUR && c.timeSeconds() < 11 * HOUR)
                    .as("replication %d", r)
                    .allSatisfy(c -> assertThat(c.state()).isEqualTo("down"));
            if (changes.stream()
                    .anyMatch(c -> c.timeSeconds() == 10 * HOUR && c.state().equals("down"))) {
                exactly++;
            }
        }
        // The press is down for a jam about 4 % of the time: almost every replication sees the stop begin itself.
        assertThat(exactly).isGreaterThan(7);
    }
}
