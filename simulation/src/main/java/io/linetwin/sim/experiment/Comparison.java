package io.linetwin.sim.experiment;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A variant against the baseline: per KPI, the mean of the paired differences (variant − baseline,
 * replication by replication) with its 95 % interval, and the verdict it supports.
 */
public record Comparison(ExperimentResult baseline, ExperimentResult variant, Map<Kpi, Difference> differences) {

    /** One KPI's paired difference and verdict. */
    public record Difference(Estimate estimate, Verdict verdict) {
        public Difference {
            Objects.requireNonNull(estimate, "estimate");
            Objects.requireNonNull(verdict, "verdict");
        }
    }

    public Comparison {
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(variant, "variant");
        differences = Collections.unmodifiableMap(new LinkedHashMap<>(differences));
    }

    public static Comparison of(ExperimentResult baseline, ExperimentResult variant) {
        return of(baseline, variant, 0);
    }

    /**
     * Paired differences whose verdict also asks for a practical effect: at least {@code minEffect} (a share of the
     * baseline's mean, 0.01 = 1 %), see {@link Verdict#of(Estimate, boolean, double, double)}.
     */
    public static Comparison of(ExperimentResult baseline, ExperimentResult variant, double minEffect) {
        if (!(minEffect >= 0) || Double.isInfinite(minEffect)) {
            throw new IllegalArgumentException("minimum effect must be a finite share >= 0, got " + minEffect);
        }
        int n = baseline.replications().size();
        if (variant.replications().size() != n) {
            throw new IllegalArgumentException("paired comparison needs " + n + " variant replications, got "
                    + variant.replications().size());
        }
        Map<Kpi, Difference> differences = new EnumMap<>(Kpi.class);
        for (Kpi kpi : Kpi.values()) {
            double[] base = baseline.values(kpi);
            double[] candidate = variant.values(kpi);
            double[] paired = new double[n];
            for (int i = 0; i < n; i++) {
                // NaN (a replication without the KPI on either side) drops the pair.
                paired[i] = candidate[i] - base[i];
            }
            Estimate estimate = Estimate.ofPresent(paired);
            differences.put(
                    kpi,
                    new Difference(
                            estimate,
                            Verdict.of(
                                    estimate,
                                    kpi.higherIsBetter(),
                                    baseline.estimate(kpi).mean(),
                                    minEffect)));
        }
        return new Comparison(baseline, variant, differences);
    }

    /** The mean difference as a share of the baseline's mean (0.012 = +1.2 %); NaN without data or a baseline 0. */
    public double relativeChange(Kpi kpi) {
        double base = baseline.estimate(kpi).mean();
        double difference = differences.get(kpi).estimate().mean();
        return base == 0 || Double.isNaN(base) ? Double.NaN : difference / Math.abs(base);
    }
}
