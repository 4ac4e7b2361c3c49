package io.linetwin.model;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Where one planned stop of a station stands at a warm-start instant: under way with {@code remainingSeconds}
 * left; come due and {@code waitingForPart} in process to finish; or due in {@code dueInSeconds} more on its clock
 * (working seconds for a stop {@code every} so often, seconds for one {@code at} a time). A stop a state leaves out
 * is due as its spec says: at its time (none if that has passed), or a whole interval of work after the start.
 */
public record PlannedStopState(double dueInSeconds, boolean waitingForPart, OptionalDouble remainingSeconds) {

    public PlannedStopState {
        Checks.nonNegative("planned stop dueInSeconds", dueInSeconds);
        Objects.requireNonNull(remainingSeconds, "remainingSeconds");
        if (remainingSeconds.isPresent()) {
            Checks.nonNegative("planned stop remainingSeconds", remainingSeconds.getAsDouble());
            if (waitingForPart) {
                throw new IllegalArgumentException(
                        "a planned stop must be under way or waiting for its part, " + "got both");
            }
        }
    }

    /** Due in {@code seconds} more on its clock. */
    public static PlannedStopState dueIn(double seconds) {
        return new PlannedStopState(seconds, false, OptionalDouble.empty());
    }

    /** Under way, {@code seconds} left. */
    public static PlannedStopState underWay(double seconds) {
        return new PlannedStopState(0, false, OptionalDouble.of(seconds));
    }

    public boolean underWay() {
        return remainingSeconds.isPresent();
    }
}
