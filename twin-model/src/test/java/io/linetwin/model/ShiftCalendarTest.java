package io.linetwin.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ShiftCalendarTest {

    private static final double HOUR = 3600;
    private static final double DAY = 24 * HOUR;

    @Test
    void twoShiftsWithABreakWorkSeventySevenAndAHalfHoursAWeek() {
        ShiftCalendar calendar = ShiftCalendar.of(List.of(new ShiftSpec(
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                6 * HOUR,
                16 * HOUR,
                List.of(new ShiftSpec.Break(6 * HOUR, 0.5 * HOUR)))));

        assertThat(calendar.workingSecondsPerWeek()).isEqualTo(77.5 * HOUR);
        assertThat(calendar.working(5 * HOUR)).isFalse();
        assertThat(calendar.working(6 * HOUR)).isTrue();
        assertThat(calendar.working(12 * HOUR)).isFalse();
        assertThat(calendar.working(12.5 * HOUR)).isTrue();
        assertThat(calendar.working(22 * HOUR)).isFalse();
        assertThat(calendar.working(5 * DAY + 10 * HOUR)).isFalse();
        assertThat(calendar.secondsToNextChange(0)).isEqualTo(6 * HOUR);
        assertThat(calendar.secondsToNextChange(13 * HOUR)).isEqualTo(9 * HOUR);
        // Friday 22:00 → Monday 06:00 of the next week.
        assertThat(calendar.secondsToNextChange(4 * DAY + 22 * HOUR)).isEqualTo(2 * DAY + 8 * HOUR);
    }

    @Test
    void aSundayNightShiftRunsIntoMondayAndOverlapsMerge() {
        ShiftCalendar calendar = ShiftCalendar.of(List.of(
                new ShiftSpec(EnumSet.of(DayOfWeek.SUNDAY), 22 * HOUR, 8 * HOUR, List.of()),
                new ShiftSpec(EnumSet.of(DayOfWeek.MONDAY), 5 * HOUR, 4 * HOUR, List.of())));

        assertThat(calendar.working(1 * HOUR)).isTrue();
        assertThat(calendar.working(6 * DAY + 23 * HOUR)).isTrue();
        assertThat(calendar.working(8.5 * HOUR)).isTrue();
        assertThat(calendar.working(9 * HOUR)).isFalse();
        assertThat(calendar.workingSecondsPerWeek()).isEqualTo(11 * HOUR);
    }

    @Test
    void aSundayNightShiftKeepsItsBreakAfterMidnightOnMondayMorning() {
        // Sunday 22:00–06:00 with a break at 02:00: before the fix the piece after the break was folded into
        // [0, 06:00) and swallowed the break, and the folded bounds were left unsorted.
        ShiftCalendar calendar = ShiftCalendar.of(List.of(new ShiftSpec(
                EnumSet.of(DayOfWeek.SUNDAY),
                22 * HOUR,
                8 * HOUR,
                List.of(new ShiftSpec.Break(4 * HOUR, 0.5 * HOUR)))));

        assertThat(calendar.working(1.9 * HOUR)).isTrue();
        assertThat(calendar.working(2.1 * HOUR)).isFalse();
        assertThat(calendar.working(2.5 * HOUR)).isTrue();
        assertThat(calendar.working(6 * HOUR)).isFalse();
        assertThat(calendar.working(6 * DAY + 22.5 * HOUR)).isTrue();
        assertThat(calendar.workingSecondsPerWeek()).isEqualTo(7.5 * HOUR);
        // Sunday 23:00: the shift runs through the week's end without a change until the 02:00 break.
        assertThat(calendar.secondsToNextChange(6 * DAY + 23 * HOUR)).isEqualTo(3 * HOUR);
    }

    @Test
    void noShiftsOrAllDayEveryDayMeansAlwaysWorking() {
        assertThat(ShiftCalendar.of(List.of()).alwaysWorking()).isTrue();
        assertThat(ShiftCalendar.of(List.of(new ShiftSpec(EnumSet.allOf(DayOfWeek.class), 0, DAY, List.of())))
                        .alwaysWorking())
                .isTrue();
    }

    @Test
    void aBreakMustEndWithinItsShift() {
        assertThatThrownBy(() -> new ShiftSpec(
                        EnumSet.of(DayOfWeek.MONDAY),
                        6 * HOUR,
                        8 * HOUR,
                        List.of(new ShiftSpec.Break(7.75 * HOUR, 0.5 * HOUR))))
                .hasMessageContaining("a break must end within its shift");
    }
}
