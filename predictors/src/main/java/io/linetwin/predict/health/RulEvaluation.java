package io.linetwin.predict.health;

import java.util.List;

/**
 * Scores on the last window of each test unit against the true (uncapped) RUL.
 *
 * @param rmse               root mean squared error in cycles
 * @param score              PHM08 asymmetric score, summed over units
 * @param estimates          one estimate per test unit, in file order
 * @param truth              true RUL per test unit
 * @param rmseCappedTruth    RMSE against the truth capped like the training labels, which several published
 *                           results report; given for comparison only
 * @param latencyMicrosPerUnit wall-clock inference time per unit (whole batch, all ensemble members) divided by units
 */
public record RulEvaluation(
        double rmse,
        double score,
        List<RulEstimate> estimates,
        double[] truth,
        double rmseCappedTruth,
        double latencyMicrosPerUnit) {

    public RulEvaluation {
        estimates = List.copyOf(estimates);
        if (estimates.size() != truth.length) {
            throw new IllegalArgumentException(
                    "estimates must have one entry per truth value (" + truth.length + "), got " + estimates.size());
        }
    }

    public static RulEvaluation of(RulModel model, CmapssSet set) {
        WindowSet windows = RulProtocol.lastWindows(
                set.test(), model.preprocessing(), model.settings().window(), set.testRul());
        long start = System.nanoTime();
        List<RulEstimate> estimates = model.predict(windows);
        double micros = (System.nanoTime() - start) / 1e3 / windows.count();
        double[] predicted =
                estimates.stream().mapToDouble(RulEstimate::meanCycles).toArray();
        double[] capped = new double[set.testRul().length];
        for (int i = 0; i < capped.length; i++) {
            capped[i] = Math.min(set.testRul()[i], model.settings().rulCap());
        }
        return new RulEvaluation(
                RulProtocol.rmse(predicted, set.testRul()),
                RulProtocol.phmScore(predicted, set.testRul()),
                estimates,
                set.testRul().clone(),
                RulProtocol.rmse(predicted, capped),
                micros);
    }
}
