package io.linetwin.twin;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonObjectBuilder;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;

/**
 * One applied change as the history log stores it, one JSON object per line:
 * {@code {"at":"2026-11-28T06:00:01Z","thingId":"plant1:bottling.filler","revision":7,"action":"set",
 * "path":"/features/health/properties/readings/temperature","value":71.5}}.
 */
public record HistoryEntry(Instant at, ThingUpdate update, long revision) {

    public HistoryEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(update, "update");
        if (revision < 1) {
            throw new IllegalArgumentException("revision must be >= 1, got " + revision);
        }
    }

    public static HistoryEntry of(TwinEvent.Applied applied) {
        return new HistoryEntry(applied.appliedAt(), applied.update(), applied.revision());
    }

    /** The update with the revision it got, so replaying it is idempotent like the original. */
    public ThingUpdate replayable() {
        return new ThingUpdate(
                update.thingId(),
                update.action(),
                update.path(),
                update.value(),
                OptionalLong.of(revision),
                update.timestamp());
    }

    public String toJsonLine() {
        JsonObjectBuilder b = JsonFactory.newObjectBuilder()
                .set("at", at.toString())
                .set("thingId", update.thingId().toString())
                .set("revision", revision)
                .set("action", update.action().name().toLowerCase(Locale.ROOT))
                .set("path", update.path().toString());
        update.value().ifPresent(v -> b.set("value", v));
        update.timestamp().ifPresent(t -> b.set("timestamp", t.toString()));
        return b.build().toString();
    }

    public static HistoryEntry fromJsonLine(String line) {
        JsonObject o = JsonFactory.newObject(line);
        ThingUpdate update = new ThingUpdate(
                ThingId.of(required(o, "thingId").asString()),
                ThingUpdate.Action.valueOf(required(o, "action").asString().toUpperCase(Locale.ROOT)),
                JsonPointer.of(required(o, "path").asString()),
                o.getValue("value"),
                OptionalLong.empty(),
                o.getValue("timestamp").map(JsonValue::asString).map(Instant::parse));
        return new HistoryEntry(
                Instant.parse(required(o, "at").asString()),
                update,
                required(o, "revision").asLong());
    }

    private static JsonValue required(JsonObject o, String key) {
        Optional<JsonValue> v = o.getValue(key);
        return v.orElseThrow(() -> new IllegalArgumentException("history line must have \"" + key + "\", got " + o));
    }
}
