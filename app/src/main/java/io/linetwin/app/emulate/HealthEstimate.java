package io.linetwin.app.emulate;

import java.util.Objects;
import org.eclipse.ditto.json.JsonObject;

/**
 * A remaining-life estimate a predictor ({@code linetwin health monitor}) wrote into the twin of station
 * {@code station}: the {@code health/rul} object ({@code seconds}, {@code sdSeconds}, {@code at}, {@code model}).
 * The emulator stands in for Ditto here, which owns each Thing's revisions: it publishes the estimate as the
 * Thing's next event, so it can never collide with the line's own events.
 */
public record HealthEstimate(String station, JsonObject rul) {
    public HealthEstimate {
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(rul, "rul");
    }
}
