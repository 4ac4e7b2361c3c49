package io.linetwin.sim;

/**
 * Fractions of the statistics window a station spent in each state, averaged over its servers; they sum to
 * 1. {@code offShift} stays 0 until shift calendars arrive.
 */
public record StateShares(double working, double blocked, double starved, double down, double setup, double offShift) {

    /** Rounding of summed time slices, far below anything a KPI reports. */
    public static final double SUM_TOLERANCE = 1e-9;

    public StateShares {
        share("working", working);
        share("blocked", blocked);
        share("starved", starved);
        share("down", down);
        share("setup", setup);
        share("offShift", offShift);
        double sum = working + blocked + starved + down + setup + offShift;
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw new IllegalArgumentException("state shares must sum to 1, got " + sum);
        }
    }

    private static void share(String what, double value) {
        if (!(value >= -SUM_TOLERANCE && value <= 1 + SUM_TOLERANCE)) {
            throw new IllegalArgumentException(what + " share must be in [0, 1], got " + value);
        }
    }
}
