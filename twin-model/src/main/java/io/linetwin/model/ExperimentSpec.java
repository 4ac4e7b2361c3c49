package io.linetwin.model;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * How the line is run: statistics cover {@code [warmupSeconds, warmupSeconds + horizonSeconds]};
 * {@code startSecondsOfWeek} places t = 0 in the weekly calendar (0 = Monday 00:00); {@code startDate}, when the
 * scenario gives one, is the calendar date and time of t = 0 (its weekday and clock are
 * {@code startSecondsOfWeek}'s), so times can be shown as dates. See {@link LineCalendar}.
 */
public record ExperimentSpec(
        double horizonSeconds,
        double warmupSeconds,
        int replications,
        long seed,
        double startSecondsOfWeek,
        Optional<LocalDateTime> startDate) {

    public static final double WEEK_SECONDS = 7 * 24 * 3600.0;

    public ExperimentSpec {
        Checks.positive("experiment horizon", horizonSeconds);
        if (horizonSeconds < Limits.MIN_HORIZON_SECONDS) {
            throw new IllegalArgumentException("experiment horizon must be >= 1 s, got " + horizonSeconds + " s");
        }
        Checks.nonNegative("experiment warmup", warmupSeconds);
        Checks.atLeast("experiment replications", 1, replications);
        if (replications > Limits.MAX_REPLICATIONS) {
            throw new IllegalArgumentException(
                    "experiment replications must be <= " + Limits.MAX_REPLICATIONS + ", got " + replications);
        }
        if (warmupSeconds + horizonSeconds > Limits.MAX_RUN_SECONDS) {
            throw new IllegalArgumentException(String.format(
                    java.util.Locale.ROOT,
                    "experiment warm-up and horizon" + " must add up to at most %,.0f days (100 years), got %.3g days",
                    Limits.MAX_RUN_SECONDS / 86_400,
                    (warmupSeconds + horizonSeconds) / 86_400));
        }
        if (!(startSecondsOfWeek >= 0 && startSecondsOfWeek < WEEK_SECONDS)) {
            throw new IllegalArgumentException(
                    "experiment start must lie within one week, got " + startSecondsOfWeek + " s");
        }
        Objects.requireNonNull(startDate, "startDate");
        startDate.ifPresent(date -> {
            double ofWeek = LineCalendar.secondsOfWeek(date);
            if (ofWeek != startSecondsOfWeek) {
                throw new IllegalArgumentException("experiment start date " + date + " must fall at "
                        + startSecondsOfWeek + " s of the week, got " + ofWeek + " s");
            }
        });
    }

    /** An experiment placed in the week only, without a calendar date. */
    public ExperimentSpec(
            double horizonSeconds, double warmupSeconds, int replications, long seed, double startSecondsOfWeek) {
        this(horizonSeconds, warmupSeconds, replications, seed, startSecondsOfWeek, Optional.empty());
    }

    /** An experiment whose t = 0 is {@code start}. */
    public static ExperimentSpec startingOn(
            double horizonSeconds, double warmupSeconds, int replications, long seed, LocalDateTime start) {
        return new ExperimentSpec(
                horizonSeconds,
                warmupSeconds,
                replications,
                seed,
                LineCalendar.secondsOfWeek(start),
                Optional.of(start));
    }

    public double endSeconds() {
        return warmupSeconds + horizonSeconds;
    }

    /** The calendar of this run: engine seconds as weekday and clock (and date, with a start date). */
    public LineCalendar calendar() {
        return LineCalendar.of(this);
    }

    public ExperimentSpec withHorizon(double seconds) {
        return new ExperimentSpec(seconds, warmupSeconds, replications, seed, startSecondsOfWeek, startDate);
    }

    public ExperimentSpec withWarmup(double seconds) {
        return new ExperimentSpec(horizonSeconds, seconds, replications, seed, startSecondsOfWeek, startDate);
    }

    public ExperimentSpec withReplications(int count) {
        return new ExperimentSpec(horizonSeconds, warmupSeconds, count, seed, startSecondsOfWeek, startDate);
    }

    public ExperimentSpec withSeed(long newSeed) {
        return new ExperimentSpec(horizonSeconds, warmupSeconds, replications, newSeed, startSecondsOfWeek, startDate);
    }
}
