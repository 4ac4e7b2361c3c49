package io.linetwin.sim.experiment;

import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.Scenario;
import io.linetwin.sim.LineSimulation;
import io.linetwin.sim.ReplicationResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a scenario's baseline and variants. Replication {@code i} of every variant uses the same seed and
 * replication index, so each station draws the same random numbers in the baseline and in a variant
 * (common random numbers) and paired differences are tight.
 */
public final class Experiment {

    private final ExperimentSpec spec;
    private final int threads;
    private final Replications.Progress progress;

    public Experiment(ExperimentSpec spec, int threads, Replications.Progress progress) {
        this.spec = spec;
        this.threads = threads;
        this.progress = progress;
    }

    public ExperimentResult run(String variant, LineSpec line) {
        LineSimulation simulation = new LineSimulation(line).startingAt(spec.startSecondsOfWeek());
        long started = System.nanoTime();
        List<ReplicationResult> results = Replications.run(spec.replications(), threads,
                replication -> simulation.run(spec.warmupSeconds(), spec.horizonSeconds(), spec.seed(), replication),
                progress);
        return new ExperimentResult(variant, spec, results, (System.nanoTime() - started) / 1e9);
    }

    /** The baseline and then each variant of {@code scenario}, each compared with the baseline. */
    public List<Comparison> compareAll(Scenario scenario) {
        ExperimentResult baseline = run(Scenario.BASELINE, scenario.line());
        List<Comparison> comparisons = new ArrayList<>();
        scenario.variants().forEach(v -> comparisons.add(Comparison.of(baseline, run(v.name(), v.line()))));
        return comparisons;
    }
}
