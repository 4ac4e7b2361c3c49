package io.linetwin.predict.tuning;

import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.Scenario;
import io.linetwin.model.TuningRegion;
import io.linetwin.model.TuningSpec;
import io.linetwin.model.TuningVariable;
import io.linetwin.model.Variant;
import io.linetwin.sim.experiment.Estimate;
import io.linetwin.sim.experiment.Experiment;
import io.linetwin.sim.experiment.ReplicationEngine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Simulation-based tuning of a scenario's {@code tuning} section: a search over the settings (COMPASS on the
 * lattice when any variable is an integer, CMA-ES when all are continuous), every setting simulated with the
 * same replications (common random numbers) and cached, then a clean-up that re-runs the best few and the
 * baseline on fresh replications and selects the winner by Kim–Nelson. One seed gives the same result with any
 * number of threads.
 */
public final class Tuner {

    /** Mixed into the experiment seed for the search's own draws, so they differ from the simulations'. */
    private static final long SEARCH_STREAM = 0x7475_6e65_7273_6565L;

    /** The variant name of a setting under evaluation. */
    private static final String CANDIDATE = "setting";

    private final Scenario scenario;
    private final TuningSpec spec;
    private final ExperimentSpec experiment;
    private final TuningOptions options;
    private final TuningRegion region;
    private final List<String> paths;
    private final TunedStart start;
    /** Empty: this JVM's threads, as many as the options say. */
    private final Optional<ReplicationEngine> engine;

    private volatile boolean stopRequested;

    /**
     * @param experiment horizon, warm-up, start and seed of every simulation (its replication count is unused:
     *                   the budget sets it)
     */
    public Tuner(Scenario scenario, TuningSpec spec, ExperimentSpec experiment, TuningOptions options) {
        this(scenario, spec, experiment, options, Optional.empty());
    }

    /**
     * Replications run on {@code engine} (kept open; the caller closes it) instead of this JVM's threads: the result
     * is the same.
     */
    public Tuner(
            Scenario scenario,
            TuningSpec spec,
            ExperimentSpec experiment,
            TuningOptions options,
            ReplicationEngine engine) {
        this(scenario, spec, experiment, options, Optional.of(engine));
    }

    private Tuner(
            Scenario scenario,
            TuningSpec spec,
            ExperimentSpec experiment,
            TuningOptions options,
            Optional<ReplicationEngine> engine) {
        this.engine = engine;
        this.scenario = scenario;
        this.spec = spec;
        this.experiment = experiment;
        this.options = options;
        this.region = spec.region();
        this.paths = spec.variables().stream().map(TuningVariable::path).toList();
        this.start = TunedStart.of(options.start(), spec.variables());
    }

    /** Ends the search at the next batch and skips the selection: the result then is the best so far. */
    public void stop() {
        stopRequested = true;
    }

    public TuningResult run(TuningListener listener) {
        long started = System.nanoTime();
        Setting baseline = baselineSetting();
        Objective objective = new Objective(spec);
        try (Evaluator evaluator = engine.isPresent()
                ? new Evaluator(experiment, start.state(), this::line, engine.get())
                : new Evaluator(experiment, start.state(), this::line, options.threads())) {
            SearchContext context = new SearchContext(
                    evaluator,
                    objective,
                    spec.guards(),
                    baseline,
                    spec.replications(),
                    spec.evaluations(),
                    () -> stopRequested,
                    c -> listener.progress(progress(TuningProgress.SEARCH, c, started)));
            context.start();
            double[] start = baseline.baseline() ? startPoint() : baseline.values();
            long searchSeed = experiment.seed() ^ SEARCH_STREAM;
            String method;
            if (region.isLattice()) {
                new CompassSearch(region, context, searchSeed).run(start);
                method = "COMPASS";
            } else {
                new CmaesSearch(region, context, searchSeed).run(start);
                method = "CMA-ES";
            }
            if (stopRequested) {
                return bestSoFar(context, method);
            }
            return select(context, method, listener, started);
        } catch (Evaluator.TuningInterruptedException e) {
            throw new IllegalStateException("tuning interrupted", e);
        }
    }

    private TuningProgress progress(String phase, SearchContext context, long started) {
        Optional<Setting> best = context.best();
        double objective =
                best.isPresent() ? context.objective().sign() * context.score(best.get(), false) : Double.NaN;
        Evaluator evaluator = context.evaluator();
        return new TuningProgress(
                phase,
                evaluator.settings().size(),
                spec.evaluations(),
                evaluator.replications(),
                (System.nanoTime() - started) / 1e9,
                best.map(this::values),
                objective);
    }

    /**
     * Kim–Nelson among the baseline and the best few of the search, on fresh replications; a winner that then
     * breaks a guard is dropped and the selection repeated over the rest (on the same replications).
     */
    private TuningResult select(SearchContext context, String method, TuningListener listener, long started) {
        Evaluator evaluator = context.evaluator();
        Setting baseline = context.baseline();
        List<Setting> finalists = new ArrayList<>();
        finalists.add(baseline);
        context.visited().stream()
                .filter(s -> context.score(s, true) > Double.NEGATIVE_INFINITY)
                .sorted(Comparator.comparingDouble((Setting s) -> context.score(s, true))
                        .reversed())
                .filter(s -> !s.equals(baseline))
                .limit(options.finalists())
                .forEach(finalists::add);
        double delta = delta(context);
        int first = spec.replications();
        Objective objective = context.objective();
        while (true) {
            List<Setting> systems = List.copyOf(finalists);
            KimNelson.Observations observations = new KimNelson.Observations() {
                @Override
                public double[] of(int system, int count) {
                    Setting setting = systems.get(system);
                    double[] values = objective.values(setting, evaluator.runs(setting), first, first + count);
                    for (int r = 0; r < values.length; r++) {
                        values[r] *= objective.sign();
                    }
                    return values;
                }

                @Override
                public void ensure(List<Integer> chosen, int count) {
                    evaluator.ensure(chosen.stream().map(systems::get).toList(), first + count);
                    listener.progress(progress(TuningProgress.SELECTION, context, started));
                }
            };
            KimNelson.Outcome outcome = KimNelson.select(
                    systems.size(),
                    observations,
                    delta,
                    options.pcs(),
                    options.firstStage(),
                    options.maxFinalReplications(),
                    () -> stopRequested);
            Setting winner = systems.get(outcome.winner());
            int reps = outcome.observations()[outcome.winner()];
            // The baseline may have dropped out earlier: pair it with the winner replication by replication.
            evaluator.ensure(List.of(baseline, winner), first + reps);
            Optional<String> broken =
                    winner.equals(baseline) ? Optional.empty() : context.guardViolation(winner, first, first + reps);
            if (broken.isPresent()) {
                finalists.remove(winner);
                continue;
            }
            Optional<Setting> runnerUp = runnerUp(systems, outcome, winner);
            return result(context, method, winner, runnerUp, first, reps, delta, outcome);
        }
    }

    private Optional<Setting> runnerUp(List<Setting> systems, KimNelson.Outcome outcome, Setting winner) {
        Setting runnerUp = null;
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < systems.size(); i++) {
            if (!systems.get(i).equals(winner) && outcome.observations()[i] > 0 && outcome.means()[i] > best) {
                best = outcome.means()[i];
                runnerUp = systems.get(i);
            }
        }
        return Optional.ofNullable(runnerUp);
    }

    private TuningResult result(
            SearchContext context,
            String method,
            Setting winner,
            Optional<Setting> runnerUp,
            int first,
            int reps,
            double delta,
            KimNelson.Outcome outcome) {
        Evaluator evaluator = context.evaluator();
        Setting baseline = context.baseline();
        int runnerUpReps = runnerUp.map(
                        r -> Math.max(options.firstStage(), evaluator.runs(r).count() - first))
                .orElse(0);
        Map<String, Estimate> differences = new LinkedHashMap<>();
        for (String kpi : TuningSpec.KPIS) {
            int k = TuningKpis.index(kpi);
            differences.put(
                    kpi,
                    Estimate.of(minus(
                            evaluator.runs(winner).kpi(k, first, first + reps),
                            evaluator.runs(baseline).kpi(k, first, first + reps))));
        }
        Objective objective = context.objective();
        Estimate gain = Estimate.of(minus(
                objective.values(winner, evaluator.runs(winner), first, first + reps),
                objective.values(baseline, evaluator.runs(baseline), first, first + reps)));
        return new TuningResult(
                objective.name(),
                spec.objective().maximise(),
                tuned(context, winner, first, reps),
                runnerUp.map(r -> tuned(context, r, first, runnerUpReps)),
                tuned(context, baseline, first, reps),
                gain,
                differences,
                delta,
                outcome.pcs(),
                outcome.completed(),
                false,
                evaluator.settings().size(),
                context.rejected().size(),
                evaluator.replications(),
                spec.replications(),
                trajectory(context),
                evaluated(context),
                method);
    }

    /** The search's best with its search replications, when the run was stopped before the selection. */
    private TuningResult bestSoFar(SearchContext context, String method) {
        Setting baseline = context.baseline();
        Setting best = context.best()
                .filter(b -> context.score(b, true) > context.score(baseline, true))
                .orElse(baseline);
        int reps = spec.replications();
        Objective objective = context.objective();
        Evaluator evaluator = context.evaluator();
        Map<String, Estimate> differences = new LinkedHashMap<>();
        for (String kpi : TuningSpec.KPIS) {
            int k = TuningKpis.index(kpi);
            differences.put(
                    kpi,
                    Estimate.of(minus(
                            evaluator.runs(best).kpi(k, 0, reps),
                            evaluator.runs(baseline).kpi(k, 0, reps))));
        }
        Estimate gain = Estimate.of(minus(
                objective.values(best, evaluator.runs(best), 0, reps),
                objective.values(baseline, evaluator.runs(baseline), 0, reps)));
        return new TuningResult(
                objective.name(),
                spec.objective().maximise(),
                tuned(context, best, 0, reps),
                Optional.empty(),
                tuned(context, baseline, 0, reps),
                gain,
                differences,
                Double.NaN,
                Double.NaN,
                false,
                true,
                evaluator.settings().size(),
                context.rejected().size(),
                evaluator.replications(),
                reps,
                trajectory(context),
                evaluated(context),
                method);
    }

    private TunedSetting tuned(SearchContext context, Setting setting, int first, int reps) {
        Evaluator.Runs runs = context.evaluator().runs(setting);
        Map<String, Estimate> kpis = new LinkedHashMap<>();
        for (String kpi : TuningSpec.KPIS) {
            kpis.put(kpi, Estimate.of(runs.kpi(TuningKpis.index(kpi), first, first + reps)));
        }
        return new TunedSetting(
                values(setting),
                setting.equals(context.baseline()),
                Estimate.of(context.objective().values(setting, runs, first, first + reps)),
                kpis);
    }

    /** The indifference zone: as given, else a share of the baseline's objective over the search replications. */
    private double delta(SearchContext context) {
        if (options.delta().isPresent()) {
            return options.delta().getAsDouble();
        }
        double baseline = Math.abs(context.score(context.baseline(), true));
        double best = context.best().map(b -> Math.abs(context.score(b, true))).orElse(0.0);
        double scale = baseline > 0 && Double.isFinite(baseline) ? baseline : best;
        return scale > 0 && Double.isFinite(scale) ? options.deltaShare() * scale : 1e-9;
    }

    private static List<TuningResult.Step> trajectory(SearchContext context) {
        return context.trajectory().stream()
                .map(s -> new TuningResult.Step(s.evaluation(), s.bestObjective()))
                .toList();
    }

    private List<Map<String, Object>> evaluated(SearchContext context) {
        return context.visited().stream().map(this::values).toList();
    }

    private static double[] minus(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }

    /** The setting as set entries: Integer for integer variables, Double for continuous; NaN entries left out. */
    private Map<String, Object> values(Setting setting) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            double v = setting.value(i);
            if (Double.isNaN(v)) {
                continue;
            }
            values.put(
                    paths.get(i),
                    spec.variables().get(i).integer() ? (Object) (int) Math.rint(v) : (Object) continuous(i, v));
        }
        return values;
    }

    /** A lattice value printed without the float noise of {@code lower + k * step}. */
    private double continuous(int i, double v) {
        return region.step(i) > 0 ? Math.round(v * 1e9) / 1e9 : v;
    }

    /** The line of a setting, as a variant that another JVM can build again from the scenario file. */
    private Variant line(Setting setting) {
        if (setting.baseline()) {
            return baselineLine();
        }
        return scenario.variantOf(CANDIDATE, values(setting));
    }

    /**
     * The base line's values as a setting: a point of the region when they lie in it, else a setting of its own
     * (simulated as the base line, compared with, never recommended).
     */
    private Setting baselineSetting() {
        double[] current = new double[paths.size()];
        boolean complete = true;
        for (int i = 0; i < current.length; i++) {
            current[i] = start.current(i).orElse(Double.NaN);
            complete &= start.current(i).isPresent();
        }
        return complete && region.contains(current) ? Setting.of(current) : new Setting(current, true);
    }

    /** Where the search starts when the baseline is not in the region: the nearest point repair finds. */
    private double[] startPoint() {
        double[] from = new double[paths.size()];
        for (int i = 0; i < from.length; i++) {
            TuningVariable v = spec.variables().get(i);
            from[i] = start.current(i).orElse((v.min() + v.max()) / 2);
        }
        return region.repair(from)
                .orElseThrow(
                        () -> new IllegalArgumentException("the tuning constraints admit no setting of the variables"));
    }

    /** The line as it runs now: the scenario's, with the tuned parameters the start state held put back. */
    private Variant baselineLine() {
        Map<String, Object> now = new LinkedHashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            OptionalDouble value = start.current(i);
            if (value.isPresent()
                    && value.getAsDouble() != spec.variables().get(i).current().orElse(Double.NaN)) {
                now.put(paths.get(i), value.getAsDouble());
            }
        }
        return now.isEmpty() ? Experiment.baseline(scenario) : scenario.variantOf(Scenario.BASELINE, now);
    }
}
