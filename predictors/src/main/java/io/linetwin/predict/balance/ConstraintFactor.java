package io.linetwin.predict.balance;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The Cholesky factor of {@code H = B V B'}, the covariance of the reduced constraints' residuals, where B holds
 * the reduced constraints over the measured variables and V their variances. Rows are put in reverse Cuthill-McKee
 * order so that H is banded and the factor keeps to its envelope (a flow line's constraints only meet their
 * neighbours). Factoring doubles as the rank test: a row whose pivot falls to rounding of its diagonal is a
 * combination of earlier rows (in the metric of V) and is dropped, so the kept rows are independent and the
 * chi-square test has as many degrees of freedom as they are.
 */
final class ConstraintFactor {

    /** A pivot at most this share of its row's diagonal marks the row as dependent on earlier ones. */
    static final double RANK_TOLERANCE = 1e-9;

    private final int size;
    /** Position in the factor -> row of the reduced system. */
    final int[] rowAt;
    /** Per variable: positions of the rows holding it and its coefficients there (empty when in none). */
    final int[][] columnRows;

    final double[][] columnValues;
    private final int[] first;
    private final double[][] factor;
    final boolean[] dropped;
    private final int rank;

    private ConstraintFactor(
            int size,
            int[] rowAt,
            int[][] columnRows,
            double[][] columnValues,
            int[] first,
            double[][] factor,
            boolean[] dropped,
            int rank) {
        this.size = size;
        this.rowAt = rowAt;
        this.columnRows = columnRows;
        this.columnValues = columnValues;
        this.first = first;
        this.factor = factor;
        this.dropped = dropped;
        this.rank = rank;
    }

    static ConstraintFactor of(List<SparseRow> rows, double[] variance) {
        int size = rows.size();
        int variables = variance.length;
        int[] rowAt = reverseCuthillMcKee(rows, variables);
        int[] positionOf = new int[size];
        for (int p = 0; p < size; p++) {
            positionOf[rowAt[p]] = p;
        }
        int[] counts = new int[variables];
        for (SparseRow row : rows) {
            for (int i = 0; i < row.size; i++) {
                counts[row.index[i]]++;
            }
        }
        int[][] columnRows = new int[variables][];
        double[][] columnValues = new double[variables][];
        for (int v = 0; v < variables; v++) {
            columnRows[v] = new int[counts[v]];
            columnValues[v] = new double[counts[v]];
        }
        Arrays.fill(counts, 0);
        for (int p = 0; p < size; p++) {
            SparseRow row = rows.get(rowAt[p]);
            for (int i = 0; i < row.size; i++) {
                int v = row.index[i];
                columnRows[v][counts[v]] = p;
                columnValues[v][counts[v]++] = row.value[i];
            }
        }
        int[] first = new int[size];
        for (int p = 0; p < size; p++) {
            first[p] = p;
        }
        for (int v = 0; v < variables; v++) {
            int lowest = Integer.MAX_VALUE;
            for (int p : columnRows[v]) {
                lowest = Math.min(lowest, p);
            }
            for (int p : columnRows[v]) {
                first[p] = Math.min(first[p], lowest);
            }
        }
        double[][] factor = new double[size][];
        for (int p = 0; p < size; p++) {
            factor[p] = new double[p - first[p] + 1];
        }
        for (int v = 0; v < variables; v++) {
            int[] at = columnRows[v];
            double[] values = columnValues[v];
            for (int i = 0; i < at.length; i++) {
                for (int j = 0; j < at.length; j++) {
                    if (at[j] <= at[i]) {
                        factor[at[i]][at[j] - first[at[i]]] += values[i] * values[j] * variance[v];
                    }
                }
            }
        }
        boolean[] dropped = new boolean[size];
        int rank = factorise(size, first, factor, dropped);
        return new ConstraintFactor(size, rowAt, columnRows, columnValues, first, factor, dropped, rank);
    }

    private static int factorise(int size, int[] first, double[][] factor, boolean[] dropped) {
        int rank = 0;
        for (int a = 0; a < size; a++) {
            double[] rowA = factor[a];
            int fa = first[a];
            for (int b = fa; b < a; b++) {
                if (dropped[b]) {
                    rowA[b - fa] = 0;
                    continue;
                }
                double[] rowB = factor[b];
                int fb = first[b];
                double sum = rowA[b - fa];
                for (int c = Math.max(fa, fb); c < b; c++) {
                    sum -= rowA[c - fa] * rowB[c - fb];
                }
                rowA[b - fa] = sum / rowB[b - fb];
            }
            double diagonal = rowA[a - fa];
            double pivot = diagonal;
            for (int c = fa; c < a; c++) {
                pivot -= rowA[c - fa] * rowA[c - fa];
            }
            if (pivot <= RANK_TOLERANCE * diagonal) {
                dropped[a] = true;
                rowA[a - fa] = 1;
            } else {
                rowA[a - fa] = Math.sqrt(pivot);
                rank++;
            }
        }
        return rank;
    }

    /** Rows ordered for a narrow band: breadth first from a low-degree row, neighbours by degree, reversed. */
    private static int[] reverseCuthillMcKee(List<SparseRow> rows, int variables) {
        int size = rows.size();
        List<List<Integer>> rowsOf = new ArrayList<>(variables);
        for (int v = 0; v < variables; v++) {
            rowsOf.add(new ArrayList<>(2));
        }
        for (int r = 0; r < size; r++) {
            SparseRow row = rows.get(r);
            for (int i = 0; i < row.size; i++) {
                rowsOf.get(row.index[i]).add(r);
            }
        }
        BitSet[] neighbours = new BitSet[size];
        for (int r = 0; r < size; r++) {
            neighbours[r] = new BitSet();
        }
        for (List<Integer> together : rowsOf) {
            for (int a : together) {
                for (int b : together) {
                    if (a != b) {
                        neighbours[a].set(b);
                    }
                }
            }
        }
        int[] degree = new int[size];
        for (int r = 0; r < size; r++) {
            degree[r] = neighbours[r].cardinality();
        }
        int[] order = new int[size];
        int placed = 0;
        boolean[] seen = new boolean[size];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        while (placed < size) {
            int start = -1;
            for (int r = 0; r < size; r++) {
                if (!seen[r] && (start < 0 || degree[r] < degree[start])) {
                    start = r;
                }
            }
            seen[start] = true;
            queue.add(start);
            while (!queue.isEmpty()) {
                int r = queue.poll();
                order[placed++] = r;
                List<Integer> next = new ArrayList<>();
                for (int n = neighbours[r].nextSetBit(0); n >= 0; n = neighbours[r].nextSetBit(n + 1)) {
                    if (!seen[n]) {
                        seen[n] = true;
                        next.add(n);
                    }
                }
                next.sort((x, y) ->
                        degree[x] != degree[y] ? Integer.compare(degree[x], degree[y]) : Integer.compare(x, y));
                queue.addAll(next);
            }
        }
        int[] reversed = new int[size];
        for (int p = 0; p < size; p++) {
            reversed[p] = order[size - 1 - p];
        }
        return reversed;
    }

    int size() {
        return size;
    }

    /** Independent rows: the degrees of freedom of the global test. */
    int rank() {
        return rank;
    }

    /**
     * Solves {@code L z = rhs} (rhs in factor positions). A dropped row gets {@code z = 0}; its left-over, which is
     * zero when the row agrees with the rows it depends on, is returned relative to {@code scale} of that row in
     * {@code mismatch[0]} (the largest over dropped rows).
     */
    double[] forward(double[] rhs, double[] scale, double[] mismatch) {
        double[] z = new double[size];
        for (int a = 0; a < size; a++) {
            double[] rowA = factor[a];
            int fa = first[a];
            double sum = rhs[a];
            double magnitude = Math.abs(rhs[a]);
            for (int c = fa; c < a; c++) {
                double term = rowA[c - fa] * z[c];
                sum -= term;
                magnitude += Math.abs(term);
            }
            if (dropped[a]) {
                double limit = Math.max(magnitude, scale == null ? 0 : scale[a]);
                if (mismatch != null && limit > 0) {
                    mismatch[0] = Math.max(mismatch[0], Math.abs(sum) / limit);
                }
                z[a] = 0;
            } else {
                z[a] = sum / rowA[a - fa];
            }
        }
        return z;
    }

    /** Solves {@code L' x = z} in place. */
    double[] backward(double[] z) {
        double[] x = z.clone();
        for (int a = size - 1; a >= 0; a--) {
            if (dropped[a]) {
                x[a] = 0;
                continue;
            }
            double[] rowA = factor[a];
            int fa = first[a];
            x[a] /= rowA[a - fa];
            for (int c = fa; c < a; c++) {
                x[c] -= rowA[c - fa] * x[a];
            }
        }
        return x;
    }

    /** {@code w' H^-1 w} for a vector given in factor positions, non-zero from {@code from} on. */
    double quadratic(double[] w, int from) {
        double[] z = new double[size];
        double sum2 = 0;
        for (int a = from; a < size; a++) {
            double[] rowA = factor[a];
            int fa = first[a];
            double sum = w[a];
            for (int c = Math.max(fa, from); c < a; c++) {
                sum -= rowA[c - fa] * z[c];
            }
            if (!dropped[a]) {
                z[a] = sum / rowA[a - fa];
                sum2 += z[a] * z[a];
            }
        }
        return sum2;
    }

    /** {@code b_v' H^-1 b_v} for the column of variable {@code v}: 0 when it is in no reduced constraint. */
    double columnQuadratic(int v) {
        int[] at = columnRows[v];
        if (at.length == 0) {
            return 0;
        }
        double[] w = new double[size];
        int from = size;
        for (int i = 0; i < at.length; i++) {
            w[at[i]] = columnValues[v][i];
            from = Math.min(from, at[i]);
        }
        return quadratic(w, from);
    }
}
