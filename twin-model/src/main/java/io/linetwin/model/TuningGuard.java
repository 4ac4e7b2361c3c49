package io.linetwin.model;

import java.util.Objects;

/**
 * A KPI the tuner must not make worse: a candidate whose paired 95 % interval against the baseline shows it worse
 * by more than {@code worseBy} (in the KPI's own units) is rejected.
 */
public record TuningGuard(String kpi, double worseBy) {

    public TuningGuard {
        Objects.requireNonNull(kpi, "guard kpi");
        if (!TuningSpec.KPIS.contains(kpi)) {
            throw new IllegalArgumentException("guard kpi must be one of " + TuningSpec.KPIS + ", got " + kpi);
        }
        Checks.nonNegative("guard worseBy", worseBy);
    }
}
