package io.linetwin.sim;

import io.linetwin.sim.experiment.Estimate;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Mean and 95 % Student-t half-width of one KPI over replications, as the experiments compute it. */
record Confidence(double mean, double halfWidth) {

    static <T> Confidence of(List<T> replications, ToDoubleFunction<T> kpi) {
        Estimate estimate = Estimate.of(replications.stream().mapToDouble(kpi).toArray());
        return new Confidence(estimate.mean(), estimate.halfWidth());
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
