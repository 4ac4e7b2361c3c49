package io.linetwin.app;

import io.linetwin.sim.experiment.Replications;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress lines on stderr for long runs: which batch (a variant, a candidate window) runs, the replications done,
 * the share of all the work done (finished replications plus the simulated time of running ones) and an estimate
 * of the time left. Quiet for the first two seconds, then at most one line a second; a {@link #quiet()} reporter
 * prints nothing (in pipes and with {@code --quiet}).
 */
final class ProgressReporter implements Replications.Progress {

    private static final long QUIET_NANOS = 2_000_000_000L;
    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final PrintWriter err;
    private final LongSupplier nanoTime;
    private final boolean enabled;
    private final long startedNanos;
    /** Replications in the whole job when the caller knows it (several batches), else 0: the current batch's. */
    private int expectedTotal;
    private String label;
    private int doneBefore;
    private int batchTotal;
    private int batchDone;
    private double[] shares = new double[0];
    /** Set by {@link #reached}: progress of work that is not replications (an emulation), else null. */
    private String detail;
    private double detailShare = Double.NaN;
    private long lastPrinted;

    ProgressReporter(PrintWriter err, String label, boolean enabled, LongSupplier nanoTime) {
        this.err = err;
        this.label = label;
        this.enabled = enabled;
        this.nanoTime = nanoTime;
        this.startedNanos = nanoTime.getAsLong();
        this.lastPrinted = startedNanos - INTERVAL_NANOS;
    }

    ProgressReporter(PrintWriter err, String label, boolean enabled) {
        this(err, label, enabled, System::nanoTime);
    }

    static ProgressReporter quiet() {
        return new ProgressReporter(new PrintWriter(PrintWriter.nullWriter()), "", false);
    }

    /** The whole job runs {@code replications} replications over all its batches: the ETA covers them all. */
    synchronized ProgressReporter expecting(int replications) {
        this.expectedTotal = replications;
        return this;
    }

    @Override
    public synchronized void started(String batch, int total) {
        doneBefore += batchDone;
        label = batch;
        batchTotal = total;
        batchDone = 0;
        shares = new double[total];
    }

    @Override
    public synchronized void advanced(int replication, double share) {
        if (replication >= 0 && replication < shares.length) {
            shares[replication] = share;
        }
        maybePrint(false);
    }

    @Override
    public synchronized void finished(int done, int total) {
        if (batchTotal == 0) {
            // A caller that announced no batch: the counts come with each call.
            batchTotal = total;
            shares = new double[total];
        }
        batchDone = done;
        maybePrint(done == total);
    }

    /**
     * Progress of work other than replications: {@code what} has been done ("emulated 2h of 8h"), which is
     * {@code share} of the whole (NaN: unknown, no estimate of the time left).
     */
    synchronized void reached(String what, double share) {
        detail = what;
        detailShare = share;
        maybePrint(false);
    }

    /** Done share of the whole job: finished replications and the simulated share of those still running. */
    synchronized double share() {
        if (detail != null) {
            return detailShare;
        }
        int total = expectedTotal > 0 ? expectedTotal : doneBefore + batchTotal;
        if (total == 0) {
            return 0;
        }
        double running = Arrays.stream(shares).filter(s -> s < 1).sum();
        double inBatch = Math.min(batchTotal, batchDone + running);
        return Math.min(1, (doneBefore + inBatch) / total);
    }

    private void maybePrint(boolean batchEnd) {
        if (!enabled) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (now - startedNanos < QUIET_NANOS || (now - lastPrinted < INTERVAL_NANOS && !batchEnd)) {
            return;
        }
        lastPrinted = now;
        double elapsed = (now - startedNanos) / 1e9;
        double share = share();
        String left = share > 0.01 && share < 1 ? ", about " + KpiTable.duration(
                Math.ceil(elapsed * (1 - share) / share)) + " left" : "";
        String what = detail != null ? detail : batchDone + "/" + batchTotal + " replications";
        String done = Double.isNaN(share) ? "" : ", " + Numbers.percent(Math.floor(share * 1000) / 1000) + " done";
        err.printf(Locale.ROOT, "linetwin: %s: %s%s after %s%s%n", label, what, done,
                KpiTable.duration(Math.round(elapsed)), left);
        err.flush();
    }
}
