package io.linetwin.predict.balance;

import java.util.Arrays;

/**
 * A linear equation {@code sum of value x variable = constant} with its variables in ascending order. {@code
 * constantScale} is the sum of the magnitudes that went into the constant, the scale a non-zero constant of an
 * empty row is judged against.
 */
final class SparseRow {

    /** Entries below this share of the row's largest magnitude are rounding left by an elimination. */
    static final double DROP = 1e-12;

    int[] index;
    double[] value;
    int size;
    double constant;
    double constantScale;

    SparseRow(int[] index, double[] value, int size, double constant, double constantScale) {
        this.index = index;
        this.value = value;
        this.size = size;
        this.constant = constant;
        this.constantScale = constantScale;
    }

    SparseRow copy() {
        return new SparseRow(Arrays.copyOf(index, size), Arrays.copyOf(value, size), size, constant, constantScale);
    }

    /** The coefficient of {@code variable}, 0 when absent. */
    double get(int variable) {
        int at = Arrays.binarySearch(index, 0, size, variable);
        return at >= 0 ? value[at] : 0;
    }

    double maxMagnitude() {
        double max = 0;
        for (int i = 0; i < size; i++) {
            max = Math.max(max, Math.abs(value[i]));
        }
        return max;
    }

    /** {@code this -= factor x other}, dropping entries that cancel to rounding. */
    void subtract(double factor, SparseRow other) {
        double scale = Math.max(maxMagnitude(), Math.abs(factor) * other.maxMagnitude());
        double drop = DROP * scale;
        int[] mergedIndex = new int[size + other.size];
        double[] mergedValue = new double[size + other.size];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < size || j < other.size) {
            int variable;
            double v;
            if (j >= other.size || i < size && index[i] < other.index[j]) {
                variable = index[i];
                v = value[i++];
            } else if (i >= size || other.index[j] < index[i]) {
                variable = other.index[j];
                v = -factor * other.value[j++];
            } else {
                variable = index[i];
                v = value[i++] - factor * other.value[j++];
            }
            if (Math.abs(v) > drop) {
                mergedIndex[n] = variable;
                mergedValue[n++] = v;
            }
        }
        index = mergedIndex;
        value = mergedValue;
        size = n;
        constant -= factor * other.constant;
        constantScale += Math.abs(factor) * other.constantScale;
    }
}
