package io.linetwin.model;

import java.util.OptionalDouble;

/**
 * When a {@link StationKind#BATCH} station starts a cycle: as soon as {@code size} parts are loaded, or, with a
 * {@code maxWaitSeconds}, that long after the first part of the batch entered, with the parts it has by then.
 */
public record BatchRule(int size, OptionalDouble maxWaitSeconds) {

    /** A furnace or washer load beyond this is a modelling slip (a part count, not a batch size). */
    public static final int MAX_SIZE = 10_000;

    public BatchRule {
        Checks.inRange("batch size", 1, MAX_SIZE, size);
        if (maxWaitSeconds.isPresent()) {
            Checks.positive("batch max wait", maxWaitSeconds.getAsDouble());
        }
    }

    /** Starts only on a full batch. */
    public static BatchRule full(int size) {
        return new BatchRule(size, OptionalDouble.empty());
    }
}
