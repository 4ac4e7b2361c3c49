package io.linetwin.model;

import java.util.OptionalDouble;

/**
 * A settable parameter of a station (e.g. {@code speed}, which divides processing times) with the limits
 * the command gate enforces.
 */
public record ParameterSpec(double value, OptionalDouble min, OptionalDouble max, OptionalDouble maxStep) {
    public ParameterSpec {
        Checks.finite("parameter value", value);
        if (min.isPresent() && max.isPresent() && min.getAsDouble() > max.getAsDouble()) {
            throw new IllegalArgumentException(
                    "parameter min must be <= max " + max.getAsDouble() + ", got " + min.getAsDouble());
        }
        if (min.isPresent() && value < min.getAsDouble()) {
            throw new IllegalArgumentException(
                    "parameter value must be >= min " + min.getAsDouble() + ", got " + value);
        }
        if (max.isPresent() && value > max.getAsDouble()) {
            throw new IllegalArgumentException(
                    "parameter value must be <= max " + max.getAsDouble() + ", got " + value);
        }
        maxStep.ifPresent(step -> Checks.positive("parameter maxStep", step));
    }

    public static ParameterSpec of(double value) {
        return new ParameterSpec(value, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
    }

    public ParameterSpec withValue(double newValue) {
        return new ParameterSpec(newValue, min, max, maxStep);
    }
}
