package io.linetwin.render.layout;

import io.linetwin.model.StationKind;
import io.linetwin.model.StationSpec;
import java.util.List;
import java.util.Locale;

/**
 * The look of a station: sources and sinks by their kind, machines by a hint in their id (a "press-2" looks
 * like a press), anything else a generic cabinet.
 */
public enum MachineKind {
    SOURCE(List.of()),
    SINK(List.of()),
    PRESS(List.of("press", "stamp", "punch")),
    FILLER(List.of("fill", "cap", "label", "rinse", "blow")),
    ROBOT(List.of("robot", "weld", "cell", "assembl", "pick")),
    OVEN(List.of("oven", "furnace", "dry", "cure", "kiln", "bake", "paint")),
    PACKER(List.of("pack", "pallet", "wrap", "case", "box")),
    GENERIC(List.of());

    private final List<String> hints;

    MachineKind(List<String> hints) {
        this.hints = hints;
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
}
