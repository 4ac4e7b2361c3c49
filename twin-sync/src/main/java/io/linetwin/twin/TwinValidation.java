package io.linetwin.twin;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.Thing;

/**
 * What the line side may and may not do to one Thing, and the domain checks on its values.
 *
 * <p>The equipment's identity and make come from the scenario, so the attributes {@code kind}, {@code line},
 * {@code capacity}, {@code limits} and {@code sensors} are read-only from the line side: they keep the values
 * the Thing was created with (absent ones stay absent). A Thing carries only the features of its kind, never
 * loses one it has, and never loses a property every Thing of that feature has ({@code status.state},
 * {@code counters.good}, {@code buffer.levels}, {@code stock.level}, a declared parameter). Values are checked against the equipment: a state the
 * engine knows, {@code since} a real instant, {@code remainingSeconds} &ge; 0, counters and levels whole
 * numbers &ge; 0, the levels of a buffer within its capacity and of known products, parameters within their
 * limits and {@code speed} &gt; 0, finite readings, an RUL of {@code seconds} &ge; 0 {@code at} an instant.
 */
final class TwinValidation {

    /** The attributes the scenario owns. */
    static final List<String> FIXED_ATTRIBUTES = List.of(
            TwinFeatures.ATTR_KIND,
            TwinFeatures.ATTR_LINE,
            TwinFeatures.ATTR_CAPACITY,
            TwinFeatures.ATTR_LIMITS,
            TwinFeatures.ATTR_SENSORS);
    /** Properties a feature always has (a Thing made from a descriptor has them from the start). */
    private static final Map<String, List<String>> REQUIRED = Map.of(
            TwinFeatures.STATUS, List.of(TwinFeatures.STATE),
            TwinFeatures.COUNTERS, List.of(TwinFeatures.GOOD, TwinFeatures.SCRAP),
            TwinFeatures.BUFFER, List.of(TwinFeatures.LEVELS),
            TwinFeatures.STOCK, List.of(TwinFeatures.LEVEL));

    private static final JsonPointer ATTRIBUTES = JsonPointer.of("attributes");
    private static final JsonPointer FEATURES = JsonPointer.of("features");
    private static final String MIN = "min";
    private static final String MAX = "max";

    private final String thingId;
    private final Map<String, Optional<JsonValue>> fixedAttributes = new HashMap<>();
    private final Set<String> features;
    private final Map<String, List<JsonPointer>> required = new HashMap<>();
    /** Waiting-part capacity of a buffer or conveyor; empty when unlimited or not one. */
    private final OptionalLong capacity;

    private final Map<String, double[]> limits = new HashMap<>();
    private final Set<String> products;

    private TwinValidation(Thing thing, Collection<String> products) {
        JsonObject json = thing.toJson();
        this.thingId = thing.getEntityId().map(Object::toString).orElse("?");
        for (String key : FIXED_ATTRIBUTES) {
            fixedAttributes.put(key, json.getValue(ATTRIBUTES.append(JsonPointer.of(key))));
        }
        Optional<EquipmentKind> kind = json.getValue(ATTRIBUTES.append(JsonPointer.of(TwinFeatures.ATTR_KIND)))
                .filter(JsonValue::isString)
                .flatMap(k -> {
                    try {
                        return Optional.of(EquipmentKind.fromJsonName(k.asString()));
                    } catch (IllegalArgumentException e) {
                        return Optional.empty();
                    }
                });
        this.features = kind.map(k -> Set.copyOf(k.features())).orElseGet(() -> featureIds(json));
        for (String feature : features) {
            List<JsonPointer> keys = new java.util.ArrayList<>();
            REQUIRED.getOrDefault(feature, List.of())
                    .forEach(k -> keys.add(props(feature).append(JsonPointer.of(k))));
            required.put(feature, keys);
        }
        json.getValue(props(TwinFeatures.PARAMETERS))
                .filter(JsonValue::isObject)
                .ifPresent(p -> p.asObject()
                        .forEach(f -> required.get(TwinFeatures.PARAMETERS)
                                .add(props(TwinFeatures.PARAMETERS).append(JsonPointer.of(f.getKeyName())))));
        Optional<JsonValue> cap = fixedAttributes.get(TwinFeatures.ATTR_CAPACITY);
        this.capacity = cap.filter(JsonValue::isNumber)
                .map(v -> OptionalLong.of(v.asLong()))
                .orElse(OptionalLong.empty());
        fixedAttributes
                .get(TwinFeatures.ATTR_LIMITS)
                .filter(JsonValue::isObject)
                .ifPresent(l -> l.asObject().forEach(f -> {
                    if (f.getValue().isObject()) {
                        JsonObject limit = f.getValue().asObject();
                        limits.put(f.getKeyName(), new double[] {
                            limit.getValue(MIN)
                                    .filter(JsonValue::isNumber)
                                    .map(JsonValue::asDouble)
                                    .orElse(Double.NEGATIVE_INFINITY),
                            limit.getValue(MAX)
                                    .filter(JsonValue::isNumber)
                                    .map(JsonValue::asDouble)
                                    .orElse(Double.POSITIVE_INFINITY)
                        });
                    }
                }));
        this.products = Set.copyOf(products);
    }

    /** The rules of {@code thing} as created; {@code products} empty = product names are not checked. */
    static TwinValidation of(Thing thing, Collection<String> products) {
        return new TwinValidation(thing, products);
    }

    static JsonPointer props(String feature) {
        return JsonPointer.of("/features/" + feature + "/properties");
    }

    private static Set<String> featureIds(JsonObject thing) {
        Set<String> ids = new HashSet<>();
        thing.getValue(FEATURES)
                .filter(JsonValue::isObject)
                .ifPresent(f -> f.asObject().getKeys().forEach(k -> ids.add(k.toString())));
        return ids;
    }

    /** Before any change: refuses a path that reaches a scenario attribute or a feature the kind lacks. */
    void checkTarget(JsonPointer path) throws RejectedMessageException {
        if (path.getLevelCount() < 2) {
            return;
        }
        String root = path.get(0).map(Object::toString).orElse("");
        String key = path.get(1).map(Object::toString).orElse("");
        if ("attributes".equals(root) && fixedAttributes.containsKey(key)) {
            throw forbidden("attributes/" + key + " comes from the scenario and is read-only from the line side");
        }
        if ("features".equals(root) && !features.contains(key)) {
            throw forbidden(
                    thingId + " has no feature " + abbreviate(key) + " (its kind has " + sorted(features) + ")");
        }
    }

    /**
     * After a change by Ditto's route (whole Things, features, deletes): the shape rules over the whole Thing,
     * then the value rules of every feature.
     */
    void check(JsonObject current, JsonObject next) throws RejectedMessageException {
        for (String key : FIXED_ATTRIBUTES) {
            Optional<JsonValue> now = next.getValue(ATTRIBUTES.append(JsonPointer.of(key)));
            if (!now.equals(fixedAttributes.get(key))) {
                throw forbidden("attributes/" + key + " comes from the scenario and is read-only from the line side, "
                        + "must stay "
                        + fixedAttributes.get(key).map(Object::toString).orElse("absent") + ", got "
                        + now.map(v -> abbreviate(v.toString())).orElse("none"));
            }
        }
        Set<String> before = featureIds(current);
        Set<String> after = featureIds(next);
        for (String f : after) {
            if (!features.contains(f)) {
                throw forbidden(
                        thingId + " has no feature " + abbreviate(f) + " (its kind has " + sorted(features) + ")");
            }
        }
        for (String f : before) {
            if (!after.contains(f)) {
                throw forbidden("the feature " + f + " of " + thingId + " cannot be removed");
            }
        }
        Function<JsonPointer, Optional<JsonValue>> view = next::getValue;
        for (String f : after) {
            checkFeature(view, f);
        }
    }

    /**
     * After a change on the hot path (below a feature's properties or below attributes): the rules of the one
     * feature the change can have touched; most messages change a reading or a counter, and this runs for each.
     */
    void check(Function<JsonPointer, Optional<JsonValue>> thing, JsonPointer changed) throws RejectedMessageException {
        if (changed.getLevelCount() >= 2
                && "features".equals(changed.get(0).map(Object::toString).orElse(""))) {
            checkFeature(thing, changed.get(1).map(Object::toString).orElse(""));
        }
    }

    private void checkFeature(Function<JsonPointer, Optional<JsonValue>> thing, String feature)
            throws RejectedMessageException {
        for (JsonPointer key : required.getOrDefault(feature, List.of())) {
            if (thing.apply(key).isEmpty()) {
                throw forbidden(key + " of " + thingId + " cannot be removed");
            }
        }
        switch (feature) {
            case TwinFeatures.STATUS -> status(thing);
            case TwinFeatures.COUNTERS -> {
                count(thing, TwinFeatures.COUNTERS, TwinFeatures.GOOD);
                count(thing, TwinFeatures.COUNTERS, TwinFeatures.SCRAP);
            }
            case TwinFeatures.BUFFER -> levels(thing);
            case TwinFeatures.STOCK -> stock(thing);
            case TwinFeatures.PARAMETERS -> parameters(thing);
            case TwinFeatures.HEALTH -> health(thing);
            default -> {}
        }
    }

    private void status(Function<JsonPointer, Optional<JsonValue>> thing) throws RejectedMessageException {
        JsonPointer status = props(TwinFeatures.STATUS);
        JsonPointer statePath = status.append(JsonPointer.of(TwinFeatures.STATE));
        Optional<JsonValue> state = thing.apply(statePath);
        if (state.isPresent()
                && !(state.get().isString()
                        && TwinFeatures.STATES.contains(state.get().asString()))) {
            throw invalid(statePath, "one of " + sorted(TwinFeatures.STATES), state.get());
        }
        instant(thing, status.append(JsonPointer.of(TwinFeatures.SINCE)));
        JsonPointer remainingPath = status.append(JsonPointer.of(TwinFeatures.REMAINING_SECONDS));
        Optional<JsonValue> remaining = thing.apply(remainingPath);
        if (remaining.isPresent()
                && !(isFinite(remaining.get()) && remaining.get().asDouble() >= 0)) {
            throw invalid(remainingPath, "a number of seconds >= 0", remaining.get());
        }
        product(thing, status.append(JsonPointer.of(TwinFeatures.PRODUCT)));
        product(thing, status.append(JsonPointer.of(TwinFeatures.HELD_PRODUCT)));
        JsonPointer failurePath = status.append(JsonPointer.of(TwinFeatures.FAILURE));
        Optional<JsonValue> failure = thing.apply(failurePath);
        if (failure.isPresent() && !failure.get().isString()) {
            throw invalid(failurePath, "the name of a failure mode", failure.get());
        }
    }

    private void product(Function<JsonPointer, Optional<JsonValue>> thing, JsonPointer path)
            throws RejectedMessageException {
        Optional<JsonValue> product = thing.apply(path);
        if (product.isPresent()
                && !(product.get().isString()
                        && (products.isEmpty()
                                || products.contains(product.get().asString())))) {
            throw invalid(
                    path,
                    products.isEmpty() ? "a product id" : "one of the line's products " + sorted(products),
                    product.get());
        }
    }

    private void levels(Function<JsonPointer, Optional<JsonValue>> thing) throws RejectedMessageException {
        JsonPointer path = props(TwinFeatures.BUFFER).append(JsonPointer.of(TwinFeatures.LEVELS));
        Optional<JsonValue> levels = thing.apply(path);
        if (levels.isEmpty()) {
            return;
        }
        if (!levels.get().isObject()) {
            throw invalid(path, "an object of part counts by product", levels.get());
        }
        long total = 0;
        for (var field : levels.get().asObject()) {
            JsonValue v = field.getValue();
            JsonPointer at = path.append(JsonPointer.of(field.getKeyName()));
            if (!isCount(v)) {
                throw invalid(at, "an integer >= 0", v);
            }
            if (!products.isEmpty() && !products.contains(field.getKeyName())) {
                throw invalid(at, "the level of one of the line's products " + sorted(products), v);
            }
            total = total + Math.min(v.asLong(), Long.MAX_VALUE - total);
        }
        if (capacity.isPresent() && total > capacity.getAsLong()) {
            throw invalid(path, "at most the capacity " + capacity.getAsLong() + " parts in all", levels.get());
        }
    }

    private static void stock(Function<JsonPointer, Optional<JsonValue>> thing) throws RejectedMessageException {
        JsonPointer path = props(TwinFeatures.STOCK).append(JsonPointer.of(TwinFeatures.LEVEL));
        Optional<JsonValue> stock = thing.apply(path);
        if (stock.isPresent() && !(isFinite(stock.get()) && stock.get().asDouble() >= 0)) {
            throw invalid(path, "a number >= 0", stock.get());
        }
    }

    private void parameters(Function<JsonPointer, Optional<JsonValue>> thing) throws RejectedMessageException {
        JsonPointer path = props(TwinFeatures.PARAMETERS);
        Optional<JsonValue> parameters = thing.apply(path);
        if (parameters.isEmpty() || !parameters.get().isObject()) {
            return;
        }
        for (var field : parameters.get().asObject()) {
            JsonPointer at = path.append(JsonPointer.of(field.getKeyName()));
            JsonValue v = field.getValue();
            finiteNumbers(at, v);
            double[] limit = limits.get(field.getKeyName());
            if (TwinFeatures.SPEED.equals(field.getKeyName()) && !(v.isNumber() && v.asDouble() > 0)) {
                throw invalid(at, "a number > 0", v);
            }
            if (limit != null && !(v.isNumber() && v.asDouble() >= limit[0] && v.asDouble() <= limit[1])) {
                throw invalid(at, "a number within its limits [" + limit[0] + ", " + limit[1] + "]", v);
            }
        }
    }

    private static void health(Function<JsonPointer, Optional<JsonValue>> thing) throws RejectedMessageException {
        JsonPointer readingsPath = props(TwinFeatures.HEALTH).append(JsonPointer.of(TwinFeatures.READINGS));
        Optional<JsonValue> readings = thing.apply(readingsPath);
        if (readings.isPresent()) {
            if (!readings.get().isObject()) {
                throw invalid(readingsPath, "an object of sensor readings", readings.get());
            }
            for (var field : readings.get().asObject()) {
                if (!isFinite(field.getValue())) {
                    throw invalid(
                            readingsPath.append(JsonPointer.of(field.getKeyName())),
                            "a finite number",
                            field.getValue());
                }
            }
        }
        JsonPointer rulPath = props(TwinFeatures.HEALTH).append(JsonPointer.of(TwinFeatures.RUL));
        Optional<JsonValue> rul = thing.apply(rulPath);
        if (rul.isPresent()) {
            if (!rul.get().isObject()) {
                throw invalid(rulPath, "an object {seconds, at}", rul.get());
            }
            JsonObject r = rul.get().asObject();
            for (String key : List.of(TwinFeatures.RUL_SECONDS, RulReadings.SD_SECONDS)) {
                Optional<JsonValue> v = r.getValue(key);
                if (v.isPresent() && !(isFinite(v.get()) && v.get().asDouble() >= 0)) {
                    throw invalid(rulPath.append(JsonPointer.of(key)), "a number of seconds >= 0", v.get());
                }
            }
            instant(thing, rulPath.append(JsonPointer.of(TwinFeatures.RUL_AT)));
        }
    }

    private static void instant(Function<JsonPointer, Optional<JsonValue>> thing, JsonPointer path)
            throws RejectedMessageException {
        Optional<JsonValue> v = thing.apply(path);
        if (v.isEmpty()) {
            return;
        }
        if (v.get().isString()) {
            String s = v.get().asString();
            if (IsoInstant.parse(s.toCharArray(), 0, s.length()) != null) {
                return;
            }
            try {
                Instant.parse(s);
                return;
            } catch (DateTimeParseException e) {
                // falls through to the refusal
            }
        }
        throw invalid(path, "an ISO-8601 instant like \"2026-11-30T06:00:00Z\"", v.get());
    }

    private static void count(Function<JsonPointer, Optional<JsonValue>> thing, String feature, String key)
            throws RejectedMessageException {
        JsonPointer path = props(feature).append(JsonPointer.of(key));
        Optional<JsonValue> v = thing.apply(path);
        if (v.isPresent() && !isCount(v.get())) {
            throw invalid(path, "an integer >= 0", v.get());
        }
    }

    private static void finiteNumbers(JsonPointer at, JsonValue v) throws RejectedMessageException {
        if (v.isNumber() && !Double.isFinite(v.asDouble())) {
            throw invalid(at, "a finite number", v);
        }
        if (v.isObject()) {
            for (var field : v.asObject()) {
                finiteNumbers(at.append(JsonPointer.of(field.getKeyName())), field.getValue());
            }
        }
    }

    private static boolean isFinite(JsonValue v) {
        return v.isNumber() && Double.isFinite(v.asDouble());
    }

    private static boolean isCount(JsonValue v) {
        return v.isNumber() && (v.isInt() || v.isLong()) && v.asLong() >= 0;
    }

    private static List<String> sorted(Collection<String> values) {
        return values.stream().sorted().toList();
    }

    private static RejectedMessageException forbidden(String detail) {
        return new RejectedMessageException(RejectReason.FORBIDDEN_PATH, detail);
    }

    private static RejectedMessageException invalid(JsonPointer where, String expected, JsonValue got) {
        return new RejectedMessageException(
                RejectReason.INVALID_VALUE, where + " must be " + expected + ", got " + abbreviate(got.toString()));
    }

    /** A hostile value can be a megabyte long; the reason quotes its start. */
    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
