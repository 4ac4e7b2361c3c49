package io.linetwin.predict.tuning;

import java.util.Arrays;

/**
 * One setting of the tuning variables, the key of the evaluation cache. The baseline is a setting of its own when
 * the base line's values lie outside the tuning region (its values may then hold NaN where the line has no
 * number, e.g. an unlimited buffer); inside the region it is simply the point of its values.
 */
record Setting(double[] values, boolean baseline) {

    Setting {
        values = values.clone();
    }

    static Setting of(double[] values) {
        return new Setting(values, false);
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    double value(int i) {
        return values[i];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Setting s && s.baseline == baseline && Arrays.equals(s.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(values) + Boolean.hashCode(baseline);
    }

    @Override
    public String toString() {
        return (baseline ? "baseline" : "") + Arrays.toString(values);
    }
}
