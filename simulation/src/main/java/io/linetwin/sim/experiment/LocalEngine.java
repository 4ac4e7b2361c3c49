package io.linetwin.sim.experiment;

import io.linetwin.sim.LineDeadlockException;
import io.linetwin.sim.LineSimulation;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Replications on a pool of {@code threads} threads in this JVM: the embedded default. */
public final class LocalEngine implements ReplicationEngine {

    public static final String NAME = "local";

    private final int threads;

    public LocalEngine(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
    }

    public int threads() {
        return threads;
    }

    @Override
    public List<ReplicationOutcome> run(List<ReplicationTask> tasks, Replications.Progress progress) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        Map<Candidate, LineSimulation> reporting =
                progress == Replications.Progress.NONE ? Map.of() : reportingSimulations(tasks, progress);
        return Replications.run(
                tasks.size(),
                threads,
                i -> {
                    ReplicationTask task = tasks.get(i);
                    LineSimulation simulation = reporting.get(task.candidate());
                    return outcome(
                            task,
                            simulation != null ? simulation : task.candidate().simulation());
                },
                progress);
    }

    /**
     * Each candidate's simulation telling {@code progress} how far its replications have come, by their index in
     * the batch (a replication index recurs once per candidate).
     */
    private static Map<Candidate, LineSimulation> reportingSimulations(
            List<ReplicationTask> tasks, Replications.Progress progress) {
        Map<Candidate, Map<Integer, Integer>> taskOf = new IdentityHashMap<>();
        for (int i = 0; i < tasks.size(); i++) {
            taskOf.computeIfAbsent(tasks.get(i).candidate(), c -> new HashMap<>())
                    .put(tasks.get(i).replication(), i);
        }
        Map<Candidate, LineSimulation> simulations = new IdentityHashMap<>();
        taskOf.forEach((candidate, indices) ->
                simulations.put(candidate, candidate.simulation().reportingTo((replication, share) -> {
                    Integer task = indices.get(replication);
                    if (task != null) {
                        progress.advanced(task, share);
                    }
                })));
        return simulations;
    }

    /** Runs one task in this JVM; what every engine's workers do with a task. */
    public static ReplicationOutcome outcome(ReplicationTask task) {
        return outcome(task, task.candidate().simulation());
    }

    private static ReplicationOutcome outcome(ReplicationTask task, LineSimulation simulation) {
        try {
            return new ReplicationOutcome.Finished(task.candidate().run(simulation, task.replication()));
        } catch (LineDeadlockException deadlock) {
            return new ReplicationOutcome.Deadlocked(deadlock);
        }
    }

    @Override
    public String name() {
        return NAME;
    }
}
