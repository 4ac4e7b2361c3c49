package io.linetwin.app.emulate;

import io.linetwin.model.LineState;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.ditto.json.JsonValue;

/**
 * Where an emulated line begins: at an instant of its own clock, either empty (a fresh line) or as a previous
 * run left it on the events topic.
 *
 * @param at            the line's instant of engine time 0
 * @param state         the line's state then (empty: a fresh, empty line)
 * @param revisions     equipment id → the last revision its Thing was given; the next event has the one after
 * @param published     {@code equipment/feature/property} → the value last published, so unchanged ones are not
 *                      sent again
 * @param stationStates station id → its overall state last published
 * @param firstChunk    the replication index of the first chunk (a resumed line must not repeat earlier draws)
 */
public record EmulatorStart(
        Instant at,
        Optional<LineState> state,
        Map<String, Long> revisions,
        Map<String, JsonValue> published,
        Map<String, String> stationStates,
        int firstChunk) {

    public EmulatorStart {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(state, "state");
        revisions = Map.copyOf(revisions);
        published = Map.copyOf(published);
        stationStates = Map.copyOf(stationStates);
        if (firstChunk < 0) {
            throw new IllegalArgumentException("firstChunk must be >= 0, got " + firstChunk);
        }
    }

    public static EmulatorStart fresh(Instant at) {
        return new EmulatorStart(at, Optional.empty(), Map.of(), Map.of(), Map.of(), 0);
    }
}
