package io.linetwin.render.layout;

import java.util.Map;
import java.util.Optional;

/** Where every station and buffer of a line stands, and the floor area that holds them all. */
public record FloorPlan(Map<String, Footprint> stations, Map<String, BufferPlacement> buffers) {

    public FloorPlan {
        stations = Map.copyOf(stations);
        buffers = Map.copyOf(buffers);
        if (stations.isEmpty()) {
            throw new IllegalArgumentException("a floor plan needs at least one station, got none");
        }
    }

    public Footprint station(String id) {
        Footprint footprint = stations.get(id);
        if (footprint == null) {
            throw new IllegalArgumentException("station must be on the floor plan, got " + id);
        }
        return footprint;
    }

    public Optional<BufferPlacement> buffer(String id) {
        return Optional.ofNullable(buffers.get(id));
    }

    public double minX() {
        return stations.values().stream().mapToDouble(f -> f.x() - f.boundHalfX()).min().orElseThrow();
    }

    public double maxX() {
        return stations.values().stream().mapToDouble(f -> f.x() + f.boundHalfX()).max().orElseThrow();
    }

    public double minZ() {
        return stations.values().stream().mapToDouble(f -> f.z() - f.boundHalfZ()).min().orElseThrow();
    }

    public double maxZ() {
        return stations.values().stream().mapToDouble(f -> f.z() + f.boundHalfZ()).max().orElseThrow();
    }
}
