package io.linetwin.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One station's warm-start state.
 *
 * @param condition      what the station is doing, with the times the simulation needs to resume it
 * @param currentProduct the product it is set up for, if known (a setup is due when the next part differs)
 * @param good           good parts made so far (counter carried over, not replayed)
 * @param scrap          scrapped parts so far
 */
public record StationState(MachineCondition condition, Optional<String> currentProduct, long good, long scrap) {

    public StationState {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(currentProduct, "currentProduct");
        if (good < 0) {
            throw new IllegalArgumentException("good must be >= 0, got " + good);
        }
        if (scrap < 0) {
            throw new IllegalArgumentException("scrap must be >= 0, got " + scrap);
        }
    }
}
