package io.linetwin.predict.balance;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Reconciliation with gross-error detection by serial elimination: while the global test rejects, or the largest
 * measurement test exceeds its Sidak-corrected critical value, the measurement with the largest |standardised
 * adjustment| is named a suspect and taken out (it becomes an unmeasured, still observable stream), and the rest
 * is reconciled again. Each suspect's bias is its measured value minus the value the final reconciliation gives.
 */
public final class BalanceAnalysis {

    private BalanceAnalysis() {}

    public static BalanceReport run(MeasurementSet measurements, double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        MeasurementSet current = measurements;
        Reconciliation reconciliation = Reconciler.reconcile(current);
        Reconciliation initial = reconciliation;
        List<Integer> removed = new ArrayList<>();
        List<Double> removedAt = new ArrayList<>();
        List<List<String>> alike = new ArrayList<>();
        while (true) {
            GlobalTest global = GlobalTest.of(reconciliation, alpha);
            int best = -1;
            int redundant = 0;
            for (int v = 0; v < measurements.network().size(); v++) {
                if (reconciliation.streamClass(v) == StreamClass.REDUNDANT) {
                    redundant++;
                    if (best < 0
                            || Math.abs(reconciliation.standardised(v)) > Math.abs(reconciliation.standardised(best))) {
                        best = v;
                    }
                }
            }
            if (best < 0) {
                break;
            }
            double z = reconciliation.standardised(best);
            if (!global.rejects() && Math.abs(z) <= measurementTestCritical(alpha, redundant)) {
                break;
            }
            removed.add(best);
            removedAt.add(z);
            alike.add(reconciliation.indistinguishableFrom(best).stream()
                    .map(j -> measurements.network().stream(j).id())
                    .toList());
            current = current.without(best);
            reconciliation = Reconciler.reconcile(current);
        }
        List<Suspect> suspects = new ArrayList<>();
        for (int i = 0; i < removed.size(); i++) {
            int v = removed.get(i);
            double sd = measurements.sd(v);
            suspects.add(new Suspect(
                    measurements.network().stream(v).id(),
                    removedAt.get(i),
                    measurements.value(v) - reconciliation.estimate(v),
                    Math.sqrt(sd * sd + reconciliation.sd(v) * reconciliation.sd(v)),
                    alike.get(i)));
        }
        return new BalanceReport(
                alpha,
                initial,
                reconciliation,
                GlobalTest.of(initial, alpha),
                GlobalTest.of(reconciliation, alpha),
                suspects);
    }

    /**
     * The critical value of the largest of {@code tests} measurement tests at family level {@code alpha} (Sidak:
     * each at {@code 1 - (1 - alpha)^(1/tests)}, two-sided).
     */
    public static double measurementTestCritical(double alpha, int tests) {
        double each = 1 - Math.pow(1 - alpha, 1.0 / Math.max(1, tests));
        return new NormalDistribution(null, 0, 1).inverseCumulativeProbability(1 - each / 2);
    }
}
