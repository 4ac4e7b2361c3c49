package io.linetwin.sim.experiment;

import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.LineState;
import io.linetwin.model.Scenario;
import io.linetwin.model.Variant;
import io.linetwin.sim.LineSimulation;
import io.linetwin.sim.ReplicationResult;
import io.linetwin.sim.TraceListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Runs a scenario's baseline and variants. Replication {@code i} of every variant uses the same seed and
 * replication index, so each station draws the same random numbers in the baseline and in a variant
 * (common random numbers) and paired differences are tight.
 */
public final class Experiment {

    private final ExperimentSpec spec;
    private final ReplicationEngine engine;
    private final Replications.Progress progress;
    /** Where every replication starts: empty = an empty line at t = 0. */
    private final Optional<LineState> start;
    /** A trace listener per replication index, e.g. to chart a run over time; null (the default): no trace. */
    private final IntFunction<TraceListener> traces;

    public Experiment(ExperimentSpec spec, int threads, Replications.Progress progress) {
        this(spec, new LocalEngine(threads), progress);
    }

    /** Replications run on {@code engine}: the results are the same on every engine. */
    public Experiment(ExperimentSpec spec, ReplicationEngine engine, Replications.Progress progress) {
        this(spec, engine, progress, Optional.empty(), null);
    }

    private Experiment(
            ExperimentSpec spec,
            ReplicationEngine engine,
            Replications.Progress progress,
            Optional<LineState> start,
            IntFunction<TraceListener> traces) {
        this.spec = spec;
        this.engine = engine;
        this.progress = progress;
        this.start = start;
        this.traces = traces;
    }

    /**
     * The same experiment with every replication (of the baseline and of each variant) warm-started from
     * {@code state}, e.g. the live twin's: the what-if then looks ahead from the line as it is now.
     */
    public Experiment startingFrom(LineState state) {
        return new Experiment(spec, engine, progress, Optional.of(state), traces);
    }

    /**
     * The same experiment telling {@code listenerFor.apply(i)} the trace of replication {@code i} of every run. The
     * results are those of the untraced experiment (tracing draws no random numbers); the runs are slower and stay
     * in this JVM (a listener cannot travel to a cluster), so only callers that chart a run over time (a report)
     * ask for it. Listeners are called from the replication's thread.
     */
    public Experiment tracing(IntFunction<TraceListener> listenerFor) {
        return new Experiment(spec, engine, progress, start, listenerFor);
    }

    /** A line built in code; it runs on this JVM's engines only (see {@link Candidate#local}). */
    public ExperimentResult run(String variant, LineSpec line) {
        if (traces == null) {
            return run(Candidate.local(variant, line, spec, start));
        }
        // Traced: in this JVM, on the local engine's threads.
        int threads = engine instanceof LocalEngine local
                ? local.threads()
                : Runtime.getRuntime().availableProcessors();
        LineSimulation prepared = new LineSimulation(line).startingAt(spec.startSecondsOfWeek());
        if (progress != Replications.Progress.NONE) {
            progress.started(variant, spec.replications());
            prepared = prepared.reportingTo(progress::advanced);
        }
        LineSimulation simulation = prepared;
        long started = System.nanoTime();
        List<ReplicationResult> results = Replications.run(
                spec.replications(),
                threads,
                replication -> {
                    TraceListener trace = traces == null ? null : traces.apply(replication);
                    return start.isPresent()
                            ? simulation.run(
                                    start.get(),
                                    spec.warmupSeconds(),
                                    spec.horizonSeconds(),
                                    spec.seed(),
                                    replication,
                                    trace)
                            : simulation.run(
                                    spec.warmupSeconds(), spec.horizonSeconds(), spec.seed(), replication, trace);
                },
                progress);
        return new ExperimentResult(variant, spec, results, (System.nanoTime() - started) / 1e9);
    }

    /** A variant of the scenario, or its base line as {@code new Variant(BASELINE, Map.of(), line)}. */
    public ExperimentResult run(Variant variant) {
        return run(Candidate.of(variant, spec, start));
    }

    private ExperimentResult run(Candidate candidate) {
        progress.started(candidate.name(), spec.replications());
        long started = System.nanoTime();
        List<ReplicationResult> results = results(engine.run(tasks(candidate), progress), 0, spec.replications());
        return new ExperimentResult(candidate.name(), spec, results, (System.nanoTime() - started) / 1e9);
    }

    /**
     * The baseline and then each variant of {@code scenario}, each compared with the baseline. Every replication
     * of every line goes to the engine at once, so a cluster works on all of them together.
     */
    public List<Comparison> compareAll(Scenario scenario) {
        return compareAll(scenario, 0);
    }

    /** As {@link #compareAll(Scenario)}, with verdicts that need a practical effect of {@code minEffect}. */
    public List<Comparison> compareAll(Scenario scenario, double minEffect) {
        List<Candidate> candidates = new ArrayList<>();
        candidates.add(Candidate.of(baseline(scenario), spec, start));
        scenario.variants().forEach(v -> candidates.add(Candidate.of(v, spec, start)));
        List<ReplicationTask> tasks = new ArrayList<>();
        candidates.forEach(c -> tasks.addAll(tasks(c)));
        progress.started(batchLabel(candidates.size() - 1), tasks.size());
        long started = System.nanoTime();
        List<ReplicationOutcome> outcomes = engine.run(tasks, progress);
        // One wall time for all, shared out evenly: the lines ran interleaved.
        double wallSeconds = (System.nanoTime() - started) / 1e9 / candidates.size();
        int n = spec.replications();
        ExperimentResult baseline = new ExperimentResult(Scenario.BASELINE, spec, results(outcomes, 0, n), wallSeconds);
        List<Comparison> comparisons = new ArrayList<>();
        for (int v = 1; v < candidates.size(); v++) {
            ExperimentResult variant = new ExperimentResult(
                    candidates.get(v).name(), spec, results(outcomes, v * n, (v + 1) * n), wallSeconds);
            comparisons.add(Comparison.of(baseline, variant, minEffect));
        }
        return comparisons;
    }

    private static String batchLabel(int variants) {
        return variants == 0
                ? Scenario.BASELINE
                : Scenario.BASELINE + " and " + variants + " variant" + (variants > 1 ? "s" : "");
    }

    /** The base line as a variant without {@code set} entries. */
    public static Variant baseline(Scenario scenario) {
        return new Variant(Scenario.BASELINE, java.util.Map.of(), scenario.line());
    }

    private List<ReplicationTask> tasks(Candidate candidate) {
        List<ReplicationTask> tasks = new ArrayList<>(spec.replications());
        for (int r = 0; r < spec.replications(); r++) {
            tasks.add(new ReplicationTask(candidate, r));
        }
        return tasks;
    }

    private static List<ReplicationResult> results(List<ReplicationOutcome> outcomes, int from, int to) {
        List<ReplicationResult> results = new ArrayList<>(to - from);
        for (ReplicationOutcome outcome : outcomes.subList(from, to)) {
            results.add(outcome.result());
        }
        return results;
    }
}
