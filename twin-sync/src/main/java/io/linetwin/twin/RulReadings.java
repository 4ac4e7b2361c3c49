package io.linetwin.twin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;

/**
 * The latest remaining-useful-life estimates the twin holds: {@code health/rul/seconds} (and, when a predictor
 * published one, {@code health/rul/sdSeconds}) of each piece of equipment of a line.
 */
public final class RulReadings {

    /** One estimate: mean remaining life in operating seconds and, if known, its standard deviation. */
    public record Reading(double seconds, OptionalDouble sdSeconds) {
        public Reading {
            if (!(seconds >= 0) || Double.isInfinite(seconds)) {
                throw new IllegalArgumentException("rul seconds must be a finite number >= 0, got " + seconds);
            }
        }
    }

    public static final String SD_SECONDS = "sdSeconds";

    private static final JsonPointer RUL =
            TwinValidation.props(TwinFeatures.HEALTH).append(JsonPointer.of(TwinFeatures.RUL));

    private RulReadings() {}

    /** Equipment id → its latest estimate, for the equipment of {@code line} that has one. */
    public static Map<String, Reading> of(Snapshot snapshot, LineDescriptor line) {
        Map<String, Reading> readings = new LinkedHashMap<>();
        for (EquipmentDescriptor equipment : line.equipment()) {
            snapshot.get(line.thingIdOf(equipment.id())).ifPresent(twinThing -> {
                var json = twinThing.thing().toJson();
                var seconds = json.getValue(RUL.append(JsonPointer.of(TwinFeatures.RUL_SECONDS)))
                        .filter(JsonValue::isNumber);
                if (seconds.isPresent()) {
                    OptionalDouble sd = json.getValue(RUL.append(JsonPointer.of(SD_SECONDS)))
                            .filter(JsonValue::isNumber)
                            .map(v -> OptionalDouble.of(v.asDouble()))
                            .orElse(OptionalDouble.empty());
                    readings.put(equipment.id(), new Reading(seconds.get().asDouble(), sd));
                }
            });
        }
        return readings;
    }
}
