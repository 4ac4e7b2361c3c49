package io.linetwin.sim;

/**
 * Told now and then how far a replication has come in simulated time, so a long single replication can show
 * progress with an estimate of the time left. Called from the replication's thread, every few thousand events.
 */
@FunctionalInterface
public interface RunProgress {

    RunProgress NONE = (replication, share) -> {};

    /** Replication {@code replication} has simulated {@code share} (in [0, 1]) of its warm-up plus horizon. */
    void reached(int replication, double share);
}
