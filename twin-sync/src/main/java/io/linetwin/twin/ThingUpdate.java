package io.linetwin.twin;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;

/**
 * One change to one Thing, reduced to what every Ditto modify command, merge and event has in common:
 * a path inside the Thing's JSON and what to do there. Decoding many signal types into this one shape
 * keeps the store's apply step small and lets the history log and the Ditto client feed it too.
 *
 * @param thingId   the Thing changed
 * @param action    set the value, merge it (RFC 7396) or delete the path
 * @param path      path inside the Thing JSON ({@code /features/status/properties/state}); {@code /} = whole Thing
 * @param value     the new value (absent only for {@link Action#DELETE})
 * @param revision  the Thing's revision after the change, when the source knows it (events always do)
 * @param timestamp when the source made the change, if it says
 */
public record ThingUpdate(
        ThingId thingId,
        Action action,
        JsonPointer path,
        Optional<JsonValue> value,
        OptionalLong revision,
        Optional<Instant> timestamp) {

    public enum Action {
        SET,
        MERGE,
        DELETE
    }

    public ThingUpdate {
        Objects.requireNonNull(thingId, "thingId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(timestamp, "timestamp");
        if (action != Action.DELETE && value.isEmpty()) {
            throw new IllegalArgumentException("value must be present for " + action + ", got none");
        }
        if (revision.isPresent() && revision.getAsLong() < 1) {
            throw new IllegalArgumentException("revision must be >= 1, got " + revision.getAsLong());
        }
    }

    public static ThingUpdate set(ThingId thingId, JsonPointer path, JsonValue value, long revision) {
        return new ThingUpdate(
                thingId, Action.SET, path, Optional.of(value), OptionalLong.of(revision), Optional.empty());
    }
}
