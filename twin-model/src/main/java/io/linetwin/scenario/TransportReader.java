package io.linetwin.scenario;

import io.linetwin.model.BufferSpec;
import io.linetwin.model.Limits;
import io.linetwin.model.PathGraph;
import io.linetwin.model.TransportSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code line.transport}: {@code {agvs, speed, load, unload, park, moves: [{id, from, to, distance,
 * capacity}], paths: {nodes: [{id, x, z, station}], edges: [{from, to, length, oneWay}]}}}. Each move becomes a
 * link of the line (id default {@code <from>-to-<to>}, capacity: parts that may wait for pickup, default 1),
 * checked like a buffer by the topology rules. With {@code paths}, moves give no distance: every station the
 * vehicles visit needs a node, and each must reach every pickup place over the edges.
 */
final class TransportReader {

    private TransportReader() {}

    static Optional<TransportSpec> read(
            YamlCursor at,
            Map<String, YamlCursor> ids,
            List<TopologyCheck.Link> links,
            List<BufferSpec> buffers,
            java.util.Set<String> stations) {
        Optional<MappingReader> mapping = at.mapping();
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        MappingReader map = mapping.get().allow(List.of("agvs", "speed", "load", "unload", "park", "moves", "paths"));
        int before = at.problems().count();
        int agvs = map.required("agvs")
                .flatMap(c -> c.integer(1, Limits.MAX_VEHICLES))
                .orElse(1);
        Optional<Double> speed = map.required("speed").flatMap(c -> ConveyorReader.quantity(c, Units.Quantity.SPEED));
        double load = map.optional("load").flatMap(YamlCursor::duration).orElse(0.0);
        double unload = map.optional("unload").flatMap(YamlCursor::duration).orElse(0.0);
        Optional<String> park = map.optional("park").flatMap(c -> {
            Optional<String> id = c.id();
            id.filter(p -> !ids.containsKey(p))
                    .ifPresent(p -> c.problem(
                            ProblemCode.REFERENCE_UNKNOWN_STATION,
                            "no station '" + p + "'" + Suggestions.hint(p, ids.keySet())));
            return id;
        });
        boolean withPaths = map.has("paths");
        Optional<PathGraph> paths = map.optional("paths").flatMap(c -> paths(c, stations));
        List<TransportSpec.Move> moves = new ArrayList<>();
        Map<String, YamlCursor> placesAt = new java.util.LinkedHashMap<>();
        map.optional("park").ifPresent(c -> park.ifPresent(p -> placesAt.put(p, c)));
        map.required("moves")
                .flatMap(c -> c.items("id", Limits.MAX_MOVES))
                .ifPresent(items -> items.forEach(item ->
                        move(item, ids, links, buffers, withPaths, placesAt).ifPresent(moves::add)));
        if (at.problems().count() > before) {
            return Optional.empty();
        }
        List<TransportSpec.Move> routed = paths.map(graph -> onPaths(
                        graph, moves, park, placesAt, map.optional("paths").orElseThrow()))
                .orElse(Optional.of(moves))
                .orElse(null);
        if (routed == null) {
            return Optional.empty();
        }
        return at.problems()
                .guard(
                        at.node(),
                        at.path(),
                        () -> new TransportSpec(agvs, speed.get(), load, unload, park, routed, paths));
    }

    /**
     * Every place a vehicle visits needs a node and a path to every pickup place (and the park); each move's
     * distance is then its shortest path. Empty (problems reported) when the graph does not serve the moves.
     */
    private static Optional<List<TransportSpec.Move>> onPaths(
            PathGraph graph,
            List<TransportSpec.Move> moves,
            Optional<String> park,
            Map<String, YamlCursor> placesAt,
            YamlCursor pathsAt) {
        boolean ok = true;
        for (Map.Entry<String, YamlCursor> place : placesAt.entrySet()) {
            if (graph.nodeOf(place.getKey()).isEmpty()) {
                place.getValue()
                        .problem(
                                ProblemCode.TRANSPORT_PATHS,
                                "station '" + place.getKey() + "' has no node in transport.paths.nodes"
                                        + " (give a node 'station: " + place.getKey() + "')");
                ok = false;
            }
        }
        if (!ok) {
            return Optional.empty();
        }
        java.util.Set<String> pickups = new java.util.LinkedHashSet<>();
        moves.forEach(m -> pickups.add(m.from()));
        park.ifPresent(pickups::add);
        for (String from : placesAt.keySet()) {
            for (String to : pickups) {
                if (graph.stationDistance(from, to).isEmpty()) {
                    pathsAt.problem(
                            ProblemCode.TRANSPORT_PATHS,
                            "the path graph is disconnected: no path from station '" + from + "' (node '"
                                    + graph.nodeOf(from).orElseThrow().id() + "') to station '" + to + "' (node '"
                                    + graph.nodeOf(to).orElseThrow().id() + "')");
                    return Optional.empty();
                }
            }
        }
        return Optional.of(moves.stream()
                .map(m -> new TransportSpec.Move(
                        m.id(),
                        m.from(),
                        m.to(),
                        graph.stationDistance(m.from(), m.to()).getAsDouble()))
                .toList());
    }

    private static Optional<PathGraph> paths(YamlCursor at, java.util.Set<String> stations) {
        Optional<MappingReader> mapping = at.mapping();
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        MappingReader map = mapping.get().allow(List.of("nodes", "edges"));
        int before = at.problems().count();
        List<PathGraph.Node> nodes = new ArrayList<>();
        Map<String, YamlCursor> nodeIds = new java.util.LinkedHashMap<>();
        Map<String, YamlCursor> stationNodes = new java.util.HashMap<>();
        map.required("nodes")
                .flatMap(c -> c.items("id", Limits.MAX_PATH_NODES))
                .ifPresent(items -> items.forEach(item -> item.mapping().ifPresent(node -> {
                    node.allow(List.of("id", "x", "z", "station"));
                    Optional<String> id = node.required("id").flatMap(YamlCursor::id);
                    double x = node.required("x").flatMap(YamlCursor::number).orElse(0.0);
                    double z = node.required("z").flatMap(YamlCursor::number).orElse(0.0);
                    Optional<String> station = node.optional("station").flatMap(c -> {
                        Optional<String> s = c.id();
                        s.filter(v -> !stations.contains(v))
                                .ifPresent(v -> c.problem(
                                        ProblemCode.REFERENCE_UNKNOWN_STATION,
                                        "no station '" + v + "'" + Suggestions.hint(v, stations)));
                        s.filter(stationNodes::containsKey)
                                .ifPresent(v -> c.problem(
                                        ProblemCode.ID_DUPLICATE,
                                        "station '" + v + "' already has node at "
                                                + LineReader.position(stationNodes.get(v))));
                        s.ifPresent(v -> stationNodes.putIfAbsent(v, item));
                        return s;
                    });
                    id.ifPresent(i -> {
                        YamlCursor first = nodeIds.putIfAbsent(i, item);
                        if (first != null) {
                            item.problem(
                                    ProblemCode.ID_DUPLICATE,
                                    "duplicate node id '" + i + "' (first used at " + LineReader.position(first) + ")");
                        } else {
                            nodes.add(new PathGraph.Node(i, x, z, station));
                        }
                    });
                })));
        List<PathGraph.Edge> edges = new ArrayList<>();
        map.required("edges")
                .flatMap(c -> c.items("id", Limits.MAX_PATH_EDGES))
                .ifPresent(items -> items.forEach(item -> item.mapping().ifPresent(edge -> {
                    edge.allow(List.of("from", "to", "length", "oneWay"));
                    Optional<String> from = edge.required("from").flatMap(c -> node(c, nodeIds.keySet()));
                    Optional<String> to = edge.required("to").flatMap(c -> node(c, nodeIds.keySet()));
                    java.util.OptionalDouble length = edge.optional("length")
                            .flatMap(c -> ConveyorReader.quantity(c, Units.Quantity.LENGTH))
                            .map(java.util.OptionalDouble::of)
                            .orElse(java.util.OptionalDouble.empty());
                    boolean oneWay = edge.optional("oneWay")
                            .flatMap(c -> c.choice(List.of("true", "false")))
                            .map(Boolean::parseBoolean)
                            .orElse(false);
                    if (from.isPresent() && to.isPresent()) {
                        edges.add(new PathGraph.Edge(from.get(), to.get(), length, oneWay));
                    }
                })));
        if (at.problems().count() > before) {
            return Optional.empty();
        }
        return at.problems().guard(at.node(), at.path(), () -> new PathGraph(nodes, edges));
    }

    private static Optional<String> node(YamlCursor at, java.util.Set<String> nodes) {
        Optional<String> id = at.id();
        if (id.isPresent() && !nodes.contains(id.get())) {
            at.problem(
                    ProblemCode.REFERENCE_UNKNOWN_NODE,
                    "no node '" + id.get() + "'" + Suggestions.hint(id.get(), nodes));
            return Optional.empty();
        }
        return id;
    }

    private static Optional<TransportSpec.Move> move(
            YamlCursor at,
            Map<String, YamlCursor> ids,
            List<TopologyCheck.Link> links,
            List<BufferSpec> buffers,
            boolean withPaths,
            Map<String, YamlCursor> placesAt) {
        Optional<MappingReader> mapping = at.mapping();
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        MappingReader map = mapping.get().allow(List.of("id", "from", "to", "distance", "capacity"));
        int before = at.problems().count();
        Optional<YamlCursor> fromAt = map.required("from");
        Optional<YamlCursor> toAt = map.required("to");
        Optional<String> from = fromAt.flatMap(YamlCursor::id);
        Optional<String> to = toAt.flatMap(YamlCursor::id);
        Optional<String> id =
                map.optional("id").map(c -> c.id()).orElseGet(() -> from.flatMap(f -> to.map(t -> f + "-to-" + t)));
        Optional<Double> distance;
        if (withPaths) {
            map.optional("distance")
                    .ifPresent(c -> c.problem(
                            ProblemCode.TRANSPORT_PATHS,
                            "expected no distance when transport has paths (a move"
                                    + " drives the shortest path between its stations' nodes), got " + c.describe()));
            distance = Optional.of(1.0);
        } else {
            distance = map.required("distance").flatMap(c -> ConveyorReader.quantity(c, Units.Quantity.LENGTH));
        }
        int capacity = map.optional("capacity")
                .flatMap(c -> c.integer(1, Limits.MAX_CONVEYOR_CAPACITY))
                .orElse(1);
        if (id.isEmpty() || fromAt.isEmpty() || toAt.isEmpty()) {
            return Optional.empty();
        }
        YamlCursor first = ids.putIfAbsent(id.get(), at);
        if (first != null) {
            at.problem(
                    ProblemCode.ID_DUPLICATE,
                    "duplicate id '" + id.get() + "' (first used at " + LineReader.position(first) + ")");
            return Optional.empty();
        }
        links.add(new TopologyCheck.Link(id.get(), at, from, fromAt.get(), to, toAt.get()));
        if (at.problems().count() > before || from.equals(to)) {
            return Optional.empty();
        }
        buffers.add(new BufferSpec(id.get(), from.get(), to.get(), capacity));
        placesAt.putIfAbsent(from.get(), fromAt.get());
        placesAt.putIfAbsent(to.get(), toAt.get());
        return at.problems()
                .guard(
                        at.node(),
                        at.path(),
                        () -> new TransportSpec.Move(id.get(), from.get(), to.get(), distance.get()));
    }
}
