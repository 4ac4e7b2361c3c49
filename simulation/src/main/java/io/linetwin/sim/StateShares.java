package io.linetwin.sim;

import io.linetwin.model.StationStatus;

/**
 * Fractions of the statistics window a station spent in each state, averaged over its servers; they sum to
 * 1. {@code offShift} stays 0 until shift calendars arrive.
 */
public record StateShares(double working, double blocked, double starved, double down, double setup, double offShift) {

    /** Rounding of summed time slices, far below anything a KPI reports. */
    public static final double SUM_TOLERANCE = 1e-9;

    public StateShares {
        for (StationStatus status : StationStatus.values()) {
            share(status, of(status));
        }
        double sum = working + blocked + starved + down + setup + offShift;
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw new IllegalArgumentException("state shares must sum to 1, got " + sum);
        }
    }

    /** The share of {@code status}. */
    public double of(StationStatus status) {
        return switch (status) {
            case WORKING -> working;
            case BLOCKED -> blocked;
            case STARVED -> starved;
            case DOWN -> down;
            case SETUP -> setup;
            case OFF_SHIFT -> offShift;
        };
    }

    private static void share(StationStatus status, double value) {
        if (!(value >= -SUM_TOLERANCE && value <= 1 + SUM_TOLERANCE)) {
            throw new IllegalArgumentException(status.json() + " share must be in [0, 1], got " + value);
        }
    }
}
