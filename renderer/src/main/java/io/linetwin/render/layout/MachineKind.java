package io.linetwin.render.layout;

import io.linetwin.model.StationKind;
import io.linetwin.model.StationSpec;
import java.util.List;
import java.util.Locale;

/**
 * The look and floor space of a station: sources and sinks by their kind, machines by a hint in their id (a
 * "press-2" looks like a press, a "respot1" like a robot cell), anything else a generic machine cabinet. Half
 * extents are metres along the flow ({@code halfLength}) and across it ({@code halfDepth}), typical of the
 * equipment named; the scene draws every piece of equipment inside them.
 */
public enum MachineKind {
    SOURCE(List.of(), 1.4, 1.2, "infeed"),
    SINK(List.of(), 1.6, 1.6, "outfeed"),
    PALLETISER(List.of("pallet"), 2.0, 2.0, "palletiser"),
    PRESS(List.of("press", "stamp", "punch", "blank"), 2.5, 2.0, "press"),
    ROTARY(List.of("fill", "cap", "label", "rinse", "blow", "seam"), 1.6, 1.6, "rotary filler / capper"),
    OVEN(List.of("oven", "reflow", "furnace", "dry", "cure", "kiln", "bake"), 3.5, 1.2, "oven"),
    INSPECTION(List.of("inspect", "aoi", "spi", "cmm", "check", "test", "vision", "gauge"), 1.3, 1.2, "inspection"),
    WORKBENCH(
            List.of("repair", "rework", "wash", "manual", "bench", "finish", "kit", "operator"),
            1.4,
            1.0,
            "operator station"),
    ROBOT_CELL(
            List.of(
                    "robot", "weld", "respot", "cell", "framing", "hem", "seal", "hood", "closure", "ub", "assembl",
                    "pick"),
            3.0,
            3.0,
            "robot cell"),
    SMT(List.of("print", "pnp", "place", "mount", "smt", "chip", "loader"), 1.2, 1.0, "placement machine"),
    PACKER(List.of("pack", "case", "carton", "wrap", "box"), 2.0, 1.5, "case packer"),
    GENERIC(List.of(), 1.5, 1.5, "machine");

    /** The largest half extent of any kind. */
    public static final double MAX_HALF = 3.5;

    private final List<String> hints;
    private final double halfLength;
    private final double halfDepth;
    private final String description;

    MachineKind(List<String> hints, double halfLength, double halfDepth, String description) {
        this.hints = hints;
        this.halfLength = halfLength;
        this.halfDepth = halfDepth;
        this.description = description;
    }

    public static MachineKind of(StationSpec station) {
        if (station.kind() == StationKind.SOURCE) {
            return SOURCE;
        }
        if (station.kind() == StationKind.SINK) {
            return SINK;
        }
        String id = station.id().toLowerCase(Locale.ROOT);
        for (MachineKind kind : values()) {
            if (kind.hints.stream().anyMatch(id::contains)) {
                return kind;
            }
        }
        return GENERIC;
    }

    /** Half the footprint along the flow, metres. */
    public double halfLength() {
        return halfLength;
    }

    /** Half the footprint across the flow, metres. */
    public double halfDepth() {
        return halfDepth;
    }

    /** What a person calls it, for the legend. */
    public String description() {
        return description;
    }
}
