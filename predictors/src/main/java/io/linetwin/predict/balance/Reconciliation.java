package io.linetwin.predict.balance;

import java.util.ArrayList;
import java.util.List;

/**
 * One reconciliation: per stream its class, estimate and sd (NaN where unobservable), and for redundant
 * measurements their redundancy (the share of the measurement's variance the constraints explain, in [0, 1]) and
 * standardised adjustment (the measurement test statistic: (measured - reconciled) / sd of that difference, N(0, 1)
 * without gross error); the global test statistic (chi-square with {@link #degreesOfFreedom()} degrees of freedom
 * without gross error).
 */
public final class Reconciliation {

    /** Two measurement tests this correlated cannot tell their streams apart. */
    static final double INDISTINGUISHABLE = 1 - 1e-9;

    private final MeasurementSet measurements;
    private final ConstraintFactor factor;
    private final double[] estimate;
    private final double[] sd;
    private final StreamClass[] classes;
    private final double[] redundancy;
    private final double[] standardised;
    private final double[] testVariance;
    private final double statistic;
    private final int degreesOfFreedom;

    Reconciliation(
            MeasurementSet measurements,
            ConstraintFactor factor,
            double[] estimate,
            double[] sd,
            StreamClass[] classes,
            double[] redundancy,
            double[] standardised,
            double[] testVariance,
            double statistic,
            int degreesOfFreedom) {
        this.measurements = measurements;
        this.factor = factor;
        this.estimate = estimate;
        this.sd = sd;
        this.classes = classes;
        this.redundancy = redundancy;
        this.standardised = standardised;
        this.testVariance = testVariance;
        this.statistic = statistic;
        this.degreesOfFreedom = degreesOfFreedom;
    }

    public MeasurementSet measurements() {
        return measurements;
    }

    public FlowNetwork network() {
        return measurements.network();
    }

    public StreamClass streamClass(int stream) {
        return classes[stream];
    }

    /** The reconciled value of a measured stream or the estimate of an observable one; NaN when unobservable. */
    public double estimate(int stream) {
        return estimate[stream];
    }

    /** The sd of {@link #estimate}; never above the measurement's sd. */
    public double sd(int stream) {
        return sd[stream];
    }

    /** Reconciled minus measured; NaN for an unmeasured stream. */
    public double adjustment(int stream) {
        return measurements.measured(stream) ? estimate[stream] - measurements.value(stream) : Double.NaN;
    }

    /** In [0, 1] for a measured stream (0: just measured), NaN otherwise. */
    public double redundancy(int stream) {
        return redundancy[stream];
    }

    /** The measurement test statistic of a redundant stream (positive: it reads high), NaN otherwise. */
    public double standardised(int stream) {
        return standardised[stream];
    }

    /** The global test statistic {@code r' H^-1 r} of the reduced constraints' residuals. */
    public double globalStatistic() {
        return statistic;
    }

    /** Independent reduced constraints: the redundancy of the whole measurement set. */
    public int degreesOfFreedom() {
        return degreesOfFreedom;
    }

    /** Every estimate (a copy), NaN where unobservable. */
    public double[] estimates() {
        return estimate.clone();
    }

    /** The largest |residual| of the network's constraints at the estimates, over constraints without NaN. */
    public double maxConstraintResidual() {
        double max = 0;
        for (Constraint constraint : network().constraints()) {
            double r = constraint.residual(estimate);
            if (!Double.isNaN(r)) {
                max = Math.max(max, Math.abs(r));
            }
        }
        return max;
    }

    /**
     * Redundant streams whose measurement test is (up to sign) the same statistic as {@code stream}'s: a gross error
     * in any of them looks alike, so the data cannot say which one it is in.
     */
    public List<Integer> indistinguishableFrom(int stream) {
        List<Integer> alike = new ArrayList<>();
        if (classes[stream] != StreamClass.REDUNDANT) {
            return alike;
        }
        double[] rhs = new double[factor.size()];
        int[] at = factor.columnRows[stream];
        for (int i = 0; i < at.length; i++) {
            rhs[at[i]] = factor.columnValues[stream][i];
        }
        double[] solved = factor.backward(factor.forward(rhs, null, null));
        for (int j = 0; j < classes.length; j++) {
            if (j == stream || classes[j] != StreamClass.REDUNDANT) {
                continue;
            }
            double cross = 0;
            int[] rows = factor.columnRows[j];
            for (int i = 0; i < rows.length; i++) {
                cross += factor.columnValues[j][i] * solved[rows[i]];
            }
            double correlation = cross / Math.sqrt(testVariance[stream] * testVariance[j]);
            if (Math.abs(correlation) >= INDISTINGUISHABLE) {
                alike.add(j);
            }
        }
        return alike;
    }
}
