package io.linetwin.twin;

import io.linetwin.model.BufferSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.MaterialSpec;
import io.linetwin.model.ParameterSpec;
import io.linetwin.model.ProductSpec;
import io.linetwin.model.StationSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** The twin's view of a scenario's line: one {@link EquipmentDescriptor} per station, buffer and material. */
public final class LineDescriptors {

    private LineDescriptors() {}

    public static LineDescriptor of(LineSpec line) {
        List<EquipmentDescriptor> equipment = new ArrayList<>();
        for (StationSpec station : line.stations()) {
            equipment.add(station(station));
        }
        for (BufferSpec buffer : line.buffers()) {
            OptionalInt capacity = buffer.unlimited() ? OptionalInt.empty() : OptionalInt.of(reported(line, buffer));
            // A conveyor is a buffer whose parts also travel: same id, its own kind of Thing.
            boolean conveyor = line.conveyors().stream().anyMatch(c -> c.id().equals(buffer.id()));
            equipment.add(new EquipmentDescriptor(
                    buffer.id(),
                    conveyor ? EquipmentKind.CONVEYOR : EquipmentKind.BUFFER,
                    capacity,
                    Map.of(),
                    Map.of(),
                    List.of()));
        }
        for (MaterialSpec material : line.materials()) {
            equipment.add(EquipmentDescriptor.of(material.id(), EquipmentKind.MATERIAL));
        }
        return LineDescriptor.of(
                line.id(),
                equipment,
                line.products().stream().map(ProductSpec::id).toList());
    }

    /**
     * The most parts the engine (or a line) reports in a link: its waiting parts, plus the parts on board of the
     * AGVs for a transport move, plus the kit staged at the assembly it feeds (the engine lists those at the
     * front of the input buffer). The twin refuses a level above it.
     */
    private static int reported(LineSpec line, BufferSpec buffer) {
        long most = buffer.capacity();
        if (line.transport().isPresent()
                && line.transport().get().moves().stream().anyMatch(m -> m.id().equals(buffer.id()))) {
            most += line.transport().get().vehicles();
        }
        for (StationSpec station : line.stations()) {
            if (station.id().equals(buffer.to())) {
                for (var input : station.inputs()) {
                    if (input.from().equals(buffer.from())) {
                        most += input.count();
                    }
                }
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, most);
    }

    private static EquipmentDescriptor station(StationSpec station) {
        Map<String, Double> values = new HashMap<>();
        Map<String, ParameterLimit> limits = new HashMap<>();
        station.parameters().forEach((name, parameter) -> {
            values.put(name, parameter.value());
            limit(parameter).ifPresent(l -> limits.put(name, l));
        });
        EquipmentKind kind = switch (station.kind()) {
            case SOURCE -> EquipmentKind.SOURCE;
            case MACHINE -> EquipmentKind.MACHINE;
            case ASSEMBLY -> EquipmentKind.ASSEMBLY;
            case BATCH -> EquipmentKind.BATCH;
            case SINK -> EquipmentKind.SINK;
        };
        return new EquipmentDescriptor(station.id(), kind, OptionalInt.empty(), values, limits, station.sensors());
    }

    /** The gate needs all three limits; a parameter without them is adjustable by nobody. */
    private static Optional<ParameterLimit> limit(ParameterSpec parameter) {
        if (parameter.min().isEmpty()
                || parameter.max().isEmpty()
                || parameter.maxStep().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ParameterLimit(
                parameter.min().getAsDouble(),
                parameter.max().getAsDouble(),
                parameter.maxStep().getAsDouble()));
    }
}
