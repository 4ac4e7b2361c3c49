package io.linetwin.sim;

/**
 * The engine stopped a replication before its end because it ran away: more events than its budget, simulated
 * time standing still, or more parts in the line than memory holds. The message says which, where and what to
 * change; the scenario is at fault (or the engine), never the machine, so a CLI reports it in one line.
 */
public final class RunStoppedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    RunStoppedException(String message) {
        super(message);
    }
}
