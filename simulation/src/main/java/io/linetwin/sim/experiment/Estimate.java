package io.linetwin.sim.experiment;

import java.util.OptionalDouble;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * A mean over replications with its Student-t confidence interval. With one replication there is no
 * interval: {@link #ciLow()} and {@link #ciHigh()} are empty.
 */
public record Estimate(double mean, double halfWidth, int n) {

    public static final double CONFIDENCE = 0.95;

    public Estimate {
        if (n < 1) {
            throw new IllegalArgumentException("estimate needs >= 1 observation, got " + n);
        }
        if (n > 1 && !(halfWidth >= 0)) {
            throw new IllegalArgumentException("half-width must be >= 0 with " + n + " observations, got " + halfWidth);
        }
    }

    /** The 95 % Student-t estimate of the mean of {@code values}. */
    public static Estimate of(double[] values) {
        return of(values, CONFIDENCE);
    }

    public static Estimate of(double[] values, double confidence) {
        int n = values.length;
        if (n == 0) {
            throw new IllegalArgumentException("estimate needs >= 1 observation, got 0");
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        if (n == 1) {
            return new Estimate(mean, Double.NaN, 1);
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double standardError = Math.sqrt(squares / (n - 1) / n);
        double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        return new Estimate(mean, t * standardError, n);
    }

    public OptionalDouble ciLow() {
        return n > 1 ? OptionalDouble.of(mean - halfWidth) : OptionalDouble.empty();
    }

    public OptionalDouble ciHigh() {
        return n > 1 ? OptionalDouble.of(mean + halfWidth) : OptionalDouble.empty();
    }

    /** True when the interval exists and lies entirely above or entirely below zero. */
    public boolean excludesZero() {
        return n > 1 && (mean - halfWidth > 0 || mean + halfWidth < 0);
    }
}
