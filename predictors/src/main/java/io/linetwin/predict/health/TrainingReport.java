package io.linetwin.predict.health;

import java.util.List;

/**
 * What training did, per ensemble member.
 *
 * @param trainLoss          mean squared error on the scaled target, per epoch, per member
 * @param validationRmse     validation RMSE in cycles, per epoch, per member
 * @param bestValidationRmse RMSE of the weights kept, per member
 * @param trainingSeconds    wall-clock time of the whole training, including preprocessing
 */
public record TrainingReport(List<double[]> trainLoss, List<double[]> validationRmse, double[] bestValidationRmse,
        int trainingWindows, double trainingSeconds) {

    public TrainingReport {
        trainLoss = List.copyOf(trainLoss);
        validationRmse = List.copyOf(validationRmse);
        if (trainLoss.size() != validationRmse.size() || trainLoss.size() != bestValidationRmse.length) {
            throw new IllegalArgumentException("every list must have one entry per member (" + trainLoss.size()
                    + "), got " + validationRmse.size() + " and " + bestValidationRmse.length);
        }
    }
}
