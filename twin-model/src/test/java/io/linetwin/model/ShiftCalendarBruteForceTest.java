package io.linetwin.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The folded weekly calendar against a minute-by-minute one built the obvious way: every minute of every shift
 * day, minus the breaks, marked modulo the week. Shifts cross midnight and the week's end, with breaks on either
 * side of midnight; several shifts overlap. {@link Random} only picks the calendars.
 */
final class ShiftCalendarBruteForceTest {

    private static final int MINUTES_PER_DAY = 24 * 60;
    private static final int MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

    /**
     * Every shift start on the hour and every length that crosses midnight, on Sunday (so it crosses the week's end)
     * and Wednesday, with a 30-minute break at each place that matters: at the start, ending at midnight, across
     * midnight, right after midnight, and at the end.
     */
    static IntStream startHours() {
        return IntStream.range(0, 24);
    }

    @ParameterizedTest(name = "start {0}:00")
    @MethodSource("startHours")
    void everyShiftCrossingMidnightWithABreakMatchesTheMinuteCalendar(int startHour) {
        for (int lengthHours = 25 - startHour; lengthHours <= 24; lengthHours++) {
            double length = lengthHours * 3600.0;
            double toMidnight = (24 - startHour) * 3600.0;
            for (double offset : new double[] {0, toMidnight - 1800, toMidnight - 900, toMidnight, length - 1800}) {
                if (offset < 0 || offset + 1800 > length) {
                    continue;
                }
                ShiftSpec shift = new ShiftSpec(
                        EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.WEDNESDAY),
                        startHour * 3600.0,
                        length,
                        List.of(new ShiftSpec.Break(offset, 1800.0)));
                assertMatches(List.of(shift));
            }
        }
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 200);
    }

    @ParameterizedTest(name = "calendar seed {0}")
    @MethodSource("seeds")
    void randomCalendarsMatchTheMinuteCalendar(long seed) {
        Random random = new Random(seed);
        List<ShiftSpec> shifts = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (DayOfWeek day : DayOfWeek.values()) {
                if (random.nextInt(3) == 0) {
                    days.add(day);
                }
            }
            days.add(random.nextBoolean() ? DayOfWeek.SUNDAY : DayOfWeek.of(1 + random.nextInt(7)));
            int start = random.nextInt(MINUTES_PER_DAY);
            int length = 1 + random.nextInt(MINUTES_PER_DAY);
            List<ShiftSpec.Break> breaks = new ArrayList<>();
            int breakCount = random.nextInt(3);
            for (int b = 0; b < breakCount; b++) {
                int offset = random.nextInt(length);
                int duration = 1 + random.nextInt(Math.max(1, Math.min(90, length - offset)));
                if (offset + duration <= length) {
                    breaks.add(new ShiftSpec.Break(offset * 60.0, duration * 60.0));
                }
            }
            shifts.add(new ShiftSpec(days, start * 60.0, length * 60.0, breaks));
        }
        assertMatches(shifts);
    }

    private static void assertMatches(List<ShiftSpec> shifts) {
        boolean[] minutes = minuteCalendar(shifts);
        ShiftCalendar calendar = ShiftCalendar.of(shifts);
        int workingMinutes = 0;
        int[] flips = nextFlips(minutes);
        for (int m = 0; m < MINUTES_PER_WEEK; m++) {
            workingMinutes += minutes[m] ? 1 : 0;
            double start = m * 60.0;
            // Plain comparisons first: an AssertJ call per minute would make this test slow, not stricter.
            if (calendar.working(start) != minutes[m] || calendar.working(start + 30) != minutes[m]) {
                assertThat(calendar.working(start))
                        .as("minute %d (%s) of %s", m, clock(m), shifts)
                        .isEqualTo(minutes[m]);
                assertThat(calendar.working(start + 30))
                        .as("mid-minute %d (%s) of %s", m, clock(m), shifts)
                        .isEqualTo(minutes[m]);
            }
            // The next change is where the minute calendar next flips (none: the calendar never changes).
            int flip = flips[m];
            double expected = flip < 0 ? Double.POSITIVE_INFINITY : flip * 60.0;
            if (calendar.secondsToNextChange(start) != expected) {
                assertThat(calendar.secondsToNextChange(start))
                        .as("next change after %s of %s", clock(m), shifts)
                        .isEqualTo(expected);
            }
        }
        assertThat(calendar.workingSecondsPerWeek()).as("%s", shifts).isEqualTo(workingMinutes * 60.0);
        // Working time between two instants, also across the week's end into the next week.
        int[] cumulative = new int[2 * MINUTES_PER_WEEK + 1];
        for (int m = 0; m < 2 * MINUTES_PER_WEEK; m++) {
            cumulative[m + 1] = cumulative[m] + (minutes[m % MINUTES_PER_WEEK] ? 1 : 0);
        }
        for (int from = 0; from < MINUTES_PER_WEEK; from += 97) {
            for (int to = from; to <= 2 * MINUTES_PER_WEEK; to += 389) {
                double expected = (cumulative[to] - cumulative[from]) * 60.0;
                if (calendar.workingSecondsBetween(from * 60.0, to * 60.0) != expected) {
                    assertThat(calendar.workingSecondsBetween(from * 60.0, to * 60.0))
                            .as("working seconds from %s to minute %d of %s", clock(from), to, shifts)
                            .isEqualTo(expected);
                }
            }
        }
    }

    private static boolean[] minuteCalendar(List<ShiftSpec> shifts) {
        boolean[] minutes = new boolean[MINUTES_PER_WEEK];
        for (ShiftSpec shift : shifts) {
            int start = (int) (shift.startSecondsOfDay() / 60);
            int length = (int) (shift.lengthSeconds() / 60);
            for (DayOfWeek day : shift.days()) {
                int shiftStart = (day.getValue() - 1) * MINUTES_PER_DAY + start;
                for (int m = 0; m < length; m++) {
                    boolean onBreak = false;
                    for (ShiftSpec.Break pause : shift.breaks()) {
                        int from = (int) (pause.offsetSeconds() / 60);
                        onBreak |= m >= from && m < from + (int) (pause.durationSeconds() / 60);
                    }
                    if (!onBreak) {
                        minutes[(shiftStart + m) % MINUTES_PER_WEEK] = true;
                    }
                }
            }
        }
        return minutes;
    }

    /** Per minute, minutes from its start to the next minute in the other state; all -1 when there is none. */
    private static int[] nextFlips(boolean[] minutes) {
        int n = minutes.length;
        int[] next = new int[n];
        boolean constant = true;
        for (boolean minute : minutes) {
            constant &= minute == minutes[0];
        }
        if (constant) {
            java.util.Arrays.fill(next, -1);
            return next;
        }
        // Two passes backwards around the week: the second sees every minute's successor already filled in.
        for (int k = 2 * n - 1; k >= 0; k--) {
            int m = k % n;
            int after = (m + 1) % n;
            next[m] = minutes[after] != minutes[m] ? 1 : next[after] + 1;
        }
        return next;
    }

    private static String clock(int minuteOfWeek) {
        String[] days = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
        int minute = minuteOfWeek % MINUTES_PER_DAY;
        return String.format("%s %02d:%02d", days[minuteOfWeek / MINUTES_PER_DAY], minute / 60, minute % 60);
    }
}
