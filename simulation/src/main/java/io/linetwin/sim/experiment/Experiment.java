package io.linetwin.sim.experiment;

import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.LineState;
import io.linetwin.model.Scenario;
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
    private final int threads;
    private final Replications.Progress progress;
    /** Where every replication starts: empty = an empty line at t = 0. */
    private final Optional<LineState> start;
    /** A trace listener per replication index, e.g. to chart a run over time; null (the default): no trace. */
    private final IntFunction<TraceListener> traces;

    public Experiment(ExperimentSpec spec, int threads, Replications.Progress progress) {
        this(spec, threads, progress, Optional.empty(), null);
    }

    private Experiment(ExperimentSpec spec, int threads, Replications.Progress progress, Optional<LineState> start,
            IntFunction<TraceListener> traces) {
        this.spec = spec;
        this.threads = threads;
        this.progress = progress;
        this.start = start;
        this.traces = traces;
    }

    /**
     * The same experiment with every replication (of the baseline and of each variant) warm-started from
     * {@code state}, e.g. the live twin's: the what-if then looks ahead from the line as it is now.
     */
    public Experiment startingFrom(LineState state) {
        return new Experiment(spec, threads, progress, Optional.of(state), traces);
    }

    /**
     * The same experiment telling {@code listenerFor.apply(i)} the trace of replication {@code i} of every run. The
     * results are those of the untraced experiment (tracing draws no random numbers); the runs are slower, so only
     * callers that chart a run over time (a report) ask for it. Listeners are called from the replication's thread.
     */
    public Experiment tracing(IntFunction<TraceListener> listenerFor) {
        return new Experiment(spec, threads, progress, start, listenerFor);
    }

    public ExperimentResult run(String variant, LineSpec line) {
        LineSimulation prepared = new LineSimulation(line).startingAt(spec.startSecondsOfWeek());
        if (progress != Replications.Progress.NONE) {
            progress.started(variant, spec.replications());
            prepared = prepared.reportingTo(progress::advanced);
        }
        LineSimulation simulation = prepared;
        long started = System.nanoTime();
        List<ReplicationResult> results = Replications.run(spec.replications(), threads,
                replication -> {
                    TraceListener trace = traces == null ? null : traces.apply(replication);
                    return start.isPresent()
                            ? simulation.run(start.get(), spec.warmupSeconds(), spec.horizonSeconds(), spec.seed(),
                                    replication, trace)
                            : simulation.run(spec.warmupSeconds(), spec.horizonSeconds(), spec.seed(), replication,
                                    trace);
                },
                progress);
        return new ExperimentResult(variant, spec, results, (System.nanoTime() - started) / 1e9);
    }

    /** The baseline and then each variant of {@code scenario}, each compared with the baseline. */
    public List<Comparison> compareAll(Scenario scenario) {
        return compareAll(scenario, 0);
    }

    /** As {@link #compareAll(Scenario)}, with verdicts that need a practical effect of {@code minEffect}. */
    public List<Comparison> compareAll(Scenario scenario, double minEffect) {
        ExperimentResult baseline = run(Scenario.BASELINE, scenario.line());
        List<Comparison> comparisons = new ArrayList<>();
        scenario.variants().forEach(v -> comparisons.add(Comparison.of(baseline, run(v.name(), v.line()), minEffect)));
        return comparisons;
    }
}
