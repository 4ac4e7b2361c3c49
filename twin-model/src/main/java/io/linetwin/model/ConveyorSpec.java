package io.linetwin.model;

import java.util.List;
import java.util.Objects;

/**
 * What makes the buffer {@code id} of a line a conveyor: parts travel {@code lengthMetres} at
 * {@code speedMetresPerSecond} (transit = length / speed), enter at least {@code spacingMetres} apart and
 * accumulate at the end when the next station cannot take them. The buffer's capacity is the most parts the
 * conveyor holds. Failures stop it; a stopped conveyor holds its parts. Its failure modes run on the clocks a
 * machine's do ({@link FailureBasis}); the operating clock runs while the belt moves, up and carrying a part.
 */
public record ConveyorSpec(
        String id, double lengthMetres, double speedMetresPerSecond, double spacingMetres, List<FailureSpec> failures) {

    public ConveyorSpec {
        Checks.id("conveyor id", id);
        Checks.positive("conveyor " + id + " length", lengthMetres);
        Checks.positive("conveyor " + id + " speed", speedMetresPerSecond);
        Checks.nonNegative("conveyor " + id + " spacing", spacingMetres);
        if (spacingMetres > lengthMetres) {
            throw new IllegalArgumentException(
                    "conveyor " + id + " spacing must be <= its length " + lengthMetres + " m, got " + spacingMetres);
        }
        failures = List.copyOf(Objects.requireNonNull(failures, "failures"));
    }

    public double transitSeconds() {
        return lengthMetres / speedMetresPerSecond;
    }

    /** The time between two parts entering, or leaving an accumulated queue. */
    public double gapSeconds() {
        return spacingMetres / speedMetresPerSecond;
    }
}
