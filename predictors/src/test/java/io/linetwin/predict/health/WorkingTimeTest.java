package io.linetwin.predict.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.model.ShiftCalendar;
import io.linetwin.model.ShiftSpec;
import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

final class WorkingTimeTest {

    private static final double HOUR = 3600;
    /** Monday to Friday 06:00-22:00 with a 30-minute break at 12:00: 15.5 h a day, 77.5 h a week. */
    private static final ShiftCalendar TWO_SHIFTS = ShiftCalendar.of(List.of(new ShiftSpec(
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            6 * HOUR,
            16 * HOUR,
            List.of(new ShiftSpec.Break(6 * HOUR, 0.5 * HOUR)))));

    private final WorkingTime fromMondayEight = new WorkingTime(TWO_SHIFTS, 8 * HOUR);

    @Test
    void timeOnShiftSkipsBreaksNightsAndWeekends() {
        assertThat(fromMondayEight.onShiftSeconds(8 * HOUR)).isEqualTo(7.5 * HOUR);
        assertThat(fromMondayEight.onShiftSeconds(24 * HOUR)).isEqualTo(15.5 * HOUR);
        assertThat(fromMondayEight.onShiftSeconds(168 * HOUR)).isEqualTo(77.5 * HOUR);
    }

    @Test
    void afterOnShiftIsTheInverseOfOnShiftSeconds() {
        assertThat(fromMondayEight.afterOnShift(10 * HOUR)).isEqualTo(10.5 * HOUR);
        // 13.5 h on Monday, then Tuesday from 06:00 (offset 22 h): one more hour is Tuesday 07:00.
        assertThat(fromMondayEight.afterOnShift(14.5 * HOUR)).isEqualTo(23 * HOUR);
        // Two whole weeks and 1 h: Monday 09:00 two weeks on.
        assertThat(fromMondayEight.afterOnShift(2 * 77.5 * HOUR + HOUR)).isEqualTo(2 * 168 * HOUR + HOUR);
    }

    @Test
    void stopsAndRestartsAreFoundFromAnyInstant() {
        assertThat(fromMondayEight.nextStop(0)).isEqualTo(4 * HOUR);
        assertThat(fromMondayEight.nextWorking(4 * HOUR)).isEqualTo(4.5 * HOUR);
        assertThat(fromMondayEight.stopBegan(5 * 24 * HOUR)).isEqualTo((4 * 24 + 14) * HOUR);
        assertThat(new WorkingTime(ShiftCalendar.of(List.of()), 0).afterOnShift(5 * HOUR))
                .isEqualTo(5 * HOUR);
    }
}
