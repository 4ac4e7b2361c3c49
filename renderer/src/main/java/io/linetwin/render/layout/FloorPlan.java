package io.linetwin.render.layout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where every station stands, how every link runs (with the rack beside it), the AGV lanes, and the floor area
 * that holds them all.
 */
public record FloorPlan(Map<String, Footprint> stations, Map<String, Link> links, AgvNetwork agvs) {

    public FloorPlan {
        stations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stations));
        links = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(links));
        Objects.requireNonNull(agvs, "agvs");
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

    public Optional<Link> link(String id) {
        return Optional.ofNullable(links.get(id));
    }

    /** Every rack, by the id of its link. */
    public Map<String, Footprint> racks() {
        Map<String, Footprint> racks = new LinkedHashMap<>();
        links.forEach((id, link) -> link.rack().ifPresent(r -> racks.put(id, r)));
        return racks;
    }

    /** Footprints of the stations and racks: what links, labels and other equipment must keep clear of. */
    public List<Footprint> solids() {
        List<Footprint> all = new ArrayList<>(stations.values());
        all.addAll(racks().values());
        return all;
    }

    public double minX() {
        double m =
                solids().stream().mapToDouble(f -> f.x() - f.boundHalfX()).min().orElseThrow();
        for (Link link : links.values()) {
            for (double x : link.route().xs()) {
                m = Math.min(m, x);
            }
        }
        return Math.min(m, agvs.minX());
    }

    public double maxX() {
        double m =
                solids().stream().mapToDouble(f -> f.x() + f.boundHalfX()).max().orElseThrow();
        for (Link link : links.values()) {
            for (double x : link.route().xs()) {
                m = Math.max(m, x);
            }
        }
        return Math.max(m, agvs.maxX());
    }

    public double minZ() {
        double m =
                solids().stream().mapToDouble(f -> f.z() - f.boundHalfZ()).min().orElseThrow();
        for (Link link : links.values()) {
            for (double z : link.route().zs()) {
                m = Math.min(m, z);
            }
        }
        return Math.min(m, agvs.minZ());
    }

    public double maxZ() {
        double m =
                solids().stream().mapToDouble(f -> f.z() + f.boundHalfZ()).max().orElseThrow();
        for (Link link : links.values()) {
            for (double z : link.route().zs()) {
                m = Math.max(m, z);
            }
        }
        return Math.max(m, agvs.maxZ());
    }
}
