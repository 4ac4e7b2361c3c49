package io.linetwin.app;

import io.linetwin.sim.experiment.Replications;
import java.io.PrintWriter;

/**
 * Replication progress on stderr, but only once a run has taken longer than a couple of seconds, so short
 * runs stay quiet; at most one line a second.
 */
final class ProgressReporter implements Replications.Progress {

    private static final long QUIET_NANOS = 2_000_000_000L;
    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final PrintWriter err;
    private final String label;
    private final long started = System.nanoTime();
    private long lastPrinted;

    ProgressReporter(PrintWriter err, String label) {
        this.err = err;
        this.label = label;
    }

    @Override
    public synchronized void finished(int done, int total) {
        long now = System.nanoTime();
        if (now - started < QUIET_NANOS || (now - lastPrinted < INTERVAL_NANOS && done < total)) {
            return;
        }
        lastPrinted = now;
        err.printf("linetwin: %s: %d/%d replications done (%.1f s)%n", label, done, total, (now - started) / 1e9);
        err.flush();
    }
}
