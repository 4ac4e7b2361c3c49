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
 * @param offsets where the source stands: {@code topic/partition} → the next offset to read, for a twin fed
 *                from Kafka that checkpoints itself (empty otherwise); a twin restarted from this snapshot
 *                reads on from there
 */
public record Snapshot(Instant takenAt, Map<ThingId, TwinThing> things, Map<String, Long> offsets) {

    static final String SCHEMA = "linetwin/twin-snapshot/v1";
    private static final Comparator<ThingId> BY_ID = Comparator.comparing(ThingId::toString);

    public Snapshot {
        Objects.requireNonNull(takenAt, "takenAt");
        offsets.forEach((source, next) -> {
            if (next < 0) {
                throw new IllegalArgumentException("offset of " + source + " must be >= 0, got " + next);
            }
        });
        offsets = Collections.unmodifiableMap(new TreeMap<>(offsets));
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

    public Snapshot(Instant takenAt, Map<ThingId, TwinThing> things) {
        this(takenAt, things, Map.of());
    }

    /** The same Things with where the source stands. */
    public Snapshot withOffsets(Map<String, Long> sourceOffsets) {
        return new Snapshot(takenAt, things, sourceOffsets);
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
        JsonObjectBuilder json =
                JsonFactory.newObjectBuilder().set("schema", SCHEMA).set("takenAt", takenAt.toString());
        if (!offsets.isEmpty()) {
            JsonObjectBuilder at = JsonFactory.newObjectBuilder();
            offsets.forEach((source, next) -> at.set(JsonFactory.newKey(source), next));
            json.set("offsets", at.build());
        }
        return json.set("things", byId.build()).build();
    }

    public static Snapshot fromJson(JsonObject json) {
        String schema = json.getValue("schema")
                .filter(JsonValue::isString)
                .map(JsonValue::asString)
                .orElse("");
        if (!SCHEMA.equals(schema)) {
            throw new IllegalArgumentException("schema must be " + SCHEMA + ", got \"" + schema + "\"");
        }
        Instant takenAt = Instant.parse(json.getValue("takenAt")
                .orElseThrow(() -> new IllegalArgumentException("snapshot must have \"takenAt\""))
                .asString());
        Map<ThingId, TwinThing> things = new TreeMap<>(BY_ID);
        json.getValue("things")
                .filter(JsonValue::isObject)
                .map(JsonValue::asObject)
                .orElse(JsonFactory.newObject())
                .forEach(field -> things.put(
                        ThingId.of(field.getKeyName()),
                        TwinThing.fromJson(field.getValue().asObject())));
        Map<String, Long> offsets = new TreeMap<>();
        json.getValue("offsets")
                .filter(JsonValue::isObject)
                .map(JsonValue::asObject)
                .orElse(JsonFactory.newObject())
                .forEach(field -> {
                    if (!field.getValue().isLong() && !field.getValue().isInt()) {
                        throw new IllegalArgumentException(
                                "offsets." + field.getKeyName() + " must be an integer, got " + field.getValue());
                    }
                    offsets.put(field.getKeyName(), field.getValue().asLong());
                });
        return new Snapshot(takenAt, things, offsets);
    }

    /**
     * Writes the snapshot so that {@code file} holds either its old content or the whole new one, whenever the
     * process dies: a temporary file in the same folder, forced to disk, then renamed over {@code file}.
     */
    public void write(Path file) throws IOException {
        AtomicFile.write(file, toJson().toString().getBytes(StandardCharsets.UTF_8));
    }

    public static Snapshot read(Path file) throws IOException {
        return fromJson(JsonFactory.newObject(Files.readString(file, StandardCharsets.UTF_8)));
    }
}
