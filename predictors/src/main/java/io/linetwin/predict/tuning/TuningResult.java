package io.linetwin.predict.tuning;

import io.linetwin.sim.experiment.Estimate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a tuning run recommends. {@code best} and {@code baseline} are measured on the same final replications
 * (fresh ones, not those the search chose from, so the figures carry no selection bias); {@code objectiveGain}
 * and {@code kpiDifferences} are their paired differences (best − baseline) with 95 % intervals. The winner was
 * selected among the finalists by Kim–Nelson with probability of correct selection {@code pcs} within the
 * indifference zone {@code delta}; when the selection did not run to its end ({@code selectionCompleted} false:
 * stopped, or capped at its replication limit) {@code pcs} is a lower-bound estimate instead of a guarantee.
 * {@code evaluations}: distinct settings simulated (the baseline included), of which {@code rejected} were
 * rejected by a guard or could not run (e.g. they deadlock a rework loop); {@code replications}: all replications
 * run; {@code trajectory}: after each evaluation, the best objective found so far in the search.
 */
public record TuningResult(
        String objective,
        boolean maximise,
        TunedSetting best,
        Optional<TunedSetting> runnerUp,
        TunedSetting baseline,
        Estimate objectiveGain,
        Map<String, Estimate> kpiDifferences,
        double delta,
        double pcs,
        boolean selectionCompleted,
        boolean stopped,
        int evaluations,
        int rejected,
        long replications,
        int searchReplications,
        List<Step> trajectory,
        List<Map<String, Object>> evaluated,
        String method) {

    /** After {@code evaluation} distinct settings, the best objective found so far (search replications). */
    public record Step(int evaluation, double bestObjective) {}

    public TuningResult {
        Objects.requireNonNull(best, "best");
        Objects.requireNonNull(runnerUp, "runnerUp");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(objectiveGain, "objectiveGain");
        kpiDifferences = Collections.unmodifiableMap(new LinkedHashMap<>(kpiDifferences));
        trajectory = List.copyOf(trajectory);
        evaluated = List.copyOf(evaluated);
    }

    /**
     * The recommendation as a variant's {@code set} entries (path → Integer or Double), ready for
     * {@code Scenario.variantOf("tuned", result.bestValues())}.
     */
    public Map<String, Object> bestValues() {
        return best.values();
    }

    /** The winner beats the baseline and the paired 95 % interval of the gain excludes zero. */
    public boolean supportedGain() {
        if (best.isBaseline() || objectiveGain.n() < 2) {
            return false;
        }
        return maximise
                ? objectiveGain.mean() - objectiveGain.halfWidth() > 0
                : objectiveGain.mean() + objectiveGain.halfWidth() < 0;
    }

    /** One line: supported gain, already optimal, no significant gain, or stopped early. */
    public String verdict() {
        if (stopped) {
            return "stopped early: the best setting so far, not a statistically chosen winner";
        }
        if (supportedGain()) {
            return "supported gain: the recommended setting beats the current one (95 % CI of the gain excludes 0)";
        }
        if (best.isBaseline()) {
            return selectionCompleted
                    ? "already optimal: no setting found beats the current one by more than delta"
                    : "current setting kept: the selection reached its replication limit";
        }
        return "no significant gain: the recommended setting is not proven better than the current one";
    }
}
