package io.linetwin.app.emulate;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * The emulated line's calendar: its clock is the scenario's start plus engine time, in UTC, on the weekly
 * calendar of the scenario's shifts (t = 0 at {@code experiment.start}, Monday 00:00 by default).
 */
public final class LineClocks {

    private static final long WEEK_SECONDS = 7 * 24 * 3600;

    private LineClocks() {}

    /** Seconds since the Monday 00:00 UTC before {@code at}: where {@code at} lies in the shift calendar's week. */
    public static double secondsOfWeek(Instant at) {
        ZonedDateTime t = at.atZone(ZoneOffset.UTC);
        ZonedDateTime monday =
                t.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).truncatedTo(ChronoUnit.DAYS);
        return Duration.between(monday, t).toNanos() / 1e9;
    }

    /** The latest instant at or before {@code now} that lies {@code startSecondsOfWeek} into its week (UTC). */
    public static Instant latestStartBefore(Instant now, double startSecondsOfWeek) {
        ZonedDateTime t = now.atZone(ZoneOffset.UTC);
        ZonedDateTime monday =
                t.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).truncatedTo(ChronoUnit.DAYS);
        Instant candidate = monday.toInstant().plusNanos(Math.round(startSecondsOfWeek * 1e9));
        return candidate.isAfter(now) ? candidate.minusSeconds(WEEK_SECONDS) : candidate;
    }
}
