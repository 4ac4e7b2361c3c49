package io.linetwin.twin;

import io.linetwin.model.BufferContents;
import io.linetwin.model.LineState;
import io.linetwin.model.MachineCondition;
import io.linetwin.model.StationState;
import io.linetwin.model.StationStatus;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingId;

/**
 * Maps a twin {@link Snapshot} to the neutral {@link LineState} the simulation warm-starts from. Health
 * readings are not part of it: predictors read them from the snapshot and hand the simulation failure
 * distributions instead.
 */
public final class LineStateMapper {

    private final ThingId lineId;

    public LineStateMapper(ThingId lineId) {
        this.lineId = Objects.requireNonNull(lineId, "lineId");
    }

    /**
     * @param clockSeconds the simulation time the snapshot corresponds to (seconds since the experiment's
     *                     t = 0; the caller knows the calendar mapping, the twin does not)
     */
    public LineState map(Snapshot snapshot, double clockSeconds) {
        Map<String, StationState> stations = new HashMap<>();
        Map<String, BufferContents> buffers = new HashMap<>();
        Map<String, Map<String, Double>> parameters = new HashMap<>();
        Map<String, Double> stocks = new HashMap<>();
        String prefix = lineId.getName() + ".";
        for (TwinThing twinThing : snapshot.things().values()) {
            Thing thing = twinThing.thing();
            ThingId id = thing.getEntityId().orElseThrow();
            String line = attribute(thing, TwinFeatures.ATTR_LINE)
                    .map(JsonValue::asString)
                    .orElse("");
            if (!line.equals(lineId.toString()) || !id.getName().startsWith(prefix)) {
                continue;
            }
            String equipmentId = id.getName().substring(prefix.length());
            EquipmentKind kind = EquipmentKind.fromJsonName(attribute(thing, TwinFeatures.ATTR_KIND)
                    .map(JsonValue::asString)
                    .orElse(""));
            JsonObject json = thing.toJson();
            if (kind.isStation()) {
                stations.put(equipmentId, station(json, snapshot, kind));
            }
            if (kind == EquipmentKind.BUFFER || kind == EquipmentKind.CONVEYOR) {
                buffers.put(equipmentId, contents(json));
            }
            Map<String, Double> params = parameters(json);
            if (!params.isEmpty()) {
                parameters.put(equipmentId, params);
            }
            if (kind == EquipmentKind.MATERIAL) {
                stocks.put(
                        equipmentId,
                        number(json, TwinFeatures.STOCK, TwinFeatures.LEVEL).orElse(0));
            }
        }
        return new LineState(snapshot.takenAt(), clockSeconds, stations, buffers, parameters, stocks);
    }

    private static StationState station(JsonObject json, Snapshot snapshot, EquipmentKind kind) {
        Optional<String> product = text(json, TwinFeatures.STATUS, TwinFeatures.PRODUCT);
        long good =
                (long) number(json, TwinFeatures.COUNTERS, TwinFeatures.GOOD).orElse(0);
        long scrap =
                (long) number(json, TwinFeatures.COUNTERS, TwinFeatures.SCRAP).orElse(0);
        if (kind == EquipmentKind.SINK) {
            // A sink absorbs parts at once: it is never anything but waiting for the next.
            return new StationState(new MachineCondition.Starved(), Optional.empty(), good, scrap);
        }
        // The twin accepts only the engine's states (TwinValidation); a station without one is waiting for parts.
        StationStatus state = text(json, TwinFeatures.STATUS, TwinFeatures.STATE)
                .flatMap(StationStatus::ofJson)
                .orElse(StationStatus.STARVED);
        OptionalDouble remaining = number(json, TwinFeatures.STATUS, TwinFeatures.REMAINING_SECONDS);
        Optional<String> made = state == StationStatus.BLOCKED
                ? text(json, TwinFeatures.STATUS, TwinFeatures.HELD_PRODUCT).or(() -> product)
                : product;
        double elapsed = state == StationStatus.DOWN ? elapsedSeconds(json, snapshot) : 0;
        MachineCondition condition = MachineCondition.of(
                state, made, remaining, elapsed, text(json, TwinFeatures.STATUS, TwinFeatures.FAILURE));
        return new StationState(condition, product, good, scrap);
    }

    private static double elapsedSeconds(JsonObject json, Snapshot snapshot) {
        return text(json, TwinFeatures.STATUS, TwinFeatures.SINCE)
                .map(since -> Duration.between(java.time.Instant.parse(since), snapshot.takenAt()))
                .map(d -> Math.max(0, d.toNanos() / 1e9))
                .orElse(0.0);
    }

    private static BufferContents contents(JsonObject json) {
        Map<String, Integer> byProduct = new HashMap<>();
        json.getValue(TwinValidation.props(TwinFeatures.BUFFER).append(JsonPointer.of(TwinFeatures.LEVELS)))
                .filter(JsonValue::isObject)
                .ifPresent(levels -> levels.asObject()
                        .forEach(f -> byProduct.put(
                                TwinFeatures.ANONYMOUS_PRODUCT.equals(f.getKeyName()) ? "" : f.getKeyName(),
                                f.getValue().asInt())));
        return new BufferContents(byProduct);
    }

    private static Map<String, Double> parameters(JsonObject json) {
        Map<String, Double> params = new HashMap<>();
        json.getValue(TwinValidation.props(TwinFeatures.PARAMETERS))
                .filter(JsonValue::isObject)
                .ifPresent(p -> flatten("", p.asObject(), params));
        return params;
    }

    private static void flatten(String prefix, JsonObject object, Map<String, Double> into) {
        object.forEach(f -> {
            if (f.getValue().isNumber()) {
                into.put(prefix + f.getKeyName(), f.getValue().asDouble());
            } else if (f.getValue().isObject()) {
                flatten(prefix + f.getKeyName() + ".", f.getValue().asObject(), into);
            }
        });
    }

    private static Optional<JsonValue> attribute(Thing thing, String key) {
        return thing.getAttributes().flatMap(a -> a.getValue(key));
    }

    private static Optional<String> text(JsonObject json, String feature, String key) {
        return json.getValue(TwinValidation.props(feature).append(JsonPointer.of(key)))
                .filter(JsonValue::isString)
                .map(JsonValue::asString);
    }

    private static OptionalDouble number(JsonObject json, String feature, String key) {
        return json.getValue(TwinValidation.props(feature).append(JsonPointer.of(key)))
                .filter(JsonValue::isNumber)
                .map(v -> OptionalDouble.of(v.asDouble()))
                .orElse(OptionalDouble.empty());
    }
}
