package io.linetwin.loop.whatif;

import io.linetwin.loop.LoopKpi;
import io.linetwin.sim.experiment.Estimate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One candidate against the baseline: the paired difference (candidate − baseline) of every KPI with its 95 %
 * interval, the objective's relative effect, and whether the evidence supports making the change.
 *
 * @param relativeEffect the objective's mean improvement over the baseline's mean (positive = better)
 * @param verdict        {@code supported}, or why not
 */
public record CandidateOutcome(
        Candidate candidate,
        Map<LoopKpi, Estimate> differences,
        double relativeEffect,
        boolean supported,
        String verdict,
        Prediction prediction) {

    public CandidateOutcome {
        Objects.requireNonNull(candidate, "candidate");
        differences = Collections.unmodifiableMap(new LinkedHashMap<>(differences));
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(prediction, "prediction");
    }

    public Estimate difference(LoopKpi kpi) {
        return differences.get(kpi);
    }
}
