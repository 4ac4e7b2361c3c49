package io.linetwin.twin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonObjectBuilder;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;

/**
 * All Things of the twin at one instant: taken under the store's lock, so no half-applied message
 * shows, and immutable afterwards, so readers need no lock.
 *
 * @param takenAt when the snapshot was taken (the twin's clock)
 * @param things  thing id → thing, sorted by id so the JSON is stable
 */
public record Snapshot(Instant takenAt, Map<ThingId, TwinThing> things) {

    static final String SCHEMA = "linetwin/twin-snapshot/v1";
    private static final Comparator<ThingId> BY_ID = Comparator.comparing(ThingId::toString);

    public Snapshot {
        Objects.requireNonNull(takenAt, "takenAt");
        things.forEach((id, thing) -> {
            if (!thing.thing().getEntityId().map(id::equals).orElse(false)) {
                throw new IllegalArgumentException("thing under key " + id + " must have that id, got "
                        + thing.thing().getEntityId().orElse(null));
            }
        });
        TreeMap<ThingId, TwinThing> sorted = new TreeMap<>(BY_ID);
        sorted.putAll(things);
        things = Collections.unmodifiableMap(sorted);
    }

    public Optional<TwinThing> get(ThingId id) {
        return Optional.ofNullable(things.get(id));
    }

    /** Sum of all revisions; equal sums with equal thing sets mean both sides saw as many changes. */
    public long revisionSum() {
        return things.values().stream().mapToLong(TwinThing::revision).sum();
    }

    public JsonObject toJson() {
        JsonObjectBuilder byId = JsonFactory.newObjectBuilder();
        things.forEach((id, thing) -> byId.set(JsonFactory.newKey(id.toString()), thing.toJson()));
        return JsonFactory.newObjectBuilder()
                .set("schema", SCHEMA)
                .set("takenAt", takenAt.toString())
                .set("things", byId.build())
                .build();
    }

    public static Snapshot fromJson(JsonObject json) {
        String schema = json.getValue("schema").filter(JsonValue::isString).map(JsonValue::asString).orElse("");
        if (!SCHEMA.equals(schema)) {
            throw new IllegalArgumentException("schema must be " + SCHEMA + ", got \"" + schema + "\"");
        }
        Instant takenAt = Instant.parse(json.getValue("takenAt").orElseThrow(
                () -> new IllegalArgumentException("snapshot must have \"takenAt\"")).asString());
        Map<ThingId, TwinThing> things = new TreeMap<>(BY_ID);
        json.getValue("things").filter(JsonValue::isObject).map(JsonValue::asObject).orElse(JsonFactory.newObject())
                .forEach(field -> things.put(ThingId.of(field.getKeyName()), TwinThing.fromJson(field.getValue().asObject())));
        return new Snapshot(takenAt, things);
    }

    public void write(Path file) throws IOException {
        Files.writeString(file, toJson().toString(), StandardCharsets.UTF_8);
    }

    public static Snapshot read(Path file) throws IOException {
        return fromJson(JsonFactory.newObject(Files.readString(file, StandardCharsets.UTF_8)));
    }
}
