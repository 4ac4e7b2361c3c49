package io.linetwin.predict.balance;

import java.util.Objects;

/**
 * A measured value of one stream over the period and its standard deviation; {@code sd = 0} declares the value
 * exact (it is kept as it is and moves the others).
 */
public record Measurement(String stream, double value, double sd) {

    public Measurement {
        Objects.requireNonNull(stream, "stream");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value of " + stream + " must be a finite number, got " + value);
        }
        if (!(sd >= 0) || Double.isInfinite(sd)) {
            throw new IllegalArgumentException("sd of " + stream + " must be >= 0, got " + sd);
        }
    }

    /**
     * A measurement whose accuracy is relative to its size: sd = {@code relative} x max(|value|, 1), so that a
     * count of zero is not taken as exact.
     */
    public static Measurement relative(String stream, double value, double relative) {
        if (!(relative >= 0) || Double.isInfinite(relative)) {
            throw new IllegalArgumentException("relative accuracy of " + stream + " must be >= 0, got " + relative);
        }
        return new Measurement(stream, value, relative * Math.max(Math.abs(value), 1));
    }
}
