package io.linetwin.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a station is doing at the warm-start instant, one record per engine state. Times are seconds;
 * a remaining time is absent when the source did not report it, so the simulation samples it instead.
 */
public sealed interface MachineCondition {

    /** Which of the six states this is; its {@link StationStatus#json()} is how the twin and reports spell it. */
    StationStatus status();

    /**
     * The condition of {@code status} from what a report says: {@code product} (made, set up for or held),
     * {@code remainingSeconds} (of the phase, or of the repair when down), and, when down, {@code elapsedSeconds}
     * since it went down and the {@code failure} mode or planned stop it names. What a state does not take is
     * ignored. The one place a state's name becomes a condition: the state JSON and the twin both read through it.
     */
    static MachineCondition of(
            StationStatus status,
            Optional<String> product,
            OptionalDouble remainingSeconds,
            double elapsedSeconds,
            Optional<String> failure) {
        return switch (status) {
            case WORKING -> new Working(product, remainingSeconds);
            case SETUP -> new Setup(product, remainingSeconds);
            case BLOCKED -> new Blocked(product);
            case STARVED -> new Starved();
            case OFF_SHIFT -> new OffShift();
            case DOWN -> new Down(elapsedSeconds, remainingSeconds, failure);
        };
    }

    /** Processing a part of {@code product}. */
    record Working(Optional<String> product, OptionalDouble remainingSeconds) implements MachineCondition {
        public Working {
            Objects.requireNonNull(product, "product");
            requireNonNegative("remainingSeconds", remainingSeconds);
        }

        @Override
        public StationStatus status() {
            return StationStatus.WORKING;
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
        public StationStatus status() {
            return StationStatus.DOWN;
        }
    }

    /** Finished a part that waits for room downstream; the part is held in the server. */
    record Blocked(Optional<String> heldProduct) implements MachineCondition {
        public Blocked {
            Objects.requireNonNull(heldProduct, "heldProduct");
        }

        @Override
        public StationStatus status() {
            return StationStatus.BLOCKED;
        }
    }

    /** Idle, waiting for a part or material. */
    record Starved() implements MachineCondition {
        @Override
        public StationStatus status() {
            return StationStatus.STARVED;
        }
    }

    /** Changing over to {@code toProduct}. */
    record Setup(Optional<String> toProduct, OptionalDouble remainingSeconds) implements MachineCondition {
        public Setup {
            Objects.requireNonNull(toProduct, "toProduct");
            requireNonNegative("remainingSeconds", remainingSeconds);
        }

        @Override
        public StationStatus status() {
            return StationStatus.SETUP;
        }
    }

    /** Outside its shift calendar. */
    record OffShift() implements MachineCondition {
        @Override
        public StationStatus status() {
            return StationStatus.OFF_SHIFT;
        }
    }

    private static void requireNonNegative(String name, OptionalDouble value) {
        Objects.requireNonNull(value, name);
        if (value.isPresent() && !(value.getAsDouble() >= 0)) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value.getAsDouble());
        }
    }
}
