package io.linetwin.loop;

import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.ParameterLimit;
import io.linetwin.twin.Snapshot;
import io.linetwin.twin.TwinFeatures;
import io.linetwin.twin.TwinThing;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingId;

/**
 * One twin snapshot read by equipment id: the current value of a parameter, the limits on the Thing, a state, a
 * counter, a buffer's fill, a remaining-useful-life estimate. The gate and the live loop look at the line through it,
 * so both see exactly what the twin reported.
 */
public final class TwinView {

    private final Snapshot snapshot;
    private final LineDescriptor line;

    public TwinView(Snapshot snapshot, LineDescriptor line) {
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
        this.line = Objects.requireNonNull(line, "line");
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    public LineDescriptor line() {
        return line;
    }

    public ThingId thingIdOf(String equipmentId) {
        return line.thingIdOf(equipmentId);
    }

    public Optional<Thing> thing(String equipmentId) {
        return snapshot.get(line.thingIdOf(equipmentId)).map(TwinThing::thing);
    }

    private Optional<JsonValue> value(String equipmentId, String pointer) {
        return thing(equipmentId).map(Thing::toJson).flatMap(json -> json.getValue(JsonPointer.of(pointer)));
    }

    /** The parameter's value as the twin reports it ({@code features/parameters/properties/<name>}). */
    public OptionalDouble parameter(String equipmentId, String name) {
        return number(value(equipmentId, "/features/" + TwinFeatures.PARAMETERS + "/properties/" + name));
    }

    /** The limits on the Thing ({@code attributes/limits/<name>}: min, max, maxStep), when all three are there. */
    public Optional<ParameterLimit> limit(String equipmentId, String name) {
        Optional<JsonValue> limit = value(equipmentId, "/attributes/" + TwinFeatures.ATTR_LIMITS + "/" + name);
        if (limit.isEmpty() || !limit.get().isObject()) {
            return Optional.empty();
        }
        JsonObject json = limit.get().asObject();
        OptionalDouble min = number(json.getValue("min"));
        OptionalDouble max = number(json.getValue("max"));
        OptionalDouble step = number(json.getValue("maxStep"));
        if (min.isEmpty() || max.isEmpty() || step.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ParameterLimit(min.getAsDouble(), max.getAsDouble(), step.getAsDouble()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Every writable parameter the Things declare. */
    public ParameterLimits limits() {
        Map<String, Map<String, ParameterLimit>> limits = new LinkedHashMap<>();
        line.equipment()
                .forEach(e -> thing(e.id())
                        .flatMap(t -> t.getAttributes())
                        .flatMap(a -> a.getValue(TwinFeatures.ATTR_LIMITS))
                        .filter(JsonValue::isObject)
                        .ifPresent(json -> json.asObject()
                                .getKeys()
                                .forEach(key -> limit(e.id(), key.toString())
                                        .ifPresent(l -> limits.computeIfAbsent(e.id(), k -> new LinkedHashMap<>())
                                                .put(key.toString(), l)))));
        return new ParameterLimits(limits);
    }

    public Optional<String> state(String equipmentId) {
        return value(equipmentId, "/features/" + TwinFeatures.STATUS + "/properties/" + TwinFeatures.STATE)
                .filter(JsonValue::isString)
                .map(JsonValue::asString);
    }

    public OptionalDouble good(String equipmentId) {
        return number(value(equipmentId, "/features/" + TwinFeatures.COUNTERS + "/properties/" + TwinFeatures.GOOD));
    }

    /** Parts waiting over capacity; empty for an unlimited buffer or one the twin does not know. */
    public OptionalDouble bufferFill(String equipmentId) {
        OptionalDouble capacity = number(value(equipmentId, "/attributes/" + TwinFeatures.ATTR_CAPACITY));
        Optional<JsonValue> levels =
                value(equipmentId, "/features/" + TwinFeatures.BUFFER + "/properties/" + TwinFeatures.LEVELS);
        if (capacity.isEmpty()
                || capacity.getAsDouble() <= 0
                || levels.isEmpty()
                || !levels.get().isObject()) {
            return OptionalDouble.empty();
        }
        double parts = 0;
        for (var field : levels.get().asObject()) {
            if (field.getValue().isNumber()) {
                parts += field.getValue().asDouble();
            }
        }
        return OptionalDouble.of(parts / capacity.getAsDouble());
    }

    /** The latest remaining-useful-life estimate ({@code health/rul/seconds}), operating seconds. */
    public OptionalDouble rulSeconds(String equipmentId) {
        return number(value(
                equipmentId,
                "/features/" + TwinFeatures.HEALTH + "/properties/" + TwinFeatures.RUL + "/"
                        + TwinFeatures.RUL_SECONDS));
    }

    /** Thing id → revision, sorted: the snapshot's revision set, as evidence records it. */
    public Map<String, Long> revisions() {
        Map<String, Long> revisions = new TreeMap<>();
        snapshot.things().forEach((id, thing) -> revisions.put(id.toString(), thing.revision()));
        return revisions;
    }

    private static OptionalDouble number(Optional<JsonValue> value) {
        return value.filter(JsonValue::isNumber)
                .map(v -> OptionalDouble.of(v.asDouble()))
                .orElse(OptionalDouble.empty());
    }
}
