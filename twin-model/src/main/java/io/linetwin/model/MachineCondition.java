package io.linetwin.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a station is doing at the warm-start instant, one record per engine state. Times are seconds;
 * a remaining time is absent when the source did not report it, so the simulation samples it instead.
 */
public sealed interface MachineCondition {

    /** The engine's name of the state (`working`, `blocked`, ...), as the twin and reports spell it. */
    String stateName();

    /** Processing a part of {@code product}. */
    record Working(Optional<String> product, OptionalDouble remainingSeconds) implements MachineCondition {
        public Working {
            Objects.requireNonNull(product, "product");
            requireNonNegative("remainingSeconds", remainingSeconds);
        }

        @Override
        public String stateName() {
            return "working";
        }
    }

    /**
     * Down since {@code elapsedRepairSeconds}, with an estimate of the rest when known: under repair of the failure
     * mode {@code failure} names, or in the planned stop it names.
     */
    record Down(double elapsedRepairSeconds, OptionalDouble remainingRepairSeconds, Optional<String> failure)
            implements MachineCondition {
        public Down {
            if (!(elapsedRepairSeconds >= 0)) {
                throw new IllegalArgumentException("elapsedRepairSeconds must be >= 0, got " + elapsedRepairSeconds);
            }
            requireNonNegative("remainingRepairSeconds", remainingRepairSeconds);
            Objects.requireNonNull(failure, "failure");
        }

        @Override
        public String stateName() {
            return "down";
        }
    }

    /** Finished a part that waits for room downstream; the part is held in the server. */
    record Blocked(Optional<String> heldProduct) implements MachineCondition {
        public Blocked {
            Objects.requireNonNull(heldProduct, "heldProduct");
        }

        @Override
        public String stateName() {
            return "blocked";
        }
    }

    /** Idle, waiting for a part or material. */
    record Starved() implements MachineCondition {
        @Override
        public String stateName() {
            return "starved";
        }
    }

    /** Changing over to {@code toProduct}. */
    record Setup(Optional<String> toProduct, OptionalDouble remainingSeconds) implements MachineCondition {
        public Setup {
            Objects.requireNonNull(toProduct, "toProduct");
            requireNonNegative("remainingSeconds", remainingSeconds);
        }

        @Override
        public String stateName() {
            return "setup";
        }
    }

    /** Outside its shift calendar. */
    record OffShift() implements MachineCondition {
        @Override
        public String stateName() {
            return "offShift";
        }
    }

    private static void requireNonNegative(String name, OptionalDouble value) {
        Objects.requireNonNull(value, name);
        if (value.isPresent() && !(value.getAsDouble() >= 0)) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value.getAsDouble());
        }
    }
}
