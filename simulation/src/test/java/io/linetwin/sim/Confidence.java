package io.linetwin.sim;

import java.util.function.ToDoubleFunction;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/** Mean and 95 % Student-t half-width over replications. */
record Confidence(double mean, double halfWidth) {

    static <T> Confidence of(List<T> replications, ToDoubleFunction<T> kpi) {
        SummaryStatistics stats = new SummaryStatistics();
        replications.forEach(r -> stats.addValue(kpi.applyAsDouble(r)));
        long n = stats.getN();
        double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
        return new Confidence(stats.getMean(), t * stats.getStandardDeviation() / Math.sqrt(n));
    }

    boolean covers(double value) {
        return Math.abs(mean - value) <= halfWidth;
    }

    double relativeHalfWidth() {
        return halfWidth / Math.abs(mean);
    }

    @Override
    public String toString() {
        return mean + " ± " + halfWidth;
    }
}
