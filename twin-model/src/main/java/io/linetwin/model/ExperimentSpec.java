package io.linetwin.model;

/**
 * How the line is run: statistics cover {@code [warmupSeconds, warmupSeconds + horizonSeconds]};
 * {@code startSecondsOfWeek} places t = 0 in the weekly calendar (0 = Monday 00:00).
 */
public record ExperimentSpec(
        double horizonSeconds, double warmupSeconds, int replications, long seed, double startSecondsOfWeek) {

    public static final double WEEK_SECONDS = 7 * 24 * 3600.0;

    public ExperimentSpec {
        Checks.positive("experiment horizon", horizonSeconds);
        if (horizonSeconds < Limits.MIN_HORIZON_SECONDS) {
            throw new IllegalArgumentException("experiment horizon must be >= 1 s, got " + horizonSeconds + " s");
        }
        Checks.nonNegative("experiment warmup", warmupSeconds);
        Checks.atLeast("experiment replications", 1, replications);
        if (replications > Limits.MAX_REPLICATIONS) {
            throw new IllegalArgumentException("experiment replications must be <= " + Limits.MAX_REPLICATIONS
                    + ", got " + replications);
        }
        if (warmupSeconds + horizonSeconds > Limits.MAX_RUN_SECONDS) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "experiment warm-up and horizon"
                    + " must add up to at most %,.0f days (100 years), got %.3g days", Limits.MAX_RUN_SECONDS / 86_400,
                    (warmupSeconds + horizonSeconds) / 86_400));
        }
        if (!(startSecondsOfWeek >= 0 && startSecondsOfWeek < WEEK_SECONDS)) {
            throw new IllegalArgumentException(
                    "experiment start must lie within one week, got " + startSecondsOfWeek + " s");
        }
    }

    public double endSeconds() {
        return warmupSeconds + horizonSeconds;
    }

    public ExperimentSpec withHorizon(double seconds) {
        return new ExperimentSpec(seconds, warmupSeconds, replications, seed, startSecondsOfWeek);
    }

    public ExperimentSpec withWarmup(double seconds) {
        return new ExperimentSpec(horizonSeconds, seconds, replications, seed, startSecondsOfWeek);
    }

    public ExperimentSpec withReplications(int count) {
        return new ExperimentSpec(horizonSeconds, warmupSeconds, count, seed, startSecondsOfWeek);
    }

    public ExperimentSpec withSeed(long newSeed) {
        return new ExperimentSpec(horizonSeconds, warmupSeconds, replications, newSeed, startSecondsOfWeek);
    }
}
