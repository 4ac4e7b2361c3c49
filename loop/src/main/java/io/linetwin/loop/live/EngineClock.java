package io.linetwin.loop.live;

import io.linetwin.model.ExperimentSpec;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Where an instant of line time falls in the scenario's engine time: its time of week (UTC) after the experiment's
 * start of week, so a what-if warm-started from a snapshot keeps the shift calendar in step with the line.
 */
public final class EngineClock {

    private EngineClock() {}

    public static double secondsOf(Instant instant, ExperimentSpec experiment) {
        double secondsOfWeek = (instant.toEpochMilli() - mondayOf(instant).toEpochMilli()) / 1000.0;
        double clock = secondsOfWeek - experiment.startSecondsOfWeek();
        return clock < 0 ? clock + ExperimentSpec.WEEK_SECONDS : clock;
    }

    /** Monday 00:00 UTC of {@code instant}'s week. */
    public static Instant mondayOf(Instant instant) {
        ZonedDateTime utc = instant.atZone(ZoneOffset.UTC);
        return utc.toLocalDate()
                .atStartOfDay(ZoneOffset.UTC)
                .minusDays(utc.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue())
                .toInstant();
    }
}
