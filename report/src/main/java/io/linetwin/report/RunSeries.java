package io.linetwin.report;

import io.linetwin.model.BufferSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.sim.experiment.Estimate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

/**
 * The time series of a run's replications, for the report's charts: one {@link RunTrace} per replication, made by
 * {@link #listeners()} as an experiment runs, and summarised per time slice as the mean over replications, the
 * range (min to max) and the 95 % interval of the mean.
 */
public final class RunSeries {

    /**
     * At most this many slices of the run are charted, each at least an hour long: fine enough to see shifts, coarse
     * enough that a line making a few parts an hour does not read as noise, and a few kilobytes of SVG.
     */
    public static final int MAX_BINS = 120;

    private static final double MIN_BIN_SECONDS = 3600;

    /** Per slice: mean over replications, min, max and the 95 % interval of the mean (NaN with one). */
    public record Band(double[] mean, double[] min, double[] max, double[] ciLow, double[] ciHigh) {}

    private final double startSeconds;
    private final double windowStartSeconds;
    private final double endSeconds;
    private final Set<String> links;
    private final AtomicReferenceArray<RunTrace> traces;
    private final int bins;

    /**
     * @param startSeconds engine time the replications start at (0, or a warm start's clock)
     */
    public RunSeries(
            LineSpec line, int replications, double startSeconds, double warmupSeconds, double horizonSeconds) {
        this.startSeconds = startSeconds;
        this.windowStartSeconds = startSeconds + warmupSeconds;
        this.endSeconds = windowStartSeconds + horizonSeconds;
        Set<String> ids = new LinkedHashSet<>();
        for (BufferSpec buffer : line.buffers()) {
            ids.add(buffer.id());
        }
        this.links = Set.copyOf(ids);
        this.traces = new AtomicReferenceArray<>(replications);
        double run = endSeconds - startSeconds;
        this.bins = (int) Math.max(1, Math.min(MAX_BINS, Math.floor(run / MIN_BIN_SECONDS)));
    }

    /** For {@code Experiment.tracing}: a fresh trace for each replication index. */
    public IntFunction<io.linetwin.sim.TraceListener> listeners() {
        return replication -> {
            RunTrace trace = new RunTrace(startSeconds, windowStartSeconds, endSeconds, bins, links);
            traces.set(replication, trace);
            return trace;
        };
    }

    /** The finished traces in replication order. */
    public List<RunTrace> traces() {
        RunTrace[] all = new RunTrace[traces.length()];
        for (int i = 0; i < all.length; i++) {
            all[i] = traces.get(i);
            if (all[i] == null) {
                throw new IllegalStateException("replication " + i + " was not traced");
            }
            all[i].finish();
        }
        return List.of(all);
    }

    public double startSeconds() {
        return startSeconds;
    }

    public double windowStartSeconds() {
        return windowStartSeconds;
    }

    public double endSeconds() {
        return endSeconds;
    }

    /** Middle of each slice, in hours since the start of the run. */
    public double[] hours() {
        double bin = (endSeconds - startSeconds) / bins;
        double[] hours = new double[bins];
        for (int i = 0; i < bins; i++) {
            hours[i] = (i + 0.5) * bin / 3600;
        }
        return hours;
    }

    public Band throughput() {
        return band(traces(), RunTrace::throughputPerHour);
    }

    public Band wip() {
        return band(traces(), RunTrace::wip);
    }

    /**
     * Share of the statistics window each link spent at each level, pooled over replications (index = level), in
     * declaration order.
     */
    public Map<String, double[]> levelShares(LineSpec line) {
        List<RunTrace> all = traces();
        Map<String, double[]> shares = new LinkedHashMap<>();
        for (BufferSpec buffer : line.buffers()) {
            double[] sum = new double[0];
            for (RunTrace trace : all) {
                double[] seconds = trace.levelSeconds(buffer.id());
                if (seconds.length > sum.length) {
                    sum = java.util.Arrays.copyOf(sum, seconds.length);
                }
                for (int i = 0; i < seconds.length; i++) {
                    sum[i] += seconds[i];
                }
            }
            int last = sum.length - 1;
            while (last > 0 && sum[last] == 0) {
                last--;
            }
            double total = 0;
            for (double s : sum) {
                total += s;
            }
            double[] share = new double[last + 1];
            for (int i = 0; i <= last; i++) {
                share[i] = total > 0 ? sum[i] / total : 0;
            }
            shares.put(buffer.id(), share);
        }
        return shares;
    }

    private static Band band(List<RunTrace> all, java.util.function.Function<RunTrace, double[]> series) {
        double[][] values = all.stream().map(series).toArray(double[][]::new);
        int bins = values[0].length;
        double[] mean = new double[bins];
        double[] min = new double[bins];
        double[] max = new double[bins];
        double[] low = new double[bins];
        double[] high = new double[bins];
        for (int b = 0; b < bins; b++) {
            double[] column = new double[values.length];
            for (int r = 0; r < values.length; r++) {
                column[r] = values[r][b];
            }
            Estimate estimate = Estimate.of(column);
            mean[b] = estimate.mean();
            min[b] = stat(column, Math::min, Double.POSITIVE_INFINITY);
            max[b] = stat(column, Math::max, Double.NEGATIVE_INFINITY);
            low[b] = estimate.ciLow().orElse(Double.NaN);
            high[b] = estimate.ciHigh().orElse(Double.NaN);
        }
        return new Band(mean, min, max, low, high);
    }

    private static double stat(double[] values, java.util.function.DoubleBinaryOperator op, double start) {
        double result = start;
        for (double v : values) {
            result = op.applyAsDouble(result, v);
        }
        return result;
    }
}
