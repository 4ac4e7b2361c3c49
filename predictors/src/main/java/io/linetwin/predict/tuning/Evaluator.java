package io.linetwin.predict.tuning;

import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.LineState;
import io.linetwin.model.Variant;
import io.linetwin.sim.LineSimulation;
import io.linetwin.sim.ReplicationResult;
import io.linetwin.sim.experiment.Candidate;
import io.linetwin.sim.experiment.LocalEngine;
import io.linetwin.sim.experiment.ReplicationEngine;
import io.linetwin.sim.experiment.ReplicationOutcome;
import io.linetwin.sim.experiment.ReplicationTask;
import io.linetwin.sim.experiment.Replications;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Simulates settings and keeps what each replication measured, so no (setting, replication) pair is run twice.
 * Replication {@code r} of every setting uses the experiment's seed and index {@code r}, so every station draws
 * the same random numbers in every setting (common random numbers): differences between settings are not
 * drowned by sampling noise. Missing replications go to the engine in one batch (this JVM's threads or a
 * cluster); results land in their (setting, replication) slot, so they do not depend on the engine or its number
 * of workers. Called from one thread.
 */
final class Evaluator implements AutoCloseable {

    /** The KPIs of one setting, per replication; or why its line cannot run. */
    static final class Runs {
        private final Candidate candidate;
        private final String failure;
        private final List<double[]> kpis = new ArrayList<>();

        private Runs(Candidate candidate, String failure) {
            this.candidate = candidate;
            this.failure = failure;
        }

        Optional<String> failure() {
            return Optional.ofNullable(failure);
        }

        int count() {
            return kpis.size();
        }

        /** KPI {@code k} in replications {@code [from, to)}. */
        double[] kpi(int k, int from, int to) {
            double[] values = new double[to - from];
            for (int r = from; r < to; r++) {
                values[r - from] = kpis.get(r)[k];
            }
            return values;
        }
    }

    private final ExperimentSpec experiment;
    private final Optional<LineState> start;
    private final Function<Setting, Variant> lines;
    private final ReplicationEngine engine;
    private final boolean ownsEngine;
    private final Map<Setting, Runs> runs = new HashMap<>();
    private final LinkedHashSet<Setting> order = new LinkedHashSet<>();
    private long replications;
    private long events;

    /**
     * On this JVM's threads.
     *
     * @param lines builds the line of a setting as a variant of the scenario; throws
     *              {@link IllegalArgumentException} when the line refuses it
     */
    Evaluator(ExperimentSpec experiment, Optional<LineState> start, Function<Setting, Variant> lines, int threads) {
        this(experiment, start, lines, new LocalEngine(threads), true);
    }

    /** On {@code engine}, which the caller keeps and closes. */
    Evaluator(
            ExperimentSpec experiment,
            Optional<LineState> start,
            Function<Setting, Variant> lines,
            ReplicationEngine engine) {
        this(experiment, start, lines, engine, false);
    }

    private Evaluator(
            ExperimentSpec experiment,
            Optional<LineState> start,
            Function<Setting, Variant> lines,
            ReplicationEngine engine,
            boolean ownsEngine) {
        this.experiment = experiment;
        this.start = start;
        this.lines = lines;
        this.engine = engine;
        this.ownsEngine = ownsEngine;
    }

    /** Makes sure every setting has replications {@code [0, count)}, running the missing ones in parallel. */
    void ensure(Collection<Setting> settings, int count) {
        List<Setting> missing = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        for (Setting setting : new LinkedHashSet<>(settings)) {
            Runs known = runs.computeIfAbsent(setting, this::prepare);
            order.add(setting);
            if (known.failure != null) {
                continue;
            }
            for (int r = known.count(); r < count; r++) {
                missing.add(setting);
                indices.add(r);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        List<ReplicationTask> tasks = new ArrayList<>(missing.size());
        for (int i = 0; i < missing.size(); i++) {
            tasks.add(new ReplicationTask(runs.get(missing.get(i)).candidate, indices.get(i)));
        }
        List<ReplicationOutcome> outcomes;
        try {
            outcomes = engine.run(tasks, Replications.Progress.NONE);
        } catch (Replications.ReplicationFailedException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new TuningInterruptedException();
            }
            throw e;
        }
        for (int i = 0; i < outcomes.size(); i++) {
            Runs target = runs.get(missing.get(i));
            if (outcomes.get(i) instanceof ReplicationOutcome.Deadlocked deadlocked) {
                // A setting that deadlocks a rework loop is no candidate; the search moves on.
                String why = "deadlocks: " + deadlocked.deadlock().getMessage();
                runs.put(missing.get(i), new Runs(target.candidate, why));
            } else if (target.failure == null) {
                ReplicationResult result = outcomes.get(i).result();
                target.kpis.add(TuningKpis.of(result));
                events += result.events();
            }
            replications++;
        }
    }

    private Runs prepare(Setting setting) {
        try {
            Candidate candidate = Candidate.of(lines.apply(setting), experiment, start);
            LineSimulation simulation = candidate.simulation();
            if (start.isPresent()) {
                simulation.requireFits(start.get());
            }
            return new Runs(candidate, null);
        } catch (IllegalArgumentException e) {
            return new Runs(null, e.getMessage());
        }
    }

    /** What is known of {@code setting}; it must have been passed to {@link #ensure}. */
    Runs runs(Setting setting) {
        Runs known = runs.get(setting);
        if (known == null) {
            throw new IllegalStateException("setting " + setting + " has not been evaluated");
        }
        return known;
    }

    boolean knows(Setting setting) {
        return runs.containsKey(setting);
    }

    /** Distinct settings simulated (or found unable to run), in the order they were first asked for. */
    List<Setting> settings() {
        return List.copyOf(order);
    }

    long replications() {
        return replications;
    }

    long events() {
        return events;
    }

    @Override
    public void close() {
        if (ownsEngine) {
            engine.close();
        }
    }

    /** The tuning was stopped (Ctrl-C, or {@link Tuner#stop()}) while replications ran. */
    static final class TuningInterruptedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TuningInterruptedException() {
            super("tuning interrupted");
        }
    }
}
