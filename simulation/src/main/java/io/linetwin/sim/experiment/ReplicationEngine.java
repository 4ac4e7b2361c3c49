package io.linetwin.sim.experiment;

import java.util.List;

/**
 * Where replications run: this JVM's threads ({@link LocalEngine}) or a cluster. Every engine returns the same
 * outcomes for the same tasks, in task order, however many workers ran them in whatever order and however often a
 * task was retried: a replication draws only from its own seeded streams.
 */
public interface ReplicationEngine extends AutoCloseable {

    /**
     * Runs every task and returns outcome {@code i} for task {@code i}. A deadlocked line is an outcome; any other
     * failure of a replication is thrown.
     *
     * @param progress told after each finished task (from any thread)
     */
    List<ReplicationOutcome> run(List<ReplicationTask> tasks, Replications.Progress progress);

    /** How the engine is named on the command line and in reports ({@code local}, {@code spark}). */
    String name();

    /** Releases the engine's threads or cluster connection; a no-op by default. */
    @Override
    default void close() {}
}
