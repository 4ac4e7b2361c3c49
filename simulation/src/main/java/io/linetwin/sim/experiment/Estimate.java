package io.linetwin.sim.experiment;

import java.util.Arrays;
import java.util.OptionalDouble;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * A mean over replications with its Student-t confidence interval. With one replication there is no
 * interval: {@link #ciLow()} and {@link #ciHigh()} are empty. With none ({@link #NO_DATA}, e.g. the lead time of
 * replications in which no part left the line) there is no mean either. {@code floor} and {@code ceiling} are
 * the range the quantity itself cannot leave (OEE in [0, 1], counts >= 0): the interval is cut to it, which keeps
 * its coverage, as the true mean lies in that range too.
 */
public record Estimate(double mean, double halfWidth, int n, double floor, double ceiling) {

    public static final double CONFIDENCE = 0.95;

    /** No observation at all: printed as "no data", written as JSON null. */
    public static final Estimate NO_DATA = new Estimate(Double.NaN, Double.NaN, 0);

    public Estimate {
        if (n < 0) {
            throw new IllegalArgumentException("estimate needs >= 0 observations, got " + n);
        }
        if (n > 1 && !(halfWidth >= 0)) {
            throw new IllegalArgumentException("half-width must be >= 0 with " + n + " observations, got " + halfWidth);
        }
        if (!(floor <= ceiling)) {
            throw new IllegalArgumentException("estimate floor must be <= ceiling " + ceiling + ", got " + floor);
        }
    }

    /** An estimate of an unbounded quantity. */
    public Estimate(double mean, double halfWidth, int n) {
        this(mean, halfWidth, n, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
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

    /**
     * The estimate over the values that exist: NaN marks a replication without the quantity (no part left the
     * line, so it has no lead time); {@link #NO_DATA} when none has it.
     */
    public static Estimate ofPresent(double[] values) {
        double[] present = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        return present.length == 0 ? NO_DATA : of(present);
    }

    /** The same estimate of a quantity that cannot leave [floor, ceiling]: its interval is cut to that range. */
    public Estimate within(double newFloor, double newCeiling) {
        return new Estimate(mean, halfWidth, n, newFloor, newCeiling);
    }

    /** False for {@link #NO_DATA}. */
    public boolean hasData() {
        return n > 0;
    }

    public OptionalDouble ciLow() {
        return n > 1 ? OptionalDouble.of(Math.max(floor, mean - halfWidth)) : OptionalDouble.empty();
    }

    public OptionalDouble ciHigh() {
        return n > 1 ? OptionalDouble.of(Math.min(ceiling, mean + halfWidth)) : OptionalDouble.empty();
    }

    /** True when the interval exists and lies entirely above or entirely below zero. */
    public boolean excludesZero() {
        return n > 1 && (mean - halfWidth > 0 || mean + halfWidth < 0);
    }
}
