package io.linetwin.twin;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Test lines: one piece of equipment of every kind. */
public final class Lines {

    public static final Instant T0 = Instant.parse("2026-11-30T06:00:00Z");

    private Lines() {}

    public static LineDescriptor bottling() {
        return LineDescriptor.of(
                "plant1:bottling",
                List.of(
                        EquipmentDescriptor.of("depal", EquipmentKind.SOURCE),
                        new EquipmentDescriptor(
                                "filler",
                                EquipmentKind.MACHINE,
                                OptionalInt.empty(),
                                Map.of("speed", 1.0, "temperatureSetpoint", 72.0),
                                Map.of("speed", new ParameterLimit(0.6, 1.2, 0.1)),
                                List.of("temperature", "vibration", "current")),
                        EquipmentDescriptor.of("capper", EquipmentKind.MACHINE),
                        new EquipmentDescriptor(
                                "packer",
                                EquipmentKind.ASSEMBLY,
                                OptionalInt.empty(),
                                Map.of("speed", 1.0),
                                Map.of(),
                                List.of()),
                        EquipmentDescriptor.of("out", EquipmentKind.SINK),
                        new EquipmentDescriptor(
                                "b1", EquipmentKind.BUFFER, OptionalInt.of(20), Map.of(), Map.of(), List.of()),
                        new EquipmentDescriptor(
                                "b9", EquipmentKind.BUFFER, OptionalInt.empty(), Map.of(), Map.of(), List.of()),
                        new EquipmentDescriptor(
                                "c1",
                                EquipmentKind.CONVEYOR,
                                OptionalInt.of(30),
                                Map.of("speedMetresPerSecond", 0.5),
                                Map.of(),
                                List.of()),
                        new EquipmentDescriptor(
                                "agvs",
                                EquipmentKind.AGV,
                                OptionalInt.empty(),
                                Map.of("fleetSize", 2.0),
                                Map.of(),
                                List.of()),
                        EquipmentDescriptor.of("preform", EquipmentKind.MATERIAL)),
                List.of("litre", "half-litre"));
    }

    /**
     * The bottling line with a batch washer as well. The batch kind came later and has a line of its own, so the
     * goldens of the bottling line (its snapshot) stay as they were.
     */
    public static LineDescriptor bottlingWithWasher() {
        LineDescriptor bottling = bottling();
        List<EquipmentDescriptor> equipment = new java.util.ArrayList<>(bottling.equipment());
        equipment.add(new EquipmentDescriptor(
                "washer", EquipmentKind.BATCH, OptionalInt.empty(), Map.of("speed", 1.0), Map.of(), List.of()));
        return LineDescriptor.of("plant1:bottling", equipment, bottling.products());
    }

    public static Clock fixedClock() {
        return Clock.fixed(T0, ZoneOffset.UTC);
    }

    public static TwinStore store() {
        return TwinStore.of(bottling(), fixedClock());
    }
}
