package io.linetwin.predict.tuning;

import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.LineState;
import io.linetwin.sim.LineDeadlockException;
import io.linetwin.sim.LineSimulation;
import io.linetwin.sim.ReplicationResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Simulates settings and keeps what each replication measured, so no (setting, replication) pair is run twice.
 * Replication {@code r} of every setting uses the experiment's seed and index {@code r}, so every station draws
 * the same random numbers in every setting (common random numbers): differences between settings are not
 * drowned by sampling noise. Missing replications run in parallel; results land in their (setting, replication)
 * slot, so they do not depend on the number of threads. Called from one thread.
 */
final class Evaluator implements AutoCloseable {

    /** The KPIs of one setting, per replication; or why its line cannot run. */
    static final class Runs {
        private final LineSimulation simulation;
        private final String failure;
        private final List<double[]> kpis = new ArrayList<>();

        private Runs(LineSimulation simulation, String failure) {
            this.simulation = simulation;
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
    private final Function<Setting, LineSpec> lines;
    private final ExecutorService pool;
    private final int threads;
    private final Map<Setting, Runs> runs = new HashMap<>();
    private final LinkedHashSet<Setting> order = new LinkedHashSet<>();
    private long replications;
    private long events;

    /**
     * @param lines builds the line of a setting; throws {@link IllegalArgumentException} when the line refuses it
     */
    Evaluator(ExperimentSpec experiment, Optional<LineState> start, Function<Setting, LineSpec> lines, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.experiment = experiment;
        this.start = start;
        this.lines = lines;
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "linetwin-tuning");
            thread.setDaemon(true);
            return thread;
        });
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
        List<Callable<ReplicationResult>> tasks = new ArrayList<>();
        for (int i = 0; i < missing.size(); i++) {
            LineSimulation simulation = runs.get(missing.get(i)).simulation;
            int replication = indices.get(i);
            tasks.add(() -> run(simulation, replication));
        }
        List<Future<ReplicationResult>> futures;
        try {
            futures = threads == 1 ? runInline(tasks) : pool.invokeAll(tasks);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TuningInterruptedException();
        }
        for (int i = 0; i < futures.size(); i++) {
            Runs target = runs.get(missing.get(i));
            try {
                ReplicationResult result = futures.get(i).get();
                if (target.failure == null) {
                    target.kpis.add(TuningKpis.of(result));
                    events += result.events();
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof LineDeadlockException deadlock)) {
                    throw e.getCause() instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException("a tuning replication failed", e.getCause());
                }
                // A setting that deadlocks a rework loop is no candidate; the search moves on.
                Runs failed = new Runs(target.simulation, "deadlocks: " + deadlock.getMessage());
                runs.put(missing.get(i), failed);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TuningInterruptedException();
            }
            replications++;
        }
    }

    private static List<Future<ReplicationResult>> runInline(List<Callable<ReplicationResult>> tasks) {
        List<Future<ReplicationResult>> done = new ArrayList<>();
        for (Callable<ReplicationResult> task : tasks) {
            java.util.concurrent.FutureTask<ReplicationResult> future = new java.util.concurrent.FutureTask<>(task);
            future.run();
            done.add(future);
        }
        return done;
    }

    private ReplicationResult run(LineSimulation simulation, int replication) {
        return start.isPresent()
                ? simulation.run(start.get(), experiment.warmupSeconds(), experiment.horizonSeconds(),
                        experiment.seed(), replication)
                : simulation.run(experiment.warmupSeconds(), experiment.horizonSeconds(), experiment.seed(),
                        replication);
    }

    private Runs prepare(Setting setting) {
        try {
            LineSimulation simulation = new LineSimulation(lines.apply(setting))
                    .startingAt(experiment.startSecondsOfWeek());
            if (start.isPresent()) {
                simulation.requireFits(start.get());
            }
            return new Runs(simulation, null);
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

    int threads() {
        return threads;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** The tuning was stopped (Ctrl-C, or {@link Tuner#stop()}) while replications ran. */
    static final class TuningInterruptedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TuningInterruptedException() {
            super("tuning interrupted");
        }
    }
}
