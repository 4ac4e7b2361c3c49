package io.linetwin.predict.health;

import java.util.ArrayList;
import java.util.List;

/**
 * The usual C-MAPSS protocol: piecewise-linear RUL target capped for training, fixed windows, and the RMSE and
 * PHM08 scores on the last window of each test unit.
 */
public final class RulProtocol {

    /** Cycles of remaining life above which degradation is not yet visible; training labels are capped here. */
    public static final int DEFAULT_RUL_CAP = 125;

    public static final int DEFAULT_WINDOW = 30;

    private RulProtocol() {}

    /** Piecewise-linear label of every row of a run-to-failure unit: min(cap, cycles left before the last). */
    public static float[] cappedTargets(int rows, double cap) {
        float[] targets = new float[rows];
        for (int r = 0; r < rows; r++) {
            targets[r] = (float) Math.min(cap, rows - 1 - r);
        }
        return targets;
    }

    /**
     * Labels by time: min(cap, time left to the unit's last row / {@code secondsPerCycle}). The unit is taken to
     * fail at its last row, as with {@link #cappedTargets(int, double)}.
     */
    public static float[] cappedTargets(UnitHistory unit, double cap, double secondsPerCycle) {
        if (secondsPerCycle == 0) {
            return cappedTargets(unit.length(), cap);
        }
        double[] time = unit.time();
        double end = time[time.length - 1];
        float[] targets = new float[time.length];
        for (int r = 0; r < time.length; r++) {
            targets[r] = (float) Math.min(cap, (end - time[r]) / secondsPerCycle);
        }
        return targets;
    }

    /**
     * Every full window of every training unit, labelled with the capped RUL at its last row. A unit shorter than
     * the window contributes one window padded at the front by repeating its first row.
     */
    public static WindowSet trainingWindows(SensorDataset train, Preprocessing preprocessing, int window, double cap) {
        return trainingWindows(train, preprocessing, window, cap, 0);
    }

    /** The same, labelled by time when {@code secondsPerCycle} > 0 (see {@link TrainingSettings#secondsPerCycle()}). */
    public static WindowSet trainingWindows(
            SensorDataset train, Preprocessing preprocessing, int window, double cap, double secondsPerCycle) {
        List<float[][]> rows = new ArrayList<>();
        List<Float> targets = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (UnitHistory unit : train.units()) {
            float[][] features = preprocessing.transform(train, unit);
            float[] labels = cappedTargets(unit, cap, secondsPerCycle);
            for (int end = Math.min(window, unit.length()) - 1; end < unit.length(); end++) {
                rows.add(windowEndingAt(features, end, window));
                targets.add(labels[end]);
                ids.add(unit.unitId());
            }
        }
        return pack(rows, targets, ids, window, preprocessing.features());
    }

    /**
     * The last window of each unit; a unit shorter than the window is padded at the front by repeating its first
     * row, which reads as "no change yet" to the network. Targets are NaN unless {@code trueRul} is given.
     */
    public static WindowSet lastWindows(SensorDataset data, Preprocessing preprocessing, int window, double[] trueRul) {
        if (trueRul != null && trueRul.length != data.units().size()) {
            throw new IllegalArgumentException(
                    "trueRul must have one value per unit (" + data.units().size() + "), got " + trueRul.length);
        }
        List<float[][]> rows = new ArrayList<>();
        List<Float> targets = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int u = 0; u < data.units().size(); u++) {
            UnitHistory unit = data.units().get(u);
            float[][] features = preprocessing.transform(data, unit);
            rows.add(windowEndingAt(features, unit.length() - 1, window));
            targets.add(trueRul == null ? Float.NaN : (float) trueRul[u]);
            ids.add(unit.unitId());
        }
        return pack(rows, targets, ids, window, preprocessing.features());
    }

    static float[][] windowEndingAt(float[][] features, int end, int window) {
        float[][] out = new float[window][];
        for (int t = 0; t < window; t++) {
            int source = end - window + 1 + t;
            out[t] = features[Math.max(0, source)];
        }
        return out;
    }

    private static WindowSet pack(
            List<float[][]> rows, List<Float> targets, List<String> ids, int window, int features) {
        float[] inputs = new float[rows.size() * window * features];
        float[] labels = new float[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            float[][] w = rows.get(i);
            for (int t = 0; t < window; t++) {
                System.arraycopy(w[t], 0, inputs, (i * window + t) * features, features);
            }
            labels[i] = targets.get(i);
        }
        return new WindowSet(rows.size(), window, features, inputs, labels, ids);
    }

    public static double rmse(double[] predicted, double[] truth) {
        requireSameLength(predicted, truth);
        double sum = 0;
        for (int i = 0; i < predicted.length; i++) {
            double d = predicted[i] - truth[i];
            sum += d * d;
        }
        return Math.sqrt(sum / predicted.length);
    }

    /**
     * PHM08 asymmetric score, lower is better: late predictions (d = predicted - true >= 0) cost exp(d/10) - 1,
     * early ones exp(-d/13) - 1, because a late maintenance call risks the failure itself.
     */
    public static double phmScore(double[] predicted, double[] truth) {
        requireSameLength(predicted, truth);
        double sum = 0;
        for (int i = 0; i < predicted.length; i++) {
            double d = predicted[i] - truth[i];
            sum += d < 0 ? Math.exp(-d / 13.0) - 1 : Math.exp(d / 10.0) - 1;
        }
        return sum;
    }

    private static void requireSameLength(double[] predicted, double[] truth) {
        if (predicted.length != truth.length || predicted.length == 0) {
            throw new IllegalArgumentException("predicted and truth must have the same length >= 1, got "
                    + predicted.length + " and " + truth.length);
        }
    }
}
