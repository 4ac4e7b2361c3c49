package io.linetwin.twin;

/**
 * Limits of one adjustable parameter, as the command gate checks them.
 *
 * @param min     lowest allowed value
 * @param max     highest allowed value
 * @param maxStep largest change in one command; {@code Double.POSITIVE_INFINITY} when unrestricted
 */
public record ParameterLimit(double min, double max, double maxStep) {

    public ParameterLimit {
        if (!Double.isFinite(min) || !Double.isFinite(max)) {
            throw new IllegalArgumentException("min and max must be finite, got " + min + " and " + max);
        }
        if (min > max) {
            throw new IllegalArgumentException("min must be <= max " + max + ", got " + min);
        }
        if (!(maxStep > 0)) {
            throw new IllegalArgumentException("maxStep must be > 0, got " + maxStep);
        }
    }
}
