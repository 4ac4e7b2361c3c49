package io.linetwin.sim.experiment;

import io.linetwin.sim.LineDeadlockException;
import java.util.List;

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
        return Replications.run(tasks.size(), threads, i -> outcome(tasks.get(i)), progress);
    }

    /** Runs one task in this JVM; what every engine's workers do with a task. */
    public static ReplicationOutcome outcome(ReplicationTask task) {
        try {
            return new ReplicationOutcome.Finished(task.candidate().run(task.replication()));
        } catch (LineDeadlockException deadlock) {
            return new ReplicationOutcome.Deadlocked(deadlock);
        }
    }

    @Override
    public String name() {
        return NAME;
    }
}
