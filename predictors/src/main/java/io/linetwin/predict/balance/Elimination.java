package io.linetwin.predict.balance;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Crowe's projection by sparse Gaussian elimination: each unmeasured variable is solved from one equation (its
 * definition) and substituted into the others, until the remaining equations hold measured variables only. The
 * remaining ones are the reduced constraints the measurements must satisfy; the definitions, read backwards, give
 * every unmeasured variable in terms of the measured ones, or show that it depends on a variable nothing
 * determines. The pivot order is Markowitz's (the variable in fewest equations first) with threshold pivoting
 * (a pivot at least a tenth of the largest candidate in its column), which keeps the rows short and the
 * multipliers small.
 */
final class Elimination {

    private static final double PIVOT_THRESHOLD = 0.1;

    /** {@code row} solved for {@code variable}. */
    record Definition(int variable, SparseRow row) {}

    /** Definitions in the order the variables were eliminated. */
    final List<Definition> definitions = new ArrayList<>();
    /** Equations left over measured variables only, none empty. */
    final List<SparseRow> reduced = new ArrayList<>();
    /** The largest constant of an equation left with no variable, relative to its scale: 0 when consistent. */
    double emptyRowMismatch;
    /** The unmeasured variables no equation defines. */
    final BitSet free = new BitSet();

    private Elimination() {}

    static Elimination of(List<SparseRow> rows, boolean[] unknown) {
        Elimination result = new Elimination();
        int variables = unknown.length;
        BitSet[] rowsOf = new BitSet[variables];
        for (int v = 0; v < variables; v++) {
            if (unknown[v]) {
                rowsOf[v] = new BitSet();
            }
        }
        int[] count = new int[variables];
        for (int r = 0; r < rows.size(); r++) {
            mark(rows.get(r), r, rowsOf, count, true);
        }
        boolean[] done = new boolean[variables];
        boolean[] consumed = new boolean[rows.size()];
        while (true) {
            int pivotVariable = -1;
            int fewest = Integer.MAX_VALUE;
            for (int v = 0; v < variables; v++) {
                if (unknown[v] && !done[v] && count[v] > 0 && count[v] < fewest) {
                    fewest = count[v];
                    pivotVariable = v;
                }
            }
            if (pivotVariable < 0) {
                break;
            }
            int pivotRow = pivotRow(rows, rowsOf[pivotVariable], pivotVariable);
            SparseRow pivot = rows.get(pivotRow);
            mark(pivot, pivotRow, rowsOf, count, false);
            consumed[pivotRow] = true;
            double pivotValue = pivot.get(pivotVariable);
            for (int r = rowsOf[pivotVariable].nextSetBit(0); r >= 0; r = rowsOf[pivotVariable].nextSetBit(r + 1)) {
                SparseRow row = rows.get(r);
                mark(row, r, rowsOf, count, false);
                row.subtract(row.get(pivotVariable) / pivotValue, pivot);
                mark(row, r, rowsOf, count, true);
                // The pivot variable cancels exactly in exact arithmetic; never leave a rounding residue of it.
                if (row.get(pivotVariable) != 0) {
                    removeEntry(row, pivotVariable);
                    rowsOf[pivotVariable].clear(r);
                    count[pivotVariable]--;
                }
            }
            done[pivotVariable] = true;
            result.definitions.add(new Definition(pivotVariable, pivot.copy()));
        }
        for (int v = 0; v < variables; v++) {
            if (unknown[v] && !done[v]) {
                result.free.set(v);
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            if (consumed[r]) {
                continue;
            }
            SparseRow row = rows.get(r);
            if (row.size > 0) {
                result.reduced.add(row);
            } else {
                double scale = Math.max(row.constantScale, 1);
                result.emptyRowMismatch = Math.max(result.emptyRowMismatch, Math.abs(row.constant) / scale);
            }
        }
        return result;
    }

    /** Of the equations holding {@code variable}, a large enough pivot in the shortest equation. */
    private static int pivotRow(List<SparseRow> rows, BitSet candidates, int variable) {
        double largest = 0;
        for (int r = candidates.nextSetBit(0); r >= 0; r = candidates.nextSetBit(r + 1)) {
            largest = Math.max(largest, Math.abs(rows.get(r).get(variable)));
        }
        int best = -1;
        for (int r = candidates.nextSetBit(0); r >= 0; r = candidates.nextSetBit(r + 1)) {
            SparseRow row = rows.get(r);
            if (Math.abs(row.get(variable)) >= PIVOT_THRESHOLD * largest
                    && (best < 0 || row.size < rows.get(best).size)) {
                best = r;
            }
        }
        return best;
    }

    /** Adds row {@code r} to (or removes it from) the row sets of its unknown variables, keeping their counts. */
    private static void mark(SparseRow row, int r, BitSet[] rowsOf, int[] count, boolean present) {
        for (int i = 0; i < row.size; i++) {
            int v = row.index[i];
            BitSet set = rowsOf[v];
            if (set != null && set.get(r) != present) {
                set.set(r, present);
                count[v] += present ? 1 : -1;
            }
        }
    }

    private static void removeEntry(SparseRow row, int variable) {
        int at = java.util.Arrays.binarySearch(row.index, 0, row.size, variable);
        System.arraycopy(row.index, at + 1, row.index, at, row.size - at - 1);
        System.arraycopy(row.value, at + 1, row.value, at, row.size - at - 1);
        row.size--;
    }
}
