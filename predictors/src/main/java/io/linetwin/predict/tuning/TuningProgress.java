package io.linetwin.predict.tuning;

import java.util.Map;
import java.util.Optional;

/**
 * Where a tuning run stands: the phase ({@link #SEARCH}, then {@link #SELECTION}), distinct settings simulated out
 * of the budget, replications so far, wall time, and the best setting found so far with its objective over the
 * search replications.
 */
public record TuningProgress(
        String phase,
        int evaluations,
        int budget,
        long replications,
        double elapsedSeconds,
        Optional<Map<String, Object>> bestValues,
        double bestObjective) {

    public static final String SEARCH = "search";
    public static final String SELECTION = "selection";
}
