package io.linetwin.loop.proposal;

import io.linetwin.sim.experiment.Estimate;
import java.util.Objects;

/**
 * A KPI's expected paired difference (changed − as is) over the look-ahead with its 95 % interval, and the mean
 * improvement relative to the baseline (positive = better, whichever way the KPI points).
 */
public record Effect(String kpi, double mean, double ciLow, double ciHigh, double relative) {

    public Effect {
        Objects.requireNonNull(kpi, "kpi");
        if (!(ciLow <= mean && mean <= ciHigh)) {
            throw new IllegalArgumentException(
                    "effect must satisfy ciLow <= mean <= ciHigh, got " + ciLow + ", " + mean + ", " + ciHigh);
        }
    }

    public static Effect of(String kpi, Estimate estimate, double relative) {
        return new Effect(
                kpi,
                estimate.mean(),
                estimate.ciLow().orElseThrow(),
                estimate.ciHigh().orElseThrow(),
                relative);
    }
}
