package io.linetwin.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The paths AGVs drive on: nodes with floor coordinates (metres, x and z as in the layout), some of them a
 * station's stop, and edges between nodes, both ways unless {@code oneWay}. An edge is as long as the straight
 * line between its nodes unless it gives its own length (a curve). Travel between two stations follows the
 * shortest path between their nodes (Dijkstra).
 */
public record PathGraph(List<Node> nodes, List<Edge> edges) {

    public PathGraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        Set<String> ids = new HashSet<>();
        Set<String> stations = new HashSet<>();
        for (Node node : nodes) {
            if (!ids.add(node.id())) {
                throw new IllegalArgumentException("path node ids must be unique, got " + node.id() + " twice");
            }
            node.station().ifPresent(s -> {
                if (!stations.add(s)) {
                    throw new IllegalArgumentException("a station has one path node, got two for " + s);
                }
            });
        }
        for (Edge edge : edges) {
            if (!ids.contains(edge.from()) || !ids.contains(edge.to())) {
                throw new IllegalArgumentException(
                        "path edges must join nodes " + ids + ", got " + edge.from() + " to " + edge.to());
            }
        }
    }

    /** A node; {@code station} names the station whose stop it is, if any. */
    public record Node(String id, double xMetres, double zMetres, Optional<String> station) {
        public Node {
            Checks.id("path node id", id);
            Checks.finite("path node " + id + " x", xMetres);
            Checks.finite("path node " + id + " z", zMetres);
            Objects.requireNonNull(station, "station");
        }
    }

    /** An edge; {@code lengthMetres} empty: the straight line between its nodes. */
    public record Edge(String from, String to, OptionalDouble lengthMetres, boolean oneWay) {
        public Edge {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(lengthMetres, "lengthMetres");
            if (lengthMetres.isPresent()) {
                Checks.positive("path edge " + from + "-" + to + " length", lengthMetres.getAsDouble());
            }
        }
    }

    /** The node of {@code station}, if it has one. */
    public Optional<Node> nodeOf(String station) {
        return nodes.stream()
                .filter(n -> n.station().equals(Optional.of(station)))
                .findFirst();
    }

    /** Metres of the shortest path from station {@code a}'s node to station {@code b}'s; empty when none. */
    public OptionalDouble stationDistance(String a, String b) {
        Optional<Node> from = nodeOf(a);
        Optional<Node> to = nodeOf(b);
        if (from.isEmpty() || to.isEmpty()) {
            return OptionalDouble.empty();
        }
        return shortest(from.get().id(), to.get().id());
    }

    /** Metres of the shortest path between two nodes (Dijkstra over the edges); empty when there is none. */
    public OptionalDouble shortest(String fromNode, String toNode) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            index.put(nodes.get(i).id(), i);
        }
        List<List<double[]>> out = new ArrayList<>();
        nodes.forEach(n -> out.add(new ArrayList<>()));
        for (Edge edge : edges) {
            int a = index.get(edge.from());
            int b = index.get(edge.to());
            double length = edge.lengthMetres()
                    .orElse(Math.hypot(
                            nodes.get(a).xMetres() - nodes.get(b).xMetres(),
                            nodes.get(a).zMetres() - nodes.get(b).zMetres()));
            out.get(a).add(new double[] {b, length});
            if (!edge.oneWay()) {
                out.get(b).add(new double[] {a, length});
            }
        }
        double[] best = new double[nodes.size()];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        int start = index.get(fromNode);
        int goal = index.get(toNode);
        best[start] = 0;
        PriorityQueue<double[]> queue = new PriorityQueue<>((x, y) -> Double.compare(x[1], y[1]));
        queue.add(new double[] {start, 0});
        while (!queue.isEmpty()) {
            double[] head = queue.poll();
            int node = (int) head[0];
            if (head[1] > best[node]) {
                continue;
            }
            if (node == goal) {
                return OptionalDouble.of(head[1]);
            }
            for (double[] edge : out.get(node)) {
                int next = (int) edge[0];
                double length = head[1] + edge[1];
                if (length < best[next]) {
                    best[next] = length;
                    queue.add(new double[] {next, length});
                }
            }
        }
        return OptionalDouble.empty();
    }
}
