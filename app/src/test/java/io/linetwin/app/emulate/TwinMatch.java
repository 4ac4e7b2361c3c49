package io.linetwin.app.emulate;

import io.linetwin.model.BufferContents;
import io.linetwin.model.LineState;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.Snapshot;
import io.linetwin.twin.TwinFeatures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.Thing;

/** Where a twin snapshot differs from the emulator's state: station state and counters, buffer levels. */
final class TwinMatch {

    private TwinMatch() {}

    static List<String> mismatches(LineState state, Snapshot twin, LineDescriptor line) {
        List<String> out = new ArrayList<>();
        state.stations().forEach((id, station) -> {
            Thing thing = twin.get(line.thingIdOf(id)).orElseThrow().thing();
            if (hasFeature(thing, TwinFeatures.STATUS)) {
                expect(
                        out,
                        id + " state",
                        JsonValue.of(station.condition().status().json()),
                        property(thing, TwinFeatures.STATUS, TwinFeatures.STATE));
            }
            expect(
                    out,
                    id + " good",
                    JsonValue.of(station.good()),
                    property(thing, TwinFeatures.COUNTERS, TwinFeatures.GOOD));
            expect(
                    out,
                    id + " scrap",
                    JsonValue.of(station.scrap()),
                    property(thing, TwinFeatures.COUNTERS, TwinFeatures.SCRAP));
        });
        state.buffers().forEach((id, contents) -> {
            Thing thing = twin.get(line.thingIdOf(id)).orElseThrow().thing();
            Map<String, Long> twinLevels = new HashMap<>();
            property(thing, TwinFeatures.BUFFER, TwinFeatures.LEVELS)
                    .filter(JsonValue::isObject)
                    .map(JsonValue::asObject)
                    .ifPresent((JsonObject o) -> o.forEach(f -> {
                        if (f.getValue().asLong() != 0) {
                            twinLevels.put(
                                    TwinFeatures.ANONYMOUS_PRODUCT.equals(f.getKeyName()) ? "" : f.getKeyName(),
                                    f.getValue().asLong());
                        }
                    }));
            Map<String, Long> expected = nonZero(contents);
            if (!expected.equals(twinLevels)) {
                out.add(id + " levels: emulator " + expected + ", twin " + twinLevels);
            }
        });
        return out;
    }

    static Optional<JsonValue> property(Thing thing, String feature, String property) {
        return thing.getFeatures()
                .flatMap(f -> f.getFeature(feature))
                .flatMap(f -> f.getProperty(JsonPointer.of(property)));
    }

    private static boolean hasFeature(Thing thing, String feature) {
        return thing.getFeatures().flatMap(f -> f.getFeature(feature)).isPresent();
    }

    private static Map<String, Long> nonZero(BufferContents contents) {
        Map<String, Long> out = new HashMap<>();
        contents.byProduct().forEach((p, n) -> {
            if (n != 0) {
                out.put(p, n.longValue());
            }
        });
        return out;
    }

    private static void expect(List<String> out, String what, JsonValue expected, Optional<JsonValue> actual) {
        if (actual.isEmpty() || !numericEquals(expected, actual.get())) {
            out.add(what + ": emulator " + expected + ", twin " + actual.orElse(null));
        }
    }

    private static boolean numericEquals(JsonValue a, JsonValue b) {
        if (a.isNumber() && b.isNumber()) {
            return a.asDouble() == b.asDouble();
        }
        return a.equals(b);
    }
}
