package io.linetwin.report;

import io.linetwin.sim.TraceEvent;
import io.linetwin.sim.TraceListener;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What one replication did over time, read from its trace: good parts finished and the time-average WIP in each of
 * {@code bins} equal slices of the run (warm-up included, so the transient shows), and for every link (buffer,
 * conveyor) the seconds of the statistics window it spent at each level. Listens on the replication's thread;
 * {@link #finish} closes the last interval once the run is over.
 */
public final class RunTrace implements TraceListener {

    private final double startSeconds;
    private final double endSeconds;
    private final double windowStartSeconds;
    private final double binSeconds;
    private final double[] finished;
    private final double[] wipArea;
    private final Map<String, double[]> levelSeconds = new HashMap<>();
    private final Map<String, Integer> level = new HashMap<>();
    private final Map<Long, String> where = new HashMap<>();
    private double lastSeconds;
    private int wip;
    private long finishedInWindow;
    private double windowWipArea;
    private boolean finishedRun;

    /**
     * @param links the ids whose levels to follow
     */
    public RunTrace(double startSeconds, double windowStartSeconds, double endSeconds, int bins, Set<String> links) {
        if (!(endSeconds > windowStartSeconds && windowStartSeconds >= startSeconds)) {
            throw new IllegalArgumentException("a run needs start <= window start < end, got " + startSeconds + ", "
                    + windowStartSeconds + ", " + endSeconds);
        }
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        }
        this.startSeconds = startSeconds;
        this.endSeconds = endSeconds;
        this.windowStartSeconds = windowStartSeconds;
        this.binSeconds = (endSeconds - startSeconds) / bins;
        this.finished = new double[bins];
        this.wipArea = new double[bins];
        this.lastSeconds = startSeconds;
        for (String link : links) {
            levelSeconds.put(link, new double[8]);
            level.put(link, 0);
        }
    }

    @Override
    public void on(TraceEvent event) {
        advance(event.timeSeconds());
        if (event instanceof TraceEvent.PartReleased released) {
            wip++;
            enter(released.part(), released.station());
        } else if (event instanceof TraceEvent.PartMoved moved) {
            enter(moved.part(), moved.to());
        } else if (event instanceof TraceEvent.PartFinished done) {
            leave(done.part());
            int bin = bin(done.timeSeconds());
            if (bin >= 0) {
                finished[bin]++;
            }
            if (done.timeSeconds() >= windowStartSeconds && done.timeSeconds() <= endSeconds) {
                finishedInWindow++;
            }
        } else if (event instanceof TraceEvent.PartScrapped scrapped) {
            leave(scrapped.part());
        } else if (event instanceof TraceEvent.PartAssembled assembled) {
            leave(assembled.part());
        }
        // States, shortages and vehicles change neither WIP nor link levels.
    }

    /** Closes the run at its end; the figures are final after this. */
    public void finish() {
        if (!finishedRun) {
            advance(endSeconds);
            finishedRun = true;
        }
    }

    private void enter(long part, String block) {
        String previous = where.put(part, block);
        if (previous != null) {
            level.computeIfPresent(previous, (k, v) -> v - 1);
        }
        level.computeIfPresent(block, (k, v) -> v + 1);
    }

    private void leave(long part) {
        wip--;
        String previous = where.remove(part);
        if (previous != null) {
            level.computeIfPresent(previous, (k, v) -> v - 1);
        }
    }

    /** Integrates WIP and link levels from the last event to {@code now}. */
    private void advance(double now) {
        double until = Math.min(now, endSeconds);
        if (until <= lastSeconds) {
            return;
        }
        double t = lastSeconds;
        while (t < until) {
            int bin = Math.min(finished.length - 1, (int) ((t - startSeconds) / binSeconds));
            double binEnd = Math.min(until, startSeconds + (bin + 1) * binSeconds);
            if (binEnd <= t) {
                binEnd = until;
            }
            wipArea[bin] += wip * (binEnd - t);
            t = binEnd;
        }
        double windowFrom = Math.max(lastSeconds, windowStartSeconds);
        if (until > windowFrom) {
            double span = until - windowFrom;
            windowWipArea += wip * span;
            for (Map.Entry<String, Integer> entry : level.entrySet()) {
                double[] seconds = levelSeconds.get(entry.getKey());
                int at = Math.max(0, entry.getValue());
                if (at >= seconds.length) {
                    seconds = Arrays.copyOf(seconds, Math.max(at + 1, seconds.length * 2));
                    levelSeconds.put(entry.getKey(), seconds);
                }
                seconds[at] += span;
            }
        }
        lastSeconds = until;
    }

    private int bin(double seconds) {
        if (seconds < startSeconds || seconds > endSeconds) {
            return -1;
        }
        return Math.min(finished.length - 1, (int) ((seconds - startSeconds) / binSeconds));
    }

    public double binSeconds() {
        return binSeconds;
    }

    public double startSeconds() {
        return startSeconds;
    }

    /** Good parts per hour finished in each slice. */
    public double[] throughputPerHour() {
        double[] rate = new double[finished.length];
        for (int i = 0; i < rate.length; i++) {
            rate[i] = finished[i] / (binSeconds / 3600);
        }
        return rate;
    }

    /** Time-average WIP in each slice. */
    public double[] wip() {
        double[] mean = new double[wipArea.length];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = wipArea[i] / binSeconds;
        }
        return mean;
    }

    /** Time-average WIP over the statistics window: the engine's {@code wip} KPI, recomputed from the trace. */
    public double windowWip() {
        return windowWipArea / (endSeconds - windowStartSeconds);
    }

    /** Good parts finished in the statistics window per hour: the engine's throughput, from the trace. */
    public double windowThroughputPerHour() {
        return finishedInWindow / ((endSeconds - windowStartSeconds) / 3600);
    }

    /** Seconds of the window {@code link} spent at each level (index = level). */
    public double[] levelSeconds(String link) {
        double[] seconds = levelSeconds.get(link);
        if (seconds == null) {
            throw new IllegalArgumentException("link " + link + " was not followed");
        }
        return seconds.clone();
    }
}
