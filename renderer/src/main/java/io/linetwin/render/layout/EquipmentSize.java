package io.linetwin.render.layout;

import io.linetwin.model.StationSpec;

/**
 * Half extents (metres) of a station's footprint by its shape. The scene draws within these extents, so the
 * layout can promise no overlaps without knowing any geometry.
 */
public final class EquipmentSize {

    /** The largest half extent any shape uses; the layout's pitch is derived from it. */
    public static final double MAX_HALF = 2.2;

    private EquipmentSize() {
    }

    public static double halfWidth(StationSpec station) {
        return MachineKind.of(station) == MachineKind.OVEN ? MAX_HALF : 1.5;
    }

    public static double halfDepth(StationSpec station) {
        return MachineKind.of(station) == MachineKind.OVEN ? 1.2 : 1.5;
    }
}
