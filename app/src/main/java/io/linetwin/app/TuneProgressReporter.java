package io.linetwin.app;

import io.linetwin.predict.tuning.TuningProgress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * One status line on stderr, rewritten in place at most once a second, for a person at a terminal: the phase,
 * settings simulated of the budget, the best objective so far and the time left. Quiet in pipes and for runs
 * shorter than a second.
 */
final class TuneProgressReporter {

    private static final long QUIET_NANOS = 1_000_000_000L;
    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final PrintWriter err;
    private final boolean interactive;
    private final long started = System.nanoTime();
    private long lastPrinted;
    private int width;

    TuneProgressReporter(PrintWriter err, boolean interactive) {
        this.err = err;
        this.interactive = interactive;
    }

    synchronized void update(TuningProgress progress) {
        long now = System.nanoTime();
        if (!interactive || now - started < QUIET_NANOS || now - lastPrinted < INTERVAL_NANOS) {
            return;
        }
        lastPrinted = now;
        String line = line(progress);
        err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
        err.flush();
        width = line.length();
    }

    static String line(TuningProgress progress) {
        String best = Double.isNaN(progress.bestObjective()) ? "-"
                : String.format(Locale.ROOT, "%.4g", progress.bestObjective());
        if (progress.phase().equals(TuningProgress.SELECTION)) {
            return String.format(Locale.ROOT, "linetwin: tune: selecting the winner · %d replications · %s elapsed",
                    progress.replications(), KpiTable.duration(Math.rint(progress.elapsedSeconds())));
        }
        int done = Math.max(1, progress.evaluations());
        double left = progress.elapsedSeconds() / done * Math.max(0, progress.budget() - done);
        return String.format(Locale.ROOT, "linetwin: tune: search %d/%d settings · best %s · about %s left",
                progress.evaluations(), progress.budget(), best, KpiTable.duration(Math.rint(left)));
    }

    synchronized void clear() {
        if (width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
            width = 0;
        }
    }
}
