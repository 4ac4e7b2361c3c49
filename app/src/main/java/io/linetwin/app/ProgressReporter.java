package io.linetwin.app;

import io.linetwin.sim.experiment.Replications;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Progress on stderr for long work — runs, experiments, tuning, emulation, the health risk's batches: which batch
 * (a variant, a candidate window) runs, the replications done, the share of all the work done (finished
 * replications plus the simulated time of running ones) and an estimate of the time left. In a terminal it is one
 * bar rewritten in place and wiped when the work is done; elsewhere (a CI log with {@code --progress}) a line at
 * most once a second. Quiet for the first two seconds; a {@link #quiet()} reporter prints nothing (in pipes and
 * with {@code --quiet}). The one progress facility of the CLI.
 */
final class ProgressReporter implements Replications.Progress {

    /** How progress is drawn: a bar rewritten in place (a terminal), or lines (a log). */
    enum Style {
        BAR,
        LINES
    }

    private static final long QUIET_NANOS = 2_000_000_000L;
    private static final long INTERVAL_NANOS = 1_000_000_000L;
    private static final int BAR_CELLS = 24;

    private final PrintWriter err;
    private final LongSupplier nanoTime;
    private final boolean enabled;
    private final Style style;
    /** Columns of the bar on screen now; 0 when none is shown. */
    private int shown;

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

    /** Work per replication of each named batch, relative to the others (1 where not given). */
    private final Map<String, Double> weights = new HashMap<>();
    /** Weighted work of the whole job when weights are given, else 0. */
    private double expectedWork;

    private double workBefore;
    /**
     * (nanos, share) samples, one at least every hundredth of the elapsed time: the time left is estimated from the
     * pace over the latest half of the elapsed time.
     */
    private final List<long[]> paceNanos = new ArrayList<>();

    private final List<Double> paceShares = new ArrayList<>();

    ProgressReporter(PrintWriter err, String label, boolean enabled, LongSupplier nanoTime) {
        this(err, label, enabled, Style.LINES, nanoTime);
    }

    ProgressReporter(PrintWriter err, String label, boolean enabled, Style style, LongSupplier nanoTime) {
        this.err = err;
        this.label = label;
        this.enabled = enabled;
        this.style = style;
        this.nanoTime = nanoTime;
        this.startedNanos = nanoTime.getAsLong();
        this.lastPrinted = startedNanos - INTERVAL_NANOS;
    }

    ProgressReporter(PrintWriter err, String label, boolean enabled, Style style) {
        this(err, label, enabled, style, System::nanoTime);
    }

    static ProgressReporter quiet() {
        return new ProgressReporter(new PrintWriter(PrintWriter.nullWriter()), "", false, Style.LINES);
    }

    /** The whole job runs {@code replications} replications over all its batches: the ETA covers them all. */
    synchronized ProgressReporter expecting(int replications) {
        this.expectedTotal = replications;
        return this;
    }

    /**
     * The job's batches by label with the work of one replication of each, relative to the others (a replication
     * of a short branch weighs less than one of the whole look-ahead): the share done and the time left follow the
     * work, not the count of replications.
     */
    synchronized ProgressReporter expectingWork(Map<String, double[]> replicationsAndWeightByBatch) {
        expectedWork = 0;
        replicationsAndWeightByBatch.forEach((batch, countAndWeight) -> {
            weights.put(batch, countAndWeight[1]);
            expectedWork += countAndWeight[0] * countAndWeight[1];
        });
        return this;
    }

    private double weight() {
        return weights.getOrDefault(label, 1.0);
    }

    @Override
    public synchronized void started(String batch, int total) {
        workBefore += batchDone * weight();
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
        double running = Arrays.stream(shares).filter(s -> s < 1).sum();
        double inBatch = Math.min(batchTotal, batchDone + running);
        if (expectedWork > 0) {
            return Math.min(1, (workBefore + inBatch * weight()) / expectedWork);
        }
        int total = expectedTotal > 0 ? expectedTotal : doneBefore + batchTotal;
        if (total == 0) {
            return 0;
        }
        return Math.min(1, (doneBefore + inBatch) / total);
    }

    private void maybePrint(boolean batchEnd) {
        if (!enabled) {
            return;
        }
        long now = nanoTime.getAsLong();
        double share = share();
        samplePace(now, share);
        if (style == Style.BAR && share >= 1) {
            clear();
            return;
        }
        if (now - startedNanos < QUIET_NANOS || (now - lastPrinted < INTERVAL_NANOS && !batchEnd)) {
            return;
        }
        lastPrinted = now;
        double elapsed = (now - startedNanos) / 1e9;
        double secondsLeft = secondsLeft(now, share);
        String left = share > 0.01 && share < 1 && Double.isFinite(secondsLeft)
                ? ", about " + KpiTable.duration(Math.ceil(secondsLeft)) + " left"
                : "";
        String what = detail != null ? detail : batchDone + "/" + batchTotal + " replications";
        if (style == Style.BAR) {
            String bar = Double.isNaN(share)
                    ? ""
                    : bar(share) + " " + Numbers.percent(Math.floor(share * 1000) / 1000) + " · ";
            String text = String.format(
                    Locale.ROOT,
                    "linetwin: %s %s%s · %s elapsed%s",
                    label,
                    bar,
                    what,
                    KpiTable.duration(Math.round(elapsed)),
                    left.replace(", about", " · about"));
            err.print("\r" + text + " ".repeat(Math.max(0, shown - text.length())));
            err.flush();
            shown = text.length();
            return;
        }
        String done = Double.isNaN(share) ? "" : ", " + Numbers.percent(Math.floor(share * 1000) / 1000) + " done";
        err.printf(
                Locale.ROOT,
                "linetwin: %s: %s%s after %s%s%n",
                label,
                what,
                done,
                KpiTable.duration(Math.round(elapsed)),
                left);
        err.flush();
    }

    private void samplePace(long now, double share) {
        if (Double.isNaN(share)) {
            return;
        }
        int last = paceNanos.size() - 1;
        long spacing = Math.max(1, (now - startedNanos) / 100);
        if (last < 0 || now - paceNanos.get(last)[0] >= spacing) {
            paceNanos.add(new long[] {now});
            paceShares.add(share);
        }
    }

    /**
     * Seconds left at the pace of the latest half of the elapsed time (from the start when there is no sample that
     * old): the first seconds' slower pace (class loading, the JIT) weighs less and less; a shorter span would follow
     * every burst of load on a shared machine.
     */
    private double secondsLeft(long now, double share) {
        long recent = now - (now - startedNanos) / 2;
        long fromNanos = startedNanos;
        double fromShare = 0;
        for (int i = 0; i < paceNanos.size() && paceNanos.get(i)[0] <= recent; i++) {
            fromNanos = paceNanos.get(i)[0];
            fromShare = paceShares.get(i);
        }
        double done = share - fromShare;
        if (!(done > 0)) {
            fromNanos = startedNanos;
            done = share;
        }
        return (now - fromNanos) / 1e9 * (1 - share) / done;
    }

    private static String bar(double share) {
        int full = (int) Math.floor(Math.max(0, Math.min(1, share)) * BAR_CELLS);
        return "[" + "█".repeat(full) + "░".repeat(BAR_CELLS - full) + "]";
    }

    /** Wipes the bar from the terminal (before results are printed, or on Ctrl-C); lines stay as they are. */
    synchronized void clear() {
        if (shown > 0) {
            err.print("\r" + " ".repeat(shown) + "\r");
            err.flush();
            shown = 0;
        }
    }
}
