package io.linetwin.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A material the line consumes (preforms, cartons, screws): a store with {@code initial} units on hand at t = 0
 * and an optional reorder policy.
 */
public record MaterialSpec(String id, double initial, Optional<Reorder> reorder) {

    public MaterialSpec {
        Checks.id("material id", id);
        Checks.nonNegative("material " + id + " initial stock", initial);
        Checks.finite("material " + id + " initial stock", initial);
        Objects.requireNonNull(reorder, "reorder");
    }

    /**
     * A continuous-review (s, Q) policy: whenever stock on hand plus stock on order falls to {@code point} or
     * below, an order of {@code quantity} is placed; it arrives {@code leadTimeSeconds} later.
     */
    public record Reorder(double point, double quantity, double leadTimeSeconds) {
        public Reorder {
            Checks.nonNegative("reorder point", point);
            Checks.finite("reorder point", point);
            Checks.positive("reorder quantity", quantity);
            Checks.nonNegative("reorder lead time", leadTimeSeconds);
            Checks.finite("reorder lead time", leadTimeSeconds);
        }
    }
}
