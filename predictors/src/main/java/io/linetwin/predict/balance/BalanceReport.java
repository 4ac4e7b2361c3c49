package io.linetwin.predict.balance;

import java.util.List;

/**
 * What a balance analysis found: the reconciliation of all measurements ({@code initial}) with its global test,
 * the suspects serial elimination named, and the reconciliation without them ({@code reconciled}, the best
 * estimate of every stream) with its global test.
 */
public record BalanceReport(
        double alpha,
        Reconciliation initial,
        Reconciliation reconciled,
        GlobalTest initialTest,
        GlobalTest finalTest,
        List<Suspect> suspects) {

    public BalanceReport {
        suspects = List.copyOf(suspects);
    }

    public MeasurementSet measurements() {
        return initial.measurements();
    }

    public FlowNetwork network() {
        return initial.network();
    }

    /** The measurement test's critical value over the initial reconciliation's redundant streams. */
    public double measurementTestCritical() {
        int redundant = 0;
        for (int v = 0; v < network().size(); v++) {
            if (initial.streamClass(v) == StreamClass.REDUNDANT) {
                redundant++;
            }
        }
        return BalanceAnalysis.measurementTestCritical(alpha, redundant);
    }

    /** Whether serial elimination named {@code stream}. */
    public boolean suspected(String stream) {
        return suspects.stream().anyMatch(s -> s.stream().equals(stream));
    }
}
