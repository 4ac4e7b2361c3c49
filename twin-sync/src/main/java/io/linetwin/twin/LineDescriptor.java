package io.linetwin.twin;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.eclipse.ditto.things.model.ThingId;

/**
 * A line as the twin sees it: its Ditto thing id ({@code plant1:bottling}), its equipment and the products
 * it makes. The thing id of equipment {@code filler} is {@code plant1:bottling.filler}.
 *
 * @param products the product ids a buffer level or a station's product may name; empty = not checked (a line
 *                 of one anonymous product)
 */
public record LineDescriptor(ThingId lineId, List<EquipmentDescriptor> equipment, List<String> products) {

    public LineDescriptor {
        Objects.requireNonNull(lineId, "lineId");
        equipment = List.copyOf(equipment);
        products = List.copyOf(products);
        var seen = new HashSet<String>();
        for (EquipmentDescriptor e : equipment) {
            if (!seen.add(e.id())) {
                throw new IllegalArgumentException("equipment ids must be unique, got \"" + e.id() + "\" twice");
            }
        }
    }

    public LineDescriptor(ThingId lineId, List<EquipmentDescriptor> equipment) {
        this(lineId, equipment, List.of());
    }

    public static LineDescriptor of(String lineId, List<EquipmentDescriptor> equipment) {
        return new LineDescriptor(ThingId.of(lineId), equipment);
    }

    public static LineDescriptor of(String lineId, List<EquipmentDescriptor> equipment, List<String> products) {
        return new LineDescriptor(ThingId.of(lineId), equipment, products);
    }

    public ThingId thingIdOf(String equipmentId) {
        return ThingId.of(lineId.getNamespace(), lineId.getName() + "." + equipmentId);
    }

    /** The equipment id of a thing of this line, or empty when the thing is not part of it. */
    public java.util.Optional<String> equipmentIdOf(ThingId thingId) {
        String prefix = lineId.getName() + ".";
        if (thingId.getNamespace().equals(lineId.getNamespace())
                && thingId.getName().startsWith(prefix)) {
            return java.util.Optional.of(thingId.getName().substring(prefix.length()));
        }
        return java.util.Optional.empty();
    }
}
