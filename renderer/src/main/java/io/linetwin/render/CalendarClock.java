package io.linetwin.render;

import java.util.Locale;

/**
 * The scenario's calendar at a sim time: weekday and clock time counted from {@code experiment.start}
 * ({@code "mon 06:00"} puts t = 0 at Monday 06:00), e.g. {@code Tue 14:32}; from the second week on, the week
 * is named too ({@code Tue 14:32, week 2}).
 */
public record CalendarClock(double startSecondsOfWeek) {

    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final long WEEK = 7 * 86_400L;

    public CalendarClock {
        if (!(startSecondsOfWeek >= 0 && startSecondsOfWeek < WEEK)) {
            throw new IllegalArgumentException(
                    "calendar start must lie within one week (0 .. " + WEEK + " s), got " + startSecondsOfWeek);
        }
    }

    public String at(double simSeconds) {
        long total = (long) Math.floor(startSecondsOfWeek + Math.max(0, simSeconds));
        long week = total / WEEK;
        long inWeek = total % WEEK;
        String clock = String.format(
                Locale.ROOT, "%s %02d:%02d", DAYS[(int) (inWeek / 86_400)], inWeek % 86_400 / 3600, inWeek % 3600 / 60);
        return week == 0 ? clock : clock + ", week " + (week + 1);
    }
}
