package io.linetwin.loop.whatif;

import io.linetwin.loop.LoopKpi;
import io.linetwin.sim.experiment.Estimate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One what-if: the baseline's KPIs over the look-ahead, its bottleneck, each candidate's outcome, the seed that
 * makes it reproducible, and what it cost (MASON events, wall seconds).
 */
public record WhatIfResult(
        long seed,
        WhatIfSettings settings,
        Map<LoopKpi, Estimate> baseline,
        Optional<String> bottleneck,
        List<CandidateOutcome> outcomes,
        long events,
        double wallSeconds) {

    public WhatIfResult {
        baseline = Collections.unmodifiableMap(new LinkedHashMap<>(baseline));
        outcomes = List.copyOf(outcomes);
    }

    public List<CandidateOutcome> supported() {
        return outcomes.stream().filter(CandidateOutcome::supported).toList();
    }
}
