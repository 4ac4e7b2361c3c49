package io.linetwin.predict.health;

import java.util.List;
import java.util.Objects;

/**
 * What training did, per ensemble member.
 *
 * @param trainLoss          mean loss on the scaled target, per completed epoch, per member
 * @param validationRmse     validation RMSE in cycles, per completed epoch, per member
 * @param bestValidationRmse RMSE of the weights kept, per member
 * @param trainingSeconds    wall-clock time of the whole training, including preprocessing
 * @param recoveries         every NaN or infinite loss or validation score that sent a member back to its last good
 *                           weights, in order; an epoch that ended in one is repeated and counted once
 */
public record TrainingReport(
        List<double[]> trainLoss,
        List<double[]> validationRmse,
        double[] bestValidationRmse,
        int trainingWindows,
        double trainingSeconds,
        List<TrainingRecovery> recoveries) {

    public TrainingReport {
        trainLoss = List.copyOf(trainLoss);
        validationRmse = List.copyOf(validationRmse);
        recoveries = List.copyOf(Objects.requireNonNull(recoveries, "recoveries"));
        if (trainLoss.size() != validationRmse.size() || trainLoss.size() != bestValidationRmse.length) {
            throw new IllegalArgumentException("every list must have one entry per member (" + trainLoss.size()
                    + "), got " + validationRmse.size() + " and " + bestValidationRmse.length);
        }
    }
}
