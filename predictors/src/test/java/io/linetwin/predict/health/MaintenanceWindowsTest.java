package io.linetwin.predict.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linetwin.model.ShiftSpec;
import io.linetwin.predict.health.MaintenanceWindows.Candidate;
import io.linetwin.predict.health.MaintenanceWindows.Kind;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

final class MaintenanceWindowsTest {

    private static final double HOUR = 3600;
    private static final double DAY = 24 * HOUR;
    /** Monday to Friday, 06:00 to 22:00, a 30-minute break at 12:00. */
    private static final List<ShiftSpec> TWO_SHIFTS = List.of(new ShiftSpec(
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            6 * HOUR,
            16 * HOUR,
            List.of(new ShiftSpec.Break(6 * HOUR, 0.5 * HOUR))));

    @Test
    void aLookAheadFromFridayMidnightGetsTheNightBreaksWeekendAndNextNight() {
        List<Candidate> windows = MaintenanceWindows.of(TWO_SHIFTS, 4 * DAY, 4 * DAY, 0.5 * HOUR, 6 * HOUR);

        // Fri 00:00 (the night under way), Fri 12:00, Fri 22:00 to Mon 06:00, Mon 12:00, Mon 22:00 (ends by Tue 00:00).
        assertThat(windows)
                .containsExactly(
                        new Candidate(0, Kind.OFF_SHIFT),
                        new Candidate(12 * HOUR, Kind.BREAK),
                        new Candidate(22 * HOUR, Kind.WEEKEND),
                        new Candidate(84 * HOUR, Kind.BREAK),
                        new Candidate(94 * HOUR, Kind.OFF_SHIFT));
    }

    @Test
    void aLookAheadThatStartsOnShiftMayMaintainAtOnce() {
        // Monday 08:00, one day: now, the 12:00 break, the night from 22:00; a 3 h maintenance still fits at 22:00.
        List<Candidate> windows = MaintenanceWindows.of(TWO_SHIFTS, 8 * HOUR, DAY, 3 * HOUR, 6 * HOUR);

        assertThat(windows)
                .containsExactly(
                        new Candidate(0, Kind.NOW),
                        new Candidate(4 * HOUR, Kind.BREAK),
                        new Candidate(14 * HOUR, Kind.OFF_SHIFT));
    }

    @Test
    void aWeekendUnderWayAtTheStartIsStillAWeekend() {
        // Saturday 10:00: the stop began Friday 22:00; then the Monday break and Monday night.
        List<Candidate> windows = MaintenanceWindows.of(TWO_SHIFTS, 5 * DAY + 10 * HOUR, 3 * DAY, HOUR, 6 * HOUR);

        assertThat(windows)
                .containsExactly(
                        new Candidate(0, Kind.WEEKEND),
                        new Candidate(50 * HOUR, Kind.BREAK),
                        new Candidate(60 * HOUR, Kind.OFF_SHIFT));
    }

    @Test
    void aLineWithoutShiftsIsMaintainedEveryStep() {
        List<Candidate> windows = MaintenanceWindows.of(List.of(), 0, DAY, 2 * HOUR, 6 * HOUR);

        assertThat(windows).extracting(Candidate::startSeconds).containsExactly(0.0, 6 * HOUR, 12 * HOUR, 18 * HOUR);
        assertThat(windows).extracting(Candidate::kind).containsOnly(Kind.STEP);
        assertThatThrownBy(() -> MaintenanceWindows.of(List.of(), 0, DAY, HOUR, 0))
                .hasMessage("window step must be > 0 seconds, got 0.0");
    }
}
