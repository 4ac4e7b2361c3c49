package io.linetwin.twin;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The seam between a scenario and the twin: the little the twin needs to know about one piece of
 * equipment to create its Thing. The scenario loader (twin-model) maps its station, buffer, conveyor,
 * transport and material specs to these; the twin never reads scenario records itself, so the two
 * can evolve apart.
 *
 * @param id         equipment id inside the line (becomes the last part of the thing id)
 * @param kind       what it is
 * @param capacity   waiting-part capacity of a buffer or conveyor (empty = unlimited or not applicable)
 * @param parameters initial parameter values (speed, setpoints)
 * @param limits     limits of adjustable parameters
 * @param sensors    sensor names whose readings appear in the {@code health} feature
 */
public record EquipmentDescriptor(
        String id,
        EquipmentKind kind,
        OptionalInt capacity,
        Map<String, Double> parameters,
        Map<String, ParameterLimit> limits,
        List<String> sensors) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    public EquipmentDescriptor {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id must match " + ID + ", got \"" + id + "\"");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(capacity, "capacity");
        if (capacity.isPresent() && capacity.getAsInt() < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, got " + capacity.getAsInt());
        }
        parameters = Map.copyOf(parameters);
        limits = Map.copyOf(limits);
        sensors = List.copyOf(sensors);
    }

    public static EquipmentDescriptor of(String id, EquipmentKind kind) {
        return new EquipmentDescriptor(id, kind, OptionalInt.empty(), Map.of(), Map.of(), List.of());
    }
}
