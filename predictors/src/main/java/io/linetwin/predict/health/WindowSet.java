package io.linetwin.predict.health;

import java.util.List;
import java.util.Objects;

/**
 * Fixed-length feature windows ready for a network: {@code inputs} is [count][window][features] flattened
 * row-major, {@code targets} holds the RUL label of each window in cycles (NaN where unknown).
 */
public record WindowSet(int count, int window, int features, float[] inputs, float[] targets, List<String> unitIds) {

    public WindowSet {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(targets, "targets");
        unitIds = List.copyOf(unitIds);
        if (window < 1 || features < 1) {
            throw new IllegalArgumentException("window and features must be >= 1, got " + window + " and " + features);
        }
        if (inputs.length != (long) count * window * features) {
            throw new IllegalArgumentException("inputs must have count*window*features = "
                    + (long) count * window * features + " values, got " + inputs.length);
        }
        if (targets.length != count || unitIds.size() != count) {
            throw new IllegalArgumentException("targets and unitIds must have " + count + " entries, got "
                    + targets.length + " and " + unitIds.size());
        }
    }

    /** Window {@code i} as [window][features]. */
    public float[][] window(int i) {
        float[][] out = new float[window][features];
        int base = i * window * features;
        for (int t = 0; t < window; t++) {
            System.arraycopy(inputs, base + t * features, out[t], 0, features);
        }
        return out;
    }
}
