package io.linetwin.model;

import java.util.Objects;

/**
 * A planned stop of a machine or assembly (preventive maintenance, a die change on schedule, cleaning): the
 * station stops for {@code durationSeconds} when its trigger comes, and counts as down meanwhile (off shift where
 * the shift calendar stops it anyway). With {@code finishPart} the parts in process or setup finish first (no new
 * part starts meanwhile) and the stop begins when the last of them is done; without it the stop begins at once and
 * they resume with their remaining time afterwards, as after a failure.
 */
public record PlannedStop(String name, Trigger trigger, double durationSeconds, boolean finishPart) {

    public PlannedStop {
        Checks.id("planned stop name", name);
        Objects.requireNonNull(trigger, "trigger");
        Checks.positive("planned stop " + name + " duration", durationSeconds);
    }

    /** When a planned stop comes due. */
    public sealed interface Trigger permits At, Every {}

    /** Once, at engine time {@code atSeconds} (seconds from the run's t = 0, as {@code LineState} clocks count). */
    public record At(double atSeconds) implements Trigger {
        public At {
            Checks.nonNegative("planned stop time", atSeconds);
        }
    }

    /**
     * Each time the station has worked {@code operatingSeconds} (processing a part, as an operating-basis failure
     * clock counts) since the run's start or the end of the last such stop.
     */
    public record Every(double operatingSeconds) implements Trigger {
        public Every {
            Checks.positive("planned stop interval", operatingSeconds);
        }
    }
}
