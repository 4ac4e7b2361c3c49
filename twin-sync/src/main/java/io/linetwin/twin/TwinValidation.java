package io.linetwin.twin;

import java.util.Optional;
import java.util.function.Function;

import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;

/** Domain checks on a changed Thing: the values the simulation relies on must stay meaningful. */
final class TwinValidation {

    private static final JsonPointer STATE = props(TwinFeatures.STATUS).append(JsonPointer.of(TwinFeatures.STATE));
    private static final JsonPointer GOOD = props(TwinFeatures.COUNTERS).append(JsonPointer.of(TwinFeatures.GOOD));
    private static final JsonPointer SCRAP = props(TwinFeatures.COUNTERS).append(JsonPointer.of(TwinFeatures.SCRAP));
    private static final JsonPointer LEVELS = props(TwinFeatures.BUFFER).append(JsonPointer.of(TwinFeatures.LEVELS));
    private static final JsonPointer STOCK = props(TwinFeatures.STOCK).append(JsonPointer.of(TwinFeatures.LEVEL));
    private static final JsonPointer SPEED = props(TwinFeatures.PARAMETERS).append(JsonPointer.of(TwinFeatures.SPEED));

    private TwinValidation() {
    }

    static JsonPointer props(String feature) {
        return JsonPointer.of("/features/" + feature + "/properties");
    }

    /**
     * Checks only the rules whose values {@code changed} can have touched: this runs for every message,
     * and most messages change a reading or an attribute that no rule covers.
     */
    static void check(JsonObject thing, JsonPointer changed) throws RejectedMessageException {
        check(thing::getValue, changed);
    }

    /** The same on any view of a Thing: {@code thing} gives the value at a path, as {@code JsonObject.getValue}. */
    static void check(Function<JsonPointer, Optional<JsonValue>> thing, JsonPointer changed)
            throws RejectedMessageException {
        int levels = changed.getLevelCount();
        if (levels == 0) {
            check(thing);
            return;
        }
        String root = changed.get(0).map(Object::toString).orElse("");
        if ("attributes".equals(root)) {
            return;
        }
        if (levels == 1 || !"features".equals(root)) {
            check(thing);
            return;
        }
        switch (changed.get(1).map(Object::toString).orElse("")) {
            case TwinFeatures.STATUS -> state(thing);
            case TwinFeatures.COUNTERS -> {
                count(thing, GOOD);
                count(thing, SCRAP);
            }
            case TwinFeatures.BUFFER -> levels(thing);
            case TwinFeatures.STOCK -> stock(thing);
            case TwinFeatures.PARAMETERS -> speed(thing);
            default -> { }
        }
    }

    static void check(JsonObject thing) throws RejectedMessageException {
        check((Function<JsonPointer, Optional<JsonValue>>) thing::getValue);
    }

    private static void check(Function<JsonPointer, Optional<JsonValue>> thing) throws RejectedMessageException {
        state(thing);
        count(thing, GOOD);
        count(thing, SCRAP);
        levels(thing);
        stock(thing);
        speed(thing);
    }

    private static void state(Function<JsonPointer, Optional<JsonValue>> thing) throws RejectedMessageException {
        Optional<JsonValue> state = thing.apply(STATE);
        if (state.isPresent() && !(state.get().isString() && TwinFeatures.STATES.contains(state.get().asString()))) {
            throw invalid(STATE, "one of " + TwinFeatures.STATES, state.get());
        }
    }

    private static void levels(Function<JsonPointer, Optional<JsonValue>> thing) throws RejectedMessageException {
        Optional<JsonValue> levels = thing.apply(LEVELS);
        if (levels.isPresent()) {
            if (!levels.get().isObject()) {
                throw invalid(LEVELS, "an object of part counts by product", levels.get());
            }
            for (var field : levels.get().asObject()) {
                JsonValue v = field.getValue();
                if (!isCount(v)) {
                    throw invalid(LEVELS.append(JsonPointer.of(field.getKeyName())), "an integer >= 0", v);
                }
            }
        }
    }

    private static void stock(Function<JsonPointer, Optional<JsonValue>> thing) throws RejectedMessageException {
        Optional<JsonValue> stock = thing.apply(STOCK);
        if (stock.isPresent() && !(stock.get().isNumber() && stock.get().asDouble() >= 0)) {
            throw invalid(STOCK, "a number >= 0", stock.get());
        }
    }

    private static void speed(Function<JsonPointer, Optional<JsonValue>> thing) throws RejectedMessageException {
        Optional<JsonValue> speed = thing.apply(SPEED);
        if (speed.isPresent() && !(speed.get().isNumber() && speed.get().asDouble() > 0)) {
            throw invalid(SPEED, "a number > 0", speed.get());
        }
    }

    private static void count(Function<JsonPointer, Optional<JsonValue>> thing, JsonPointer pointer) throws RejectedMessageException {
        Optional<JsonValue> v = thing.apply(pointer);
        if (v.isPresent() && !isCount(v.get())) {
            throw invalid(pointer, "an integer >= 0", v.get());
        }
    }

    private static boolean isCount(JsonValue v) {
        return v.isNumber() && (v.isInt() || v.isLong()) && v.asLong() >= 0;
    }

    private static RejectedMessageException invalid(JsonPointer where, String expected, JsonValue got) {
        return new RejectedMessageException(RejectReason.INVALID_VALUE, where + " must be " + expected + ", got " + got);
    }
}
