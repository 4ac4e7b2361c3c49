package io.linetwin.predict.health;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Feature scaling fitted on training data only: the operating conditions, the sensors kept, and per condition the
 * min and max of each kept sensor. Saved as JSON next to the network weights.
 *
 * @param settingNames operating-setting columns used to assign conditions
 * @param keptSensors  sensor columns that vary within at least one condition, in model input order
 * @param conditions   operating-condition regimes
 * @param min          per condition, per kept sensor: training minimum
 * @param max          per condition, per kept sensor: training maximum
 * @param smoothing    weight alpha of causal exponential smoothing applied per unit after scaling,
 *                     s[t] = alpha x[t] + (1 - alpha) s[t-1]; 1 means none. Causal, so a test unit's last window
 *                     only ever sees its own past.
 * @param ageScale     0 for sensors only; else the unit's age (the row's time: cycle number or operating time) is
 *                     one more input, divided by this (the longest training unit's age). Early in life sensors barely
 *                     move, and the age tells a young unit from a worn one whose readings happen to look alike.
 * @param baselineCycles 0 for none; else per-unit baseline normalisation: from each (scaled, smoothed) sensor the
 *                       mean of the unit's own first {@code baselineCycles} scaled (unsmoothed) rows is subtracted,
 *                       which removes unit-to-unit offsets. Causal: row r uses the mean of rows
 *                       0..min(r, baselineCycles - 1), so no row ever sees a later one.
 * @param baselineKeepAbsolute with a baseline, whether the absolute scaled sensors stay as inputs too (first the
 *                       absolute sensors, then the baseline-relative ones, then the age)
 */
public record Preprocessing(
        List<String> settingNames,
        List<String> keptSensors,
        OperatingConditions conditions,
        double[][] min,
        double[][] max,
        double smoothing,
        double ageScale,
        int baselineCycles,
        boolean baselineKeepAbsolute) {

    /**
     * A sensor with at most this many distinct values in every condition carries no degradation signal (C-MAPSS
     * s1, s5, s10, s16, s18, s19 are constant per condition; s6 flips between two values).
     */
    static final int MAX_DISTINCT_FOR_CONSTANT = 2;

    public Preprocessing {
        settingNames = List.copyOf(settingNames);
        keptSensors = List.copyOf(keptSensors);
        Objects.requireNonNull(conditions, "conditions");
        if (!(smoothing > 0 && smoothing <= 1)) {
            throw new IllegalArgumentException("smoothing must be in (0, 1], got " + smoothing);
        }
        if (!(ageScale >= 0) || Double.isInfinite(ageScale)) {
            throw new IllegalArgumentException("ageScale must be finite and >= 0, got " + ageScale);
        }
        if (baselineCycles < 0) {
            throw new IllegalArgumentException("baselineCycles must be >= 0, got " + baselineCycles);
        }
        if (keptSensors.isEmpty()) {
            throw new IllegalArgumentException("keptSensors must have >= 1 sensor, got 0");
        }
        if (min.length != conditions.count() || max.length != conditions.count()) {
            throw new IllegalArgumentException("min and max must have one row per condition (" + conditions.count()
                    + "), got " + min.length + " and " + max.length);
        }
        for (int c = 0; c < min.length; c++) {
            if (min[c].length != keptSensors.size() || max[c].length != keptSensors.size()) {
                throw new IllegalArgumentException("min and max rows must have " + keptSensors.size() + " entries, got "
                        + min[c].length + " and " + max[c].length);
            }
        }
    }

    /** Fits on {@code train} alone, without smoothing; test data never reaches this method. */
    public static Preprocessing fit(SensorDataset train, int conditionCount) {
        return fit(train, conditionCount, 1.0);
    }

    /** Sensors only, without the age input. */
    public Preprocessing(
            List<String> settingNames,
            List<String> keptSensors,
            OperatingConditions conditions,
            double[][] min,
            double[][] max,
            double smoothing) {
        this(settingNames, keptSensors, conditions, min, max, smoothing, 0);
    }

    /** Without per-unit baseline normalisation. */
    public Preprocessing(
            List<String> settingNames,
            List<String> keptSensors,
            OperatingConditions conditions,
            double[][] min,
            double[][] max,
            double smoothing,
            double ageScale) {
        this(settingNames, keptSensors, conditions, min, max, smoothing, ageScale, 0, false);
    }

    /** Fits on {@code train} alone, sensors only; test data never reaches this method. */
    public static Preprocessing fit(SensorDataset train, int conditionCount, double smoothing) {
        return fit(train, conditionCount, smoothing, false);
    }

    /** Fits on {@code train} alone; test data never reaches this method. */
    public static Preprocessing fit(SensorDataset train, int conditionCount, double smoothing, boolean ageInput) {
        return fit(train, conditionCount, smoothing, ageInput, 0, false);
    }

    /**
     * Fits on {@code train} alone; test data never reaches this method. The baseline is no fitted parameter: each
     * unit's comes from its own first rows when it is transformed.
     */
    public static Preprocessing fit(
            SensorDataset train,
            int conditionCount,
            double smoothing,
            boolean ageInput,
            int baselineCycles,
            boolean baselineKeepAbsolute) {
        List<double[]> settingRows = new ArrayList<>();
        for (UnitHistory unit : train.units()) {
            settingRows.addAll(List.of(unit.settings()));
        }
        OperatingConditions conditions = OperatingConditions.fit(settingRows, conditionCount);
        int k = conditions.count();
        int sensors = train.sensorNames().size();
        double[][] min = new double[k][sensors];
        double[][] max = new double[k][sensors];
        for (int c = 0; c < k; c++) {
            Arrays.fill(min[c], Double.POSITIVE_INFINITY);
            Arrays.fill(max[c], Double.NEGATIVE_INFINITY);
        }
        List<List<Set<Double>>> distinct = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            List<Set<Double>> perSensor = new ArrayList<>();
            for (int s = 0; s < sensors; s++) {
                perSensor.add(new HashSet<>());
            }
            distinct.add(perSensor);
        }
        for (UnitHistory unit : train.units()) {
            for (int r = 0; r < unit.length(); r++) {
                int c = conditions.assign(unit.settings()[r]);
                double[] row = unit.sensors()[r];
                for (int s = 0; s < sensors; s++) {
                    min[c][s] = Math.min(min[c][s], row[s]);
                    max[c][s] = Math.max(max[c][s], row[s]);
                    Set<Double> seen = distinct.get(c).get(s);
                    if (seen.size() <= MAX_DISTINCT_FOR_CONSTANT) {
                        seen.add(row[s]);
                    }
                }
            }
        }
        List<Integer> kept = new ArrayList<>();
        for (int s = 0; s < sensors; s++) {
            for (int c = 0; c < k; c++) {
                if (distinct.get(c).get(s).size() > MAX_DISTINCT_FOR_CONSTANT) {
                    kept.add(s);
                    break;
                }
            }
        }
        if (kept.isEmpty()) {
            throw new IllegalArgumentException(train.source() + ": at least one sensor must vary in training data, "
                    + "got all " + sensors + " constant");
        }
        double[][] keptMin = new double[k][kept.size()];
        double[][] keptMax = new double[k][kept.size()];
        List<String> names = new ArrayList<>();
        for (int j = 0; j < kept.size(); j++) {
            int s = kept.get(j);
            names.add(train.sensorNames().get(s));
            for (int c = 0; c < k; c++) {
                // A condition with no training rows keeps the identity range so it cannot divide by zero.
                keptMin[c][j] = Double.isFinite(min[c][s]) ? min[c][s] : 0.0;
                keptMax[c][j] = Double.isFinite(max[c][s]) ? max[c][s] : 1.0;
            }
        }
        double ageScale = 0;
        if (ageInput) {
            for (UnitHistory unit : train.units()) {
                ageScale = Math.max(ageScale, unit.time()[unit.length() - 1]);
            }
        }
        return new Preprocessing(
                train.settingNames(),
                names,
                conditions,
                keptMin,
                keptMax,
                smoothing,
                ageScale > 0 ? ageScale : 0,
                baselineCycles,
                baselineKeepAbsolute);
    }

    public int features() {
        int sensors = keptSensors.size();
        int sensorFeatures = baselineCycles > 0 && baselineKeepAbsolute ? 2 * sensors : sensors;
        return sensorFeatures + (ageScale > 0 ? 1 : 0);
    }

    /** Scaled features of every row of {@code unit}, shaped [rows][features]. */
    public float[][] transform(SensorDataset dataset, UnitHistory unit) {
        int[] sensorIndex = new int[keptSensors.size()];
        for (int j = 0; j < sensorIndex.length; j++) {
            sensorIndex[j] = dataset.sensorIndex(keptSensors.get(j));
        }
        int[] settingIndex = new int[settingNames.size()];
        if (conditions.count() > 1) {
            for (int d = 0; d < settingIndex.length; d++) {
                settingIndex[d] = dataset.settingNames().indexOf(settingNames.get(d));
                if (settingIndex[d] < 0) {
                    throw new IllegalArgumentException(dataset.source() + ": setting column " + settingNames.get(d)
                            + " must be present for a multi-condition model, got " + dataset.settingNames());
                }
            }
        }
        int sensors = sensorIndex.length;
        float[][] out = new float[unit.length()][features()];
        double[] settings = new double[settingIndex.length];
        double[] smoothed = new double[sensors];
        double[] baselineSum = new double[sensors];
        int relative = baselineKeepAbsolute ? sensors : 0;
        for (int r = 0; r < unit.length(); r++) {
            int c = 0;
            if (conditions.count() > 1) {
                for (int d = 0; d < settingIndex.length; d++) {
                    settings[d] = unit.settings()[r][settingIndex[d]];
                }
                c = conditions.assign(settings);
            }
            for (int j = 0; j < sensorIndex.length; j++) {
                double range = max[c][j] - min[c][j];
                double value = unit.sensors()[r][sensorIndex[j]];
                float scaled = range > 1e-12 ? (float) ((value - min[c][j]) / range) : 0f;
                float current = r == 0 ? scaled : (float) (smoothing * scaled + (1 - smoothing) * smoothed[j]);
                smoothed[j] = current;
                if (baselineCycles == 0) {
                    out[r][j] = current;
                    continue;
                }
                if (r < baselineCycles) {
                    baselineSum[j] += scaled;
                }
                double baseline = baselineSum[j] / Math.min(r + 1, baselineCycles);
                if (baselineKeepAbsolute) {
                    out[r][j] = current;
                }
                out[r][relative + j] = (float) (current - baseline);
            }
            if (ageScale > 0) {
                out[r][features() - 1] = (float) (unit.time()[r] / ageScale);
            }
        }
        return out;
    }
}
