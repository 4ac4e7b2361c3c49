package io.linetwin.render;

import java.util.Objects;
import java.util.Optional;

/**
 * The figures the heads-up display shows next to the sim time. {@code caption} says what the view stands
 * for (an instant, or a summary over a window), so a viewer never mistakes a summary for a snapshot.
 */
public record Hud(String caption, double throughputPerHour, double wip, Optional<String> bottleneck) {

    public Hud {
        Objects.requireNonNull(caption, "caption");
        if (!(throughputPerHour >= 0) || Double.isInfinite(throughputPerHour)) {
            throw new IllegalArgumentException(
                    "throughput must be a finite number >= 0 per hour, got " + throughputPerHour);
        }
        if (!(wip >= 0) || Double.isInfinite(wip)) {
            throw new IllegalArgumentException("wip must be a finite number >= 0, got " + wip);
        }
        Objects.requireNonNull(bottleneck, "bottleneck");
    }

    public static Hud none() {
        return new Hud("", 0, 0, Optional.empty());
    }
}
