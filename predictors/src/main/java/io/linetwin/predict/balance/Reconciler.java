package io.linetwin.predict.balance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Weighted least-squares reconciliation under the network's linear constraints, in closed form: minimise
 * {@code (y - x)' V^-1 (y - x)} over the measured streams subject to {@code A x = 0}. Exact measurements (sd 0) are
 * moved to the constants; unmeasured streams are eliminated by Crowe's projection ({@link Elimination}), leaving
 * reduced constraints {@code B x_m = c} over the measured ones; then {@code x^ = y - V B' H^-1 (B y - c)} with
 * {@code H = B V B'} ({@link ConstraintFactor}), whose covariance is {@code V - V B' H^-1 B V}. Unmeasured streams
 * follow from the eliminated equations when they depend on measured streams only.
 */
public final class Reconciler {

    /** An exact-valued constraint left over may miss by this share of its scale before the data are contradictory. */
    static final double CONSISTENCY = 1e-7;
    /** A free variable's coefficient below this share of an expression's largest does not make it unobservable. */
    static final double OBSERVABILITY_TOLERANCE = 1e-9;

    private Reconciler() {}

    public static Reconciliation reconcile(MeasurementSet measurements) {
        FlowNetwork network = measurements.network();
        int n = network.size();
        boolean[] unknown = new boolean[n];
        double[] variance = new double[n];
        for (int v = 0; v < n; v++) {
            unknown[v] = !measurements.measured(v);
            double sd = measurements.sd(v);
            variance[v] = unknown[v] ? 0 : sd * sd;
        }
        List<SparseRow> rows = rows(network, measurements);
        Elimination elimination = Elimination.of(rows, unknown);
        if (elimination.emptyRowMismatch > CONSISTENCY) {
            throw new BalanceInputException("the measurements with sd 0 contradict the conservation laws (a "
                    + "combination of them misses by "
                    + String.format(java.util.Locale.ROOT, "%.3g", elimination.emptyRowMismatch)
                    + " of its size): give them a positive sd");
        }
        ConstraintFactor factor = ConstraintFactor.of(elimination.reduced, variance);
        int k = factor.size();
        double[] residual = new double[k];
        double[] scale = new double[k];
        for (int p = 0; p < k; p++) {
            SparseRow row = elimination.reduced.get(factor.rowAt[p]);
            double sum = -row.constant;
            double magnitude = Math.abs(row.constant) + row.constantScale;
            for (int i = 0; i < row.size; i++) {
                double term = row.value[i] * measurements.value(row.index[i]);
                sum += term;
                magnitude += Math.abs(term);
            }
            residual[p] = sum;
            scale[p] = magnitude;
        }
        double[] mismatch = new double[1];
        double[] z = factor.forward(residual, scale, mismatch);
        if (mismatch[0] > CONSISTENCY) {
            throw new BalanceInputException("the measurements with sd 0 contradict the conservation laws (a "
                    + "dependent constraint misses by " + String.format(java.util.Locale.ROOT, "%.3g", mismatch[0])
                    + " of its size): give them a positive sd");
        }
        double statistic = 0;
        for (double zi : z) {
            statistic += zi * zi;
        }
        double[] lambda = factor.backward(z);

        double[] estimate = new double[n];
        double[] sd = new double[n];
        double[] redundancy = new double[n];
        double[] standardised = new double[n];
        StreamClass[] classes = new StreamClass[n];
        Arrays.fill(estimate, Double.NaN);
        Arrays.fill(sd, Double.NaN);
        Arrays.fill(redundancy, Double.NaN);
        Arrays.fill(standardised, Double.NaN);
        double[] w = new double[n];
        for (int v = 0; v < n; v++) {
            if (unknown[v]) {
                continue;
            }
            double y = measurements.value(v);
            if (variance[v] == 0) {
                classes[v] = StreamClass.EXACT;
                estimate[v] = y;
                sd[v] = 0;
                continue;
            }
            double g = 0;
            int[] at = factor.columnRows[v];
            for (int i = 0; i < at.length; i++) {
                g += factor.columnValues[v][i] * lambda[at[i]];
            }
            w[v] = factor.columnQuadratic(v);
            double rho = Math.min(1, Math.max(0, variance[v] * w[v]));
            redundancy[v] = rho;
            estimate[v] = y - variance[v] * g;
            sd[v] = Math.sqrt(variance[v] * (1 - rho));
            // Redundancy is structural: the stream is in a reduced constraint. Its size only says how much the
            // others can tell about it (a scrap count beside flows a thousand times less precise has little).
            if (w[v] > 0) {
                classes[v] = StreamClass.REDUNDANT;
                standardised[v] = g / Math.sqrt(w[v]);
            } else {
                classes[v] = StreamClass.JUST_MEASURED;
            }
        }
        unmeasured(elimination, factor, measurements, variance, estimate, sd, classes);
        return new Reconciliation(
                measurements, factor, estimate, sd, classes, redundancy, standardised, w, statistic, factor.rank());
    }

    /** One row per constraint over the streams not measured exactly; exact values go to the constant. */
    private static List<SparseRow> rows(FlowNetwork network, MeasurementSet measurements) {
        List<SparseRow> rows = new ArrayList<>(network.constraints().size());
        for (Constraint constraint : network.constraints()) {
            List<Term> terms = new ArrayList<>(constraint.terms());
            terms.sort((a, b) -> Integer.compare(a.stream(), b.stream()));
            int[] index = new int[terms.size()];
            double[] value = new double[terms.size()];
            int size = 0;
            double constant = 0;
            double constantScale = 0;
            for (Term term : terms) {
                int v = term.stream();
                if (measurements.measured(v) && measurements.sd(v) == 0) {
                    double known = term.coefficient() * measurements.value(v);
                    constant -= known;
                    constantScale += Math.abs(known);
                } else {
                    index[size] = v;
                    value[size++] = term.coefficient();
                }
            }
            rows.add(new SparseRow(index, value, size, constant, constantScale));
        }
        return rows;
    }

    /**
     * Back-substitutes the eliminated equations, last first: each unmeasured variable as a combination of measured
     * ones, free ones and a constant. Without a free variable it is observable: its estimate is that combination of
     * the reconciled values, its variance {@code g' V g - (B V g)' H^-1 (B V g)}.
     */
    private static void unmeasured(
            Elimination elimination,
            ConstraintFactor factor,
            MeasurementSet measurements,
            double[] variance,
            double[] estimate,
            double[] sd,
            StreamClass[] classes) {
        int n = estimate.length;
        SparseRow[] expression = new SparseRow[n];
        double[] dense = new double[n];
        boolean[] touched = new boolean[n];
        int[] touchedList = new int[n];
        List<Elimination.Definition> definitions = elimination.definitions;
        for (int t = definitions.size() - 1; t >= 0; t--) {
            Elimination.Definition definition = definitions.get(t);
            SparseRow row = definition.row();
            int u = definition.variable();
            double pivot = row.get(u);
            int count = 0;
            double constant = row.constant / pivot;
            for (int i = 0; i < row.size; i++) {
                int j = row.index[i];
                if (j == u) {
                    continue;
                }
                double factorJ = -row.value[i] / pivot;
                SparseRow inner = expression[j];
                if (inner == null) {
                    count = accumulate(dense, touched, touchedList, count, j, factorJ);
                } else {
                    constant += factorJ * inner.constant;
                    for (int m = 0; m < inner.size; m++) {
                        count = accumulate(
                                dense, touched, touchedList, count, inner.index[m], factorJ * inner.value[m]);
                    }
                }
            }
            Arrays.sort(touchedList, 0, count);
            int[] index = new int[count];
            double[] value = new double[count];
            int size = 0;
            double largest = 0;
            for (int m = 0; m < count; m++) {
                largest = Math.max(largest, Math.abs(dense[touchedList[m]]));
            }
            for (int m = 0; m < count; m++) {
                int j = touchedList[m];
                if (Math.abs(dense[j]) > SparseRow.DROP * largest) {
                    index[size] = j;
                    value[size++] = dense[j];
                }
                dense[j] = 0;
                touched[j] = false;
            }
            expression[u] = new SparseRow(index, value, size, constant, 0);
        }
        for (int v = elimination.free.nextSetBit(0); v >= 0; v = elimination.free.nextSetBit(v + 1)) {
            classes[v] = StreamClass.UNOBSERVABLE;
        }
        for (Elimination.Definition definition : definitions) {
            int u = definition.variable();
            SparseRow e = expression[u];
            if (dependsOnFree(e, elimination)) {
                classes[u] = StreamClass.UNOBSERVABLE;
                continue;
            }
            classes[u] = StreamClass.OBSERVABLE;
            double value = e.constant;
            double direct = 0;
            double[] w = new double[factor.size()];
            int from = factor.size();
            for (int m = 0; m < e.size; m++) {
                int j = e.index[m];
                value += e.value[m] * estimate[j];
                direct += e.value[m] * e.value[m] * variance[j];
                int[] at = factor.columnRows[j];
                for (int i = 0; i < at.length; i++) {
                    w[at[i]] += factor.columnValues[j][i] * variance[j] * e.value[m];
                    from = Math.min(from, at[i]);
                }
            }
            estimate[u] = value;
            sd[u] = Math.sqrt(Math.max(0, direct - (from < factor.size() ? factor.quadratic(w, from) : 0)));
        }
        for (int v = 0; v < n; v++) {
            if (classes[v] == null) {
                classes[v] = StreamClass.UNOBSERVABLE;
            }
        }
    }

    private static int accumulate(double[] dense, boolean[] touched, int[] touchedList, int count, int j, double v) {
        if (!touched[j]) {
            touched[j] = true;
            touchedList[count++] = j;
        }
        dense[j] += v;
        return count;
    }

    private static boolean dependsOnFree(SparseRow e, Elimination elimination) {
        double largest = Math.max(1, e.maxMagnitude());
        for (int m = 0; m < e.size; m++) {
            if (elimination.free.get(e.index[m]) && Math.abs(e.value[m]) > OBSERVABILITY_TOLERANCE * largest) {
                return true;
            }
        }
        return false;
    }
}
