package io.linetwin.loop.whatif;

import java.util.Objects;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * What the what-if predicts the objective KPI to be with the change in place, as a distribution over replications
 * of the look-ahead: mean, standard deviation, count. A measurement on the line is one more draw, over a window that
 * is usually shorter than the look-ahead; {@link #interval} widens accordingly.
 */
public record Prediction(String kpi, double mean, double sd, int n, double lookAheadSeconds) {

    public Prediction {
        Objects.requireNonNull(kpi, "kpi");
        if (n < 2) {
            throw new IllegalArgumentException("prediction needs >= 2 replications, got " + n);
        }
        if (!(sd >= 0) || !Double.isFinite(mean)) {
            throw new IllegalArgumentException("prediction needs a finite mean and sd >= 0, got " + mean + ", " + sd);
        }
        if (!(lookAheadSeconds > 0)) {
            throw new IllegalArgumentException("look-ahead must be > 0 seconds, got " + lookAheadSeconds);
        }
    }

    /** A closed interval. */
    public record Interval(double low, double high) {
        public boolean contains(double value) {
            return value >= low && value <= high;
        }
    }

    /**
     * The 95 % prediction interval of one measurement over {@code windowSeconds}: mean ± t(n−1) · sd · √(1 + 1/n),
     * the spread scaled by √(look-ahead / window) for a shorter window (the variance of a rate measured over a window
     * falls roughly as 1/window), never narrowed for a longer one.
     */
    public Interval interval(double windowSeconds) {
        if (!(windowSeconds > 0)) {
            throw new IllegalArgumentException("measurement window must be > 0 seconds, got " + windowSeconds);
        }
        double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
        double widen = Math.sqrt(Math.max(1, lookAheadSeconds / windowSeconds));
        double half = t * sd * Math.sqrt(1 + 1.0 / n) * widen;
        return new Interval(mean - half, mean + half);
    }
}
