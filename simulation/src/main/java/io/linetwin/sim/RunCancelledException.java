package io.linetwin.sim;

/**
 * A replication stopped because its thread was interrupted (Ctrl-C, SIGTERM, a caller giving up): the engine
 * looks at the interrupt every few thousand events, so a run of any length stops within milliseconds.
 */
public final class RunCancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RunCancelledException(String message) {
        super(message);
    }
}
