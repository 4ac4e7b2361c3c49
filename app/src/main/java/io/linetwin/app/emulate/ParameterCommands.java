package io.linetwin.app.emulate;

import io.linetwin.model.LineSpec;
import io.linetwin.model.ParameterSpec;
import io.linetwin.model.StationSpec;
import io.linetwin.twin.EquipmentDescriptor;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.RulReadings;
import io.linetwin.twin.TwinFeatures;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.ditto.base.model.signals.Signal;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.protocol.Adaptable;
import org.eclipse.ditto.protocol.ProtocolFactory;
import org.eclipse.ditto.protocol.TopicPath;
import org.eclipse.ditto.protocol.adapter.DittoProtocolAdapter;
import org.eclipse.ditto.things.model.ThingId;
import org.eclipse.ditto.things.model.signals.commands.modify.ModifyFeatureProperty;

/**
 * Decides the commands the emulated line takes, as a real controller would: Ditto {@code modify} of
 * {@code features/parameters/properties/<name>} on the twin channel, for a parameter the station declares with
 * {@code min}, {@code max} and {@code maxStep}; a finite number within {@code [min, max]}; at most {@code maxStep}
 * from the parameter's value after every command accepted so far; and at most one accepted command per station
 * per {@code interval} of line time. Besides, standing in for Ditto (which owns each Thing's revisions), it takes a
 * predictor's remaining-life estimate, a {@code modify} of {@code features/health/properties/rul}: see
 * {@link HealthEstimate}. Anything else is refused with a {@link Refusal} and a message.
 *
 * <p>Stateful: it follows the values the accepted commands will set, so call it in the order commands arrive.
 * Thread-confined to the caller (the inbox thread).
 */
public final class ParameterCommands {

    /** The outcome: the change to apply, or the refusal. Both carry what a response needs. */
    public record Parsed(
            Optional<ParameterChange> change,
            Optional<Refusal> refusal,
            String message,
            Optional<ThingId> thingId,
            String correlationId,
            String property,
            Optional<HealthEstimate> estimate) {

        static Parsed ok(ParameterChange change, ThingId thing, String correlationId) {
            return new Parsed(
                    Optional.of(change),
                    Optional.empty(),
                    "",
                    Optional.of(thing),
                    correlationId,
                    change.name(),
                    Optional.empty());
        }

        static Parsed ok(HealthEstimate estimate, ThingId thing, String correlationId) {
            return new Parsed(
                    Optional.empty(),
                    Optional.empty(),
                    "",
                    Optional.of(thing),
                    correlationId,
                    TwinFeatures.RUL,
                    Optional.of(estimate));
        }

        static Parsed refused(
                Refusal why, String message, Optional<ThingId> thing, String correlationId, String property) {
            return new Parsed(
                    Optional.empty(), Optional.of(why), message, thing, correlationId, property, Optional.empty());
        }

        public boolean accepted() {
            return change.isPresent() || estimate.isPresent();
        }

        /** The feature the command wrote: {@code parameters}, or {@code health} for an estimate. */
        public String feature() {
            return estimate.isPresent() ? TwinFeatures.HEALTH : TwinFeatures.PARAMETERS;
        }
    }

    private static final DittoProtocolAdapter ADAPTER = DittoProtocolAdapter.newInstance();
    /** maxStep compares decimal set-points: 1.0 to 1.1 is 0.10000000000000009 in doubles. */
    private static final double STEP_TOLERANCE = 1e-9;

    private final LineSpec line;
    private final LineDescriptor things;
    private final Map<String, Map<String, Double>> values = new HashMap<>();
    private final Map<String, Instant> lastAccepted = new HashMap<>();
    private final Duration interval;
    private final Supplier<Instant> lineTime;

    /** With the scenario's parameter values, no rate limit and no clock: for tests of the value checks. */
    public ParameterCommands(LineSpec line, LineDescriptor things) {
        this(line, things, scenarioValues(line), Duration.ZERO, () -> Instant.EPOCH);
    }

    /**
     * @param current  the line's parameter values now (station → name → value)
     * @param interval line time a station needs between two accepted commands ({@code 0}: no limit)
     * @param lineTime the line's clock
     */
    public ParameterCommands(
            LineSpec line,
            LineDescriptor things,
            Map<String, Map<String, Double>> current,
            Duration interval,
            Supplier<Instant> lineTime) {
        this.line = line;
        this.things = things;
        current.forEach((station, v) -> values.put(station, new HashMap<>(v)));
        if (interval.isNegative()) {
            throw new IllegalArgumentException("command interval must be >= 0, got " + interval);
        }
        this.interval = interval;
        this.lineTime = lineTime;
    }

    /** The parameter values the scenario declares, station by station. */
    public static Map<String, Map<String, Double>> scenarioValues(LineSpec line) {
        Map<String, Map<String, Double>> out = new HashMap<>();
        for (StationSpec station : line.stations()) {
            Map<String, Double> v = new HashMap<>();
            station.parameters().forEach((name, spec) -> v.put(name, spec.value()));
            out.put(station.id(), v);
        }
        return out;
    }

    public Parsed parse(String dittoProtocolJson) {
        JsonObject json;
        try {
            json = JsonFactory.newObject(dittoProtocolJson);
        } catch (RuntimeException e) {
            return Parsed.refused(
                    Refusal.NOT_A_COMMAND, "not a Ditto Protocol message: " + e.getMessage(), Optional.empty(), "", "");
        }
        String correlationId = json.getValue("headers/correlation-id")
                .filter(JsonValue::isString)
                .map(JsonValue::asString)
                .orElse("");
        Adaptable adaptable;
        Signal<?> signal;
        try {
            adaptable = ProtocolFactory.jsonifiableAdaptableFromJson(json);
            signal = ADAPTER.fromAdaptable(adaptable);
        } catch (RuntimeException e) {
            return Parsed.refused(
                    Refusal.NOT_A_COMMAND,
                    "not a Ditto Protocol message: " + e.getMessage(),
                    thingOf(json),
                    correlationId,
                    "");
        }
        Optional<ThingId> thing = thingOf(json);
        if (adaptable.getTopicPath().getChannel() == TopicPath.Channel.LIVE) {
            return Parsed.refused(
                    Refusal.LIVE_CHANNEL,
                    "the line takes commands on the twin channel only, got "
                            + adaptable.getTopicPath().getPath(),
                    thing,
                    correlationId,
                    "");
        }
        if (!(signal instanceof ModifyFeatureProperty modify)) {
            return Parsed.refused(
                    Refusal.UNSUPPORTED,
                    "unsupported signal " + signal.getType() + " (only modify of one parameter)",
                    thing,
                    correlationId,
                    "");
        }
        String name = modify.getPropertyPointer().toString().substring(1);
        if (TwinFeatures.HEALTH.equals(modify.getFeatureId()) && TwinFeatures.RUL.equals(name)) {
            return estimate(modify.getEntityId(), modify.getPropertyValue(), correlationId);
        }
        if (!TwinFeatures.PARAMETERS.equals(modify.getFeatureId())) {
            return Parsed.refused(
                    Refusal.NOT_WRITABLE,
                    "feature " + modify.getFeatureId() + " is not adjustable (only parameters)",
                    Optional.of(modify.getEntityId()),
                    correlationId,
                    name);
        }
        return check(modify.getEntityId(), name, modify.getPropertyValue(), correlationId);
    }

    /**
     * A remaining-life estimate for the twin (not a line command: nothing on the line changes, so no limits and no
     * rate limit): {@code {seconds, at[, sdSeconds][, model]}} on a station whose Thing has {@code health}.
     */
    private Parsed estimate(ThingId thing, JsonValue value, String correlationId) {
        Optional<String> id = things.equipmentIdOf(thing);
        Optional<EquipmentDescriptor> equipment = id.flatMap(
                i -> things.equipment().stream().filter(e -> e.id().equals(i)).findFirst());
        if (equipment.isEmpty()) {
            return Parsed.refused(
                    Refusal.UNKNOWN_EQUIPMENT,
                    thing + " is not a station of line " + line.id(),
                    Optional.of(thing),
                    correlationId,
                    TwinFeatures.RUL);
        }
        if (!equipment.get().kind().features().contains(TwinFeatures.HEALTH)) {
            return Parsed.refused(
                    Refusal.NOT_WRITABLE,
                    id.get() + " has no health feature (a "
                            + equipment.get().kind().name().toLowerCase(java.util.Locale.ROOT) + ")",
                    Optional.of(thing),
                    correlationId,
                    TwinFeatures.RUL);
        }
        String problem = rulProblem(value);
        if (problem != null) {
            return Parsed.refused(
                    Refusal.NOT_A_NUMBER,
                    id.get() + ".health.rul " + problem,
                    Optional.of(thing),
                    correlationId,
                    TwinFeatures.RUL);
        }
        return Parsed.ok(new HealthEstimate(id.get(), value.asObject()), thing, correlationId);
    }

    /** What is wrong with an RUL object, or null: the twin's own rules (seconds and sdSeconds >= 0, at an instant). */
    private static String rulProblem(JsonValue value) {
        if (!value.isObject()) {
            return "must be an object {seconds, at[, sdSeconds][, model]}, got " + abbreviate(value.toString());
        }
        JsonObject rul = value.asObject();
        for (var field : rul) {
            String key = field.getKeyName();
            JsonValue v = field.getValue();
            switch (key) {
                case TwinFeatures.RUL_SECONDS, RulReadings.SD_SECONDS -> {
                    if (!v.isNumber() || !(v.asDouble() >= 0) || Double.isInfinite(v.asDouble())) {
                        return key + " must be a finite number of seconds >= 0, got " + abbreviate(v.toString());
                    }
                }
                case TwinFeatures.RUL_AT -> {
                    try {
                        Instant.parse(v.isString() ? v.asString() : "");
                    } catch (RuntimeException e) {
                        return "at must be an ISO instant like 2026-11-30T06:00:00Z, got " + abbreviate(v.toString());
                    }
                }
                case "model" -> {
                    if (!v.isString()) {
                        return "model must be a string, got " + abbreviate(v.toString());
                    }
                }
                default -> {
                    return "has an unknown key " + key + " (seconds, sdSeconds, at, model)";
                }
            }
        }
        if (!rul.contains(TwinFeatures.RUL_SECONDS) || !rul.contains(TwinFeatures.RUL_AT)) {
            return "must have seconds and at, got " + abbreviate(rul.toString());
        }
        return null;
    }

    private Parsed check(ThingId thing, String name, JsonValue value, String correlationId) {
        Optional<StationSpec> station = things.equipmentIdOf(thing)
                .flatMap(id ->
                        line.stations().stream().filter(s -> s.id().equals(id)).findFirst());
        if (station.isEmpty()) {
            return Parsed.refused(
                    Refusal.UNKNOWN_EQUIPMENT,
                    thing + " is not a station of line " + line.id(),
                    Optional.of(thing),
                    correlationId,
                    name);
        }
        String id = station.get().id();
        ParameterSpec spec = station.get().parameters().get(name);
        if (spec == null
                || spec.min().isEmpty()
                || spec.max().isEmpty()
                || spec.maxStep().isEmpty()) {
            return Parsed.refused(
                    Refusal.NOT_WRITABLE,
                    id + "." + name + " is not writable: the scenario "
                            + (spec == null ? "declares no such parameter" : "gives it no min, max and maxStep"),
                    Optional.of(thing),
                    correlationId,
                    name);
        }
        if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
            return Parsed.refused(
                    Refusal.NOT_A_NUMBER,
                    id + "." + name + " must be a finite number, got " + abbreviate(value.toString()),
                    Optional.of(thing),
                    correlationId,
                    name);
        }
        double v = value.asDouble();
        double min = spec.min().getAsDouble();
        double max = spec.max().getAsDouble();
        if (v < min || v > max) {
            return Parsed.refused(
                    Refusal.OUT_OF_RANGE,
                    id + "." + name + " must lie in [" + min + ", " + max + "], got " + v,
                    Optional.of(thing),
                    correlationId,
                    name);
        }
        double from = values.computeIfAbsent(id, s -> new HashMap<>()).getOrDefault(name, spec.value());
        double step = spec.maxStep().getAsDouble();
        if (Math.abs(v - from) > step * (1 + STEP_TOLERANCE)) {
            return Parsed.refused(
                    Refusal.STEP_TOO_LARGE,
                    id + "." + name + " may change by at most " + step + " per command, from " + from + " to " + v
                            + " is " + round(Math.abs(v - from)),
                    Optional.of(thing),
                    correlationId,
                    name);
        }
        Instant now = lineTime.get();
        Instant last = lastAccepted.get(id);
        if (last != null && !interval.isZero() && now.isBefore(last.plus(interval))) {
            return Parsed.refused(
                    Refusal.RATE_LIMITED,
                    id + " takes one command per " + interval.toSeconds() + " s of line time; the last one came at "
                            + last + ", it is " + now,
                    Optional.of(thing),
                    correlationId,
                    name);
        }
        values.get(id).put(name, v);
        lastAccepted.put(id, now);
        return Parsed.ok(new ParameterChange(id, name, v), thing, correlationId);
    }

    private static Optional<ThingId> thingOf(JsonObject json) {
        try {
            String[] topic = json.getValue("topic")
                    .filter(JsonValue::isString)
                    .map(JsonValue::asString)
                    .orElse("")
                    .split("/");
            return topic.length >= 2 ? Optional.of(ThingId.of(topic[0], topic[1])) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static double round(double x) {
        return Math.round(x * 1e9) / 1e9;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
