package io.linetwin.predict.tuning;

import io.linetwin.model.TuningGuard;
import io.linetwin.model.TuningSpec;
import io.linetwin.sim.experiment.Estimate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What a search sees: scores of settings over the search replications (the objective's mean, signed so that
 * higher is better), the budget of distinct settings, and the best so far. A setting that cannot run, or that a
 * guard rejects (significantly worse than the baseline on a guarded KPI), scores minus infinity: it is visited
 * but never chosen.
 */
final class SearchContext {

    /** After the {@code evaluation}-th distinct setting, the best objective found so far. */
    record Step(int evaluation, double bestObjective) {}

    private final Evaluator evaluator;
    private final Objective objective;
    private final List<TuningGuard> guards;
    private final Setting baseline;
    private final int replications;
    private final int budget;
    private final BooleanSupplier stopped;
    private final Consumer<SearchContext> progress;
    private final Map<Setting, Double> scores = new HashMap<>();
    private final Map<Setting, String> rejected = new LinkedHashMap<>();
    private final List<Setting> visited = new ArrayList<>();
    private final List<Step> trajectory = new ArrayList<>();
    private Setting best;
    private double bestScore = Double.NEGATIVE_INFINITY;

    SearchContext(
            Evaluator evaluator,
            Objective objective,
            List<TuningGuard> guards,
            Setting baseline,
            int replications,
            int budget,
            BooleanSupplier stopped,
            Consumer<SearchContext> progress) {
        this.evaluator = evaluator;
        this.objective = objective;
        this.guards = List.copyOf(guards);
        this.baseline = baseline;
        this.replications = replications;
        this.budget = budget;
        this.stopped = stopped;
        this.progress = progress;
    }

    /** Evaluates the baseline, which guards compare against; it counts as one evaluation. */
    void start() {
        evaluate(List.of(baseline));
    }

    /**
     * The scores of {@code settings}, simulating the new ones while the budget lasts; a setting the budget no
     * longer reaches scores NaN.
     */
    double[] evaluate(List<Setting> settings) {
        List<Setting> fresh = new ArrayList<>();
        for (Setting setting : settings) {
            if (!scores.containsKey(setting) && !fresh.contains(setting) && fresh.size() < remaining()) {
                fresh.add(setting);
            }
        }
        if (!fresh.isEmpty()) {
            evaluator.ensure(fresh, replications);
            for (Setting setting : fresh) {
                record(setting);
            }
            progress.accept(this);
        }
        double[] result = new double[settings.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = scores.getOrDefault(settings.get(i), Double.NaN);
        }
        return result;
    }

    private void record(Setting setting) {
        Evaluator.Runs runs = evaluator.runs(setting);
        double score;
        if (runs.failure().isPresent()) {
            rejected.put(setting, runs.failure().get());
            score = Double.NEGATIVE_INFINITY;
        } else {
            score = objective.sign() * mean(objective.values(setting, runs, 0, replications));
            Optional<String> guard =
                    setting.equals(baseline) ? Optional.empty() : guardViolation(setting, 0, replications);
            if (guard.isPresent()) {
                rejected.put(setting, guard.get());
                score = Double.NEGATIVE_INFINITY;
            }
        }
        scores.put(setting, score);
        if (!setting.baseline()) {
            visited.add(setting);
            if (score > bestScore) {
                best = setting;
                bestScore = score;
            }
        }
        double bestObjective = best == null ? Double.NaN : objective.sign() * bestScore;
        trajectory.add(new Step(trajectory.size() + 1, bestObjective));
    }

    /**
     * The first guard that {@code setting} breaks in replications {@code [from, to)}: the paired 95 % interval of
     * its difference to the baseline lies beyond {@code worseBy} on the KPI's worse side.
     */
    Optional<String> guardViolation(Setting setting, int from, int to) {
        Evaluator.Runs candidate = evaluator.runs(setting);
        Evaluator.Runs base = evaluator.runs(baseline);
        for (TuningGuard guard : guards) {
            int k = TuningKpis.index(guard.kpi());
            double[] a = candidate.kpi(k, from, to);
            double[] b = base.kpi(k, from, to);
            double[] difference = new double[a.length];
            for (int r = 0; r < a.length; r++) {
                difference[r] = a[r] - b[r];
            }
            Estimate estimate = Estimate.of(difference);
            boolean higherIsBetter = TuningSpec.higherIsBetter(guard.kpi());
            boolean worse = higherIsBetter
                    ? estimate.mean() + estimate.halfWidth() < -guard.worseBy()
                    : estimate.mean() - estimate.halfWidth() > guard.worseBy();
            if (worse) {
                return Optional.of("guard " + guard.kpi() + ": worse than the baseline by " + Math.abs(estimate.mean())
                        + " (95 % CI excludes " + guard.worseBy() + ")");
            }
        }
        return Optional.empty();
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    double score(Setting setting, boolean mustBeKnown) {
        Double score = scores.get(setting);
        if (score == null && mustBeKnown) {
            throw new IllegalStateException("setting " + setting + " has not been scored");
        }
        return score == null ? Double.NaN : score;
    }

    boolean known(Setting setting) {
        return scores.containsKey(setting);
    }

    /** Distinct settings the budget still allows. */
    int remaining() {
        return stopped.getAsBoolean()
                ? 0
                : Math.max(0, budget - evaluator.settings().size());
    }

    boolean exhausted() {
        return remaining() == 0;
    }

    Optional<Setting> best() {
        return Optional.ofNullable(best);
    }

    double bestScore() {
        return bestScore;
    }

    /** Region settings visited, in order. */
    List<Setting> visited() {
        return List.copyOf(visited);
    }

    Map<Setting, String> rejected() {
        return Map.copyOf(rejected);
    }

    List<Step> trajectory() {
        return List.copyOf(trajectory);
    }

    Setting baseline() {
        return baseline;
    }

    int replications() {
        return replications;
    }

    Evaluator evaluator() {
        return evaluator;
    }

    Objective objective() {
        return objective;
    }
}
