package io.linetwin.predict.tuning;

import io.linetwin.model.TuningRegion;
import java.util.List;

/**
 * The nearest point of a continuous tuning region (box and linear rows) by Dykstra's alternating projections
 * (Boyle &amp; Dykstra 1986), which converge to the Euclidean projection onto an intersection of convex sets. The
 * continuous search proposes points in the box; the tuner simulates their projections, so every simulated point
 * meets the constraints.
 */
final class Projection {

    private static final int MAX_SWEEPS = 20_000;
    private static final double TOLERANCE = 1e-13;

    private Projection() {}

    static double[] onto(TuningRegion region, double[] x) {
        int n = region.dimension();
        List<TuningRegion.Row> rows = region.rows();
        if (rows.isEmpty()) {
            return clamp(region, x);
        }
        int sets = rows.size() + 1;
        double[][] corrections = new double[sets][n];
        double[] y = x.clone();
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double change = 0;
            for (int s = 0; s < sets; s++) {
                double[] shifted = new double[n];
                for (int i = 0; i < n; i++) {
                    shifted[i] = y[i] + corrections[s][i];
                }
                double[] projected = s == 0 ? clamp(region, shifted) : halfspaces(rows.get(s - 1), shifted);
                for (int i = 0; i < n; i++) {
                    corrections[s][i] = shifted[i] - projected[i];
                    change = Math.max(change, Math.abs(projected[i] - y[i]));
                    y[i] = projected[i];
                }
            }
            if (change < TOLERANCE * (1 + norm(y)) && region.contains(y)) {
                return y;
            }
        }
        // Not converged to rounding precision: the greedy repair gives a nearby point that meets every row.
        double[] last = y;
        return region.contains(y)
                ? y
                : region.repair(y)
                        .orElseThrow(() -> new IllegalStateException(
                                "no point of the tuning region found near " + java.util.Arrays.toString(last)));
    }

    private static double[] clamp(TuningRegion region, double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.min(region.upper(i), Math.max(region.lower(i), x[i]));
        }
        return y;
    }

    /** Onto {@code lo <= a . x <= hi}: the slab between two parallel half-spaces. */
    private static double[] halfspaces(TuningRegion.Row row, double[] x) {
        double[] a = row.a();
        double s = row.dot(x);
        double target = s < row.lo() ? row.lo() : s > row.hi() ? row.hi() : s;
        if (target == s) {
            return x.clone();
        }
        double squared = 0;
        for (double v : a) {
            squared += v * v;
        }
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] += (target - s) / squared * a[i];
        }
        return y;
    }

    private static double norm(double[] x) {
        double sum = 0;
        for (double v : x) {
            sum += v * v;
        }
        return Math.sqrt(sum);
    }
}
