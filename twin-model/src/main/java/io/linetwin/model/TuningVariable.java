package io.linetwin.model;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One setting the tuner may change: a path a variant's {@code set} accepts ({@code buffers.b2.capacity},
 * {@code stations.m1.parameters.speed}), whole numbers or any number in {@code [min, max]}, what one unit of it
 * costs per hour (for a {@link TuningObjective#PROFIT_PER_HOUR} objective), and its value in the base line
 * ({@code current}; empty when the base line has none there, e.g. an unlimited buffer).
 */
public record TuningVariable(
        String path, boolean integer, double min, double max, double costPerHour, OptionalDouble current) {

    public TuningVariable {
        Checks.id("tuning variable path", path);
        Checks.finite("tuning variable " + path + " min", min);
        Checks.finite("tuning variable " + path + " max", max);
        Checks.finite("tuning variable " + path + " costPerHour", costPerHour);
        Objects.requireNonNull(current, "current");
        if (min > max) {
            throw new IllegalArgumentException(
                    "tuning variable " + path + " min must be <= max " + max + ", got " + min);
        }
        if (integer && (min != Math.rint(min) || max != Math.rint(max))) {
            throw new IllegalArgumentException("tuning variable " + path + " bounds must be whole numbers for an"
                    + " integer variable, got [" + min + ", " + max + "]");
        }
    }

    public static TuningVariable integer(String path, int min, int max) {
        return new TuningVariable(path, true, min, max, 0, OptionalDouble.empty());
    }

    public static TuningVariable continuous(String path, double min, double max) {
        return new TuningVariable(path, false, min, max, 0, OptionalDouble.empty());
    }

    public TuningVariable withCurrent(double value) {
        return new TuningVariable(path, integer, min, max, costPerHour, OptionalDouble.of(value));
    }

    public TuningVariable withCostPerHour(double cost) {
        return new TuningVariable(path, integer, min, max, cost, current);
    }
}
