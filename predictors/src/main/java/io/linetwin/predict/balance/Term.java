package io.linetwin.predict.balance;

/** One stream of a linear constraint with its coefficient. */
public record Term(int stream, double coefficient) {

    public Term {
        if (stream < 0) {
            throw new IllegalArgumentException("stream index must be >= 0, got " + stream);
        }
        if (!Double.isFinite(coefficient) || coefficient == 0) {
            throw new IllegalArgumentException("coefficient must be finite and non-zero, got " + coefficient);
        }
    }
}
