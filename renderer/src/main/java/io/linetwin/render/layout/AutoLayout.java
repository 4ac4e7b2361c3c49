package io.linetwin.render.layout;

import io.linetwin.model.BufferSpec;
import io.linetwin.model.LayoutSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.StationSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The floor plan of a line. Stations with a {@code layout} entry stand where it says; the others follow the
 * flow order in a serpentine (left to right, then right to left on the next row, ...) below the placed ones.
 * Rows hold about sqrt(2.5 n) stations, which keeps long lines close to a 16:9 picture. The pitch leaves room
 * for the widest equipment plus a rack between neighbours, so automatic footprints never overlap.
 */
public final class AutoLayout {

    /** Centre-to-centre distance along a row: two widest halves plus a 2.6 m gap for the rack. */
    static final double PITCH_X = 2 * EquipmentSize.MAX_HALF + 2.6;
    /** Centre-to-centre distance between rows: room for labels and the turn's rack. */
    static final double PITCH_Z = 9.0;
    private static final double RACK_MAX_LENGTH = 3.0;
    private static final double RACK_CLEARANCE = 0.4;
    private static final double RACK_HALF_WIDTH = 0.45;

    private AutoLayout() {
    }

    public static FloorPlan plan(LineSpec line) {
        Map<String, Footprint> stations = new HashMap<>();
        for (Map.Entry<String, LayoutSpec> placed : line.layout().entrySet()) {
            StationSpec station = line.station(placed.getKey()).orElseThrow();
            LayoutSpec at = placed.getValue();
            stations.put(station.id(), new Footprint(station.id(), at.xMetres(), at.zMetres(),
                    EquipmentSize.halfWidth(station), EquipmentSize.halfDepth(station), at.rotationDegrees()));
        }
        List<String> free = FlowOrder.of(line).stream().filter(id -> !stations.containsKey(id)).toList();
        double originZ = stations.isEmpty() ? 0
                : stations.values().stream().mapToDouble(f -> f.z() + f.boundHalfZ()).max().orElseThrow()
                        + PITCH_Z;
        int perRow = rowLength(free.size());
        for (int i = 0; i < free.size(); i++) {
            int row = i / perRow;
            int column = row % 2 == 0 ? i % perRow : perRow - 1 - i % perRow;
            StationSpec station = line.station(free.get(i)).orElseThrow();
            stations.put(station.id(), new Footprint(station.id(), column * PITCH_X, originZ + row * PITCH_Z,
                    EquipmentSize.halfWidth(station), EquipmentSize.halfDepth(station), 0));
        }
        Map<String, BufferPlacement> buffers = new HashMap<>();
        for (BufferSpec buffer : line.buffers()) {
            buffers.put(buffer.id(), rack(buffer, stations.get(buffer.from()), stations.get(buffer.to())));
        }
        return new FloorPlan(stations, buffers);
    }

    static int rowLength(int stations) {
        return Math.max(4, (int) Math.ceil(Math.sqrt(stations * 2.5)));
    }

    /** A rack centred in the gap between two footprints, as long as the gap allows (none for hand-overs). */
    private static BufferPlacement rack(BufferSpec buffer, Footprint from, Footprint to) {
        double dx = to.x() - from.x();
        double dz = to.z() - from.z();
        double distance = Math.hypot(dx, dz);
        double angle = Math.toDegrees(Math.atan2(-dz, dx));
        double midX = (from.x() + to.x()) / 2;
        double midZ = (from.z() + to.z()) / 2;
        double length = 0;
        if (buffer.capacity() > 0 && distance > 0) {
            double ux = Math.abs(dx) / distance;
            double uz = Math.abs(dz) / distance;
            double fromReach = reach(from, ux, uz);
            double toReach = reach(to, ux, uz);
            double gap = distance - fromReach - toReach - 2 * RACK_CLEARANCE;
            length = Math.max(0, Math.min(RACK_MAX_LENGTH, gap));
            double centre = fromReach + RACK_CLEARANCE + gap / 2;
            midX = from.x() + dx / distance * centre;
            midZ = from.z() + dz / distance * centre;
        }
        Footprint rack = new Footprint(buffer.id(), midX, midZ, Math.max(length / 2, 0.05), RACK_HALF_WIDTH, angle);
        return new BufferPlacement(buffer.id(), rack, angle, length);
    }

    /** How far a footprint's bounding box reaches from its centre along a direction (|ux|, |uz|). */
    private static double reach(Footprint f, double ux, double uz) {
        double alongX = ux > 1e-9 ? f.boundHalfX() / ux : Double.POSITIVE_INFINITY;
        double alongZ = uz > 1e-9 ? f.boundHalfZ() / uz : Double.POSITIVE_INFINITY;
        return Math.min(alongX, alongZ);
    }
}
