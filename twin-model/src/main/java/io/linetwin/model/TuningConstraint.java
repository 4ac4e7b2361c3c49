package io.linetwin.model;

import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;

/** A linear constraint on the tuning variables: {@code min <= sum of the named variables <= max}. */
public record TuningConstraint(List<String> sum, OptionalDouble min, OptionalDouble max) {

    public TuningConstraint {
        sum = List.copyOf(sum);
        if (sum.isEmpty()) {
            throw new IllegalArgumentException("constraint sum must name >= 1 variable, got none");
        }
        if (new HashSet<>(sum).size() != sum.size()) {
            throw new IllegalArgumentException("constraint sum must name each variable once, got " + sum);
        }
        if (min.isEmpty() && max.isEmpty()) {
            throw new IllegalArgumentException("constraint on " + sum + " needs min, max or both, got neither");
        }
        min.ifPresent(v -> Checks.finite("constraint min", v));
        max.ifPresent(v -> Checks.finite("constraint max", v));
        if (min.isPresent() && max.isPresent() && min.getAsDouble() > max.getAsDouble()) {
            throw new IllegalArgumentException(
                    "constraint min must be <= max " + max.getAsDouble() + ", got " + min.getAsDouble());
        }
    }

    public static TuningConstraint atMost(List<String> sum, double max) {
        return new TuningConstraint(sum, OptionalDouble.empty(), OptionalDouble.of(max));
    }

    public static TuningConstraint atLeast(List<String> sum, double min) {
        return new TuningConstraint(sum, OptionalDouble.of(min), OptionalDouble.empty());
    }

    public static TuningConstraint equalTo(List<String> sum, double value) {
        return new TuningConstraint(sum, OptionalDouble.of(value), OptionalDouble.of(value));
    }

    public boolean isEquality() {
        return min.isPresent() && max.isPresent() && min.getAsDouble() == max.getAsDouble();
    }

    public double lower() {
        return min.orElse(Double.NEGATIVE_INFINITY);
    }

    public double upper() {
        return max.orElse(Double.POSITIVE_INFINITY);
    }
}
