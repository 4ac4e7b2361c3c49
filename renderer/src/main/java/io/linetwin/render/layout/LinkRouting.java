package io.linetwin.render.layout;

import io.linetwin.model.BufferSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.PathGraph;
import io.linetwin.model.TransportSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Joins placed stations: each link leaves one station by a face and enters the other by a face (the main line by
 * the front and back, everything else by the face nearest the other end, ports spread along a shared face), is
 * routed around the equipment, and gets its rack beside its longest straight run; then the AGV lanes.
 */
final class LinkRouting {

    /** Faces in the station's own frame: front (+u, downstream), left (-v), back (-u), right (+v). */
    private static final int FRONT = 0;

    private static final int LEFT = 1;
    private static final int BACK = 2;
    private static final int RIGHT = 3;

    private final LineSpec line;
    private final List<String> main;
    private final Map<String, Footprint> stations;

    LinkRouting(LineSpec line, List<String> main, Map<String, Footprint> stations) {
        this.line = line;
        this.main = main;
        this.stations = stations;
    }

    private record End(String station, int face, double towardX, double towardZ) {}

    FloorPlan plan() {
        Map<String, End[]> ends = new LinkedHashMap<>();
        Map<String, List<End>> onFace = new HashMap<>();
        List<BufferSpec> ordered = new ArrayList<>();
        for (int i = 0; i + 1 < main.size(); i++) {
            String a = main.get(i);
            String b = main.get(i + 1);
            line.outbound(a).stream().filter(x -> x.to().equals(b)).findFirst().ifPresent(ordered::add);
        }
        line.buffers().stream().filter(b -> !ordered.contains(b)).forEach(ordered::add);
        for (BufferSpec buffer : ordered) {
            boolean mainLink = isMainLink(buffer);
            Footprint a = stations.get(buffer.from());
            Footprint b = stations.get(buffer.to());
            End from = new End(buffer.from(), mainLink ? FRONT : face(a, b, FRONT), b.x(), b.z());
            End to = new End(buffer.to(), mainLink ? BACK : face(b, a, BACK), a.x(), a.z());
            ends.put(buffer.id(), new End[] {from, to});
            onFace.computeIfAbsent(from.station() + "/" + from.face(), k -> new ArrayList<>())
                    .add(from);
            onFace.computeIfAbsent(to.station() + "/" + to.face(), k -> new ArrayList<>())
                    .add(to);
        }
        Router router = new Router();
        stations.values().forEach(router::obstacle);
        Map<String, Link> links = new LinkedHashMap<>();
        for (BufferSpec buffer : ordered) {
            End[] e = ends.get(buffer.id());
            Router.Port from = port(e[0], onFace);
            Router.Port to = port(e[1], onFace);
            Polyline route = router.route(from, to).orElse(Polyline.of(from.x(), from.z(), to.x(), to.z()));
            links.put(
                    buffer.id(),
                    new Link(buffer.id(), buffer.from(), buffer.to(), type(buffer), route, Optional.empty()));
        }
        racks(links);
        return new FloorPlan(stations, links, agvs(links));
    }

    private boolean isMainLink(BufferSpec buffer) {
        int i = main.indexOf(buffer.from());
        return i >= 0 && i + 1 < main.size() && main.get(i + 1).equals(buffer.to());
    }

    private Link.Type type(BufferSpec buffer) {
        if (line.conveyor(buffer.id()).isPresent()) {
            return Link.Type.CONVEYOR;
        }
        return line.move(buffer.id()).isPresent() ? Link.Type.AGV : Link.Type.TRANSFER;
    }

    /**
     * The face of {@code f} that looks most towards {@code other}, with a lean to {@code flowFace} (parts leave by
     * the front and arrive at the back where that is roughly the way); the main line's ends stay free for it.
     */
    private int face(Footprint f, Footprint other, int flowFace) {
        double length = Math.max(1e-9, Math.hypot(other.x() - f.x(), other.z() - f.z()));
        double dx = (other.x() - f.x()) / length;
        double dz = (other.z() - f.z()) / length;
        int best = LEFT;
        double bestDot = Double.NEGATIVE_INFINITY;
        boolean onMain = main.contains(f.id());
        for (int face = 0; face < 4; face++) {
            if (onMain && (face == FRONT || face == BACK)) {
                continue;
            }
            double[] n = normal(f, face);
            double dot = n[0] * dx + n[1] * dz + (face == flowFace ? 0.5 : 0);
            if (dot > bestDot) {
                bestDot = dot;
                best = face;
            }
        }
        return best;
    }

    private static double[] normal(Footprint f, int face) {
        double ax = f.axisX();
        double az = f.axisZ();
        return switch (face) {
            case FRONT -> new double[] {ax, az};
            case BACK -> new double[] {-ax, -az};
            case LEFT -> new double[] {az, -ax};
            default -> new double[] {-az, ax};
        };
    }

    /** Where {@code end} meets its face: links sharing a face are spread along it, ordered to avoid crossing. */
    private Router.Port port(End end, Map<String, List<End>> onFace) {
        Footprint f = stations.get(end.station());
        List<End> shared = new ArrayList<>(onFace.get(end.station() + "/" + end.face()));
        boolean acrossU = end.face() == FRONT || end.face() == BACK;
        double half = acrossU ? f.halfDepth() : f.halfWidth();
        // Tangent of the face in the station's frame: v for front/back, u for left/right.
        shared.sort(Comparator.comparingDouble(
                x -> acrossU ? localV(f, x.towardX(), x.towardZ()) : localU(f, x.towardX(), x.towardZ())));
        int k = shared.size();
        int index = 0;
        while (shared.get(index) != end) {
            index++;
        }
        double spacing = Math.min(1.0, 1.6 * half / k);
        double offset = (index - (k - 1) / 2.0) * spacing;
        double u;
        double v;
        switch (end.face()) {
            case FRONT -> {
                u = f.halfWidth();
                v = offset;
            }
            case BACK -> {
                u = -f.halfWidth();
                v = offset;
            }
            case LEFT -> {
                u = offset;
                v = -f.halfDepth();
            }
            default -> {
                u = offset;
                v = f.halfDepth();
            }
        }
        double[] n = normal(f, end.face());
        return new Router.Port(f.worldX(u, v), f.worldZ(u, v), Router.direction(n[0], n[1]));
    }

    private static double localU(Footprint f, double x, double z) {
        return (x - f.x()) * f.axisX() + (z - f.z()) * f.axisZ();
    }

    private static double localV(Footprint f, double x, double z) {
        return -(x - f.x()) * f.axisZ() + (z - f.z()) * f.axisX();
    }

    /**
     * Racks beside the longest straight run of each roller transfer whose buffer holds parts (capacity 0 is a direct
     * hand-over), right of the flow where there is room, else left; never on equipment, another rack or a link.
     */
    private void racks(Map<String, Link> links) {
        List<Footprint> racks = new ArrayList<>();
        for (Link link : new ArrayList<>(links.values())) {
            BufferSpec buffer = line.buffer(link.id()).orElseThrow();
            if (link.type() != Link.Type.TRANSFER || buffer.capacity() == 0) {
                continue;
            }
            Optional<Footprint> rack = rack(link, links, racks);
            rack.ifPresent(racks::add);
            links.put(link.id(), link.withRack(rack));
        }
    }

    private Optional<Footprint> rack(Link link, Map<String, Link> links, List<Footprint> racks) {
        Polyline route = link.route();
        List<Integer> segments = new ArrayList<>();
        for (int i = 0; i < route.segments(); i++) {
            segments.add(i);
        }
        segments.sort(Comparator.comparingDouble(i -> -route.segmentLength(i)));
        for (int i : segments) {
            double length = Math.min(AutoLayout.RACK_MAX_LENGTH, route.segmentLength(i) - 0.7);
            if (length < 1.0) {
                break;
            }
            double dx = (route.xs()[i + 1] - route.xs()[i]) / route.segmentLength(i);
            double dz = (route.zs()[i + 1] - route.zs()[i]) / route.segmentLength(i);
            double cx = (route.xs()[i] + route.xs()[i + 1]) / 2;
            double cz = (route.zs()[i] + route.zs()[i + 1]) / 2;
            double angle = Math.toDegrees(Math.atan2(-dz, dx));
            for (double side : new double[] {-1, 1}) {
                double off = side * AutoLayout.RACK_OFFSET;
                Footprint rack = new Footprint(
                        link.id(), cx + dz * off, cz - dx * off, length / 2, AutoLayout.RACK_HALF_DEPTH, angle);
                boolean clear = stations.values().stream()
                                .noneMatch(s -> s.grown(0.25).overlaps(rack))
                        && racks.stream().noneMatch(r -> r.grown(0.2).overlaps(rack))
                        && links.values().stream().noneMatch(l -> l.route().crosses(rack.grown(0.2)));
                if (clear) {
                    return Optional.of(rack);
                }
            }
        }
        return Optional.empty();
    }

    /** The scenario's path graph where it gives one, else the lanes of the fleet's moves. */
    private AgvNetwork agvs(Map<String, Link> links) {
        AgvNetwork network = new AgvNetwork();
        Optional<TransportSpec> transport = line.transport();
        if (transport.isEmpty()) {
            return network;
        }
        Optional<PathGraph> graph = transport.get().paths();
        if (graph.isPresent()) {
            Map<String, Integer> index = new HashMap<>();
            for (PathGraph.Node node : graph.get().nodes()) {
                int i = network.point(node.xMetres(), node.zMetres());
                index.put(node.id(), i);
                node.station().ifPresent(s -> network.stop(s, i));
            }
            for (PathGraph.Edge edge : graph.get().edges()) {
                network.lane(index.get(edge.from()), index.get(edge.to()), edge.oneWay());
            }
            return network;
        }
        for (Link link : links.values()) {
            if (link.type() == Link.Type.AGV) {
                network.path(link.route());
                network.stop(
                        link.from(),
                        network.point(link.route().xs()[0], link.route().zs()[0]));
                int last = link.route().points() - 1;
                network.stop(
                        link.to(),
                        network.point(link.route().xs()[last], link.route().zs()[last]));
            }
        }
        return network;
    }
}
