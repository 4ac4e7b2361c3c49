package io.linetwin.render.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * The lanes AGVs drive on: the scenario's path graph where it has one, else the routed lanes of the fleet's
 * moves. A trip between two stations follows the shortest path between their stops, so vehicles are drawn
 * along the lanes, never across the floor.
 */
public final class AgvNetwork {

    private final List<double[]> points = new ArrayList<>();
    private final List<List<int[]>> next = new ArrayList<>();
    private final List<int[]> lanes = new ArrayList<>();
    private final Map<String, Integer> stops = new HashMap<>();

    /** A network with no lanes. */
    public static AgvNetwork none() {
        return new AgvNetwork();
    }

    /** Adds a point and returns its index. */
    int point(double x, double z) {
        for (int i = 0; i < points.size(); i++) {
            if (Math.hypot(points.get(i)[0] - x, points.get(i)[1] - z) < 1e-6) {
                return i;
            }
        }
        points.add(new double[] {x, z});
        next.add(new ArrayList<>());
        return points.size() - 1;
    }

    /** A lane between two points, drivable from {@code a} to {@code b}, and back unless {@code oneWay}. */
    void lane(int a, int b, boolean oneWay) {
        if (a == b) {
            return;
        }
        lanes.add(new int[] {a, b});
        next.get(a).add(new int[] {b});
        if (!oneWay) {
            next.get(b).add(new int[] {a});
        }
    }

    /** Every point of {@code path} joined in order, both ways. */
    void path(Polyline path) {
        int previous = point(path.xs()[0], path.zs()[0]);
        for (int i = 1; i < path.points(); i++) {
            int here = point(path.xs()[i], path.zs()[i]);
            lane(previous, here, false);
            previous = here;
        }
    }

    /** {@code station}'s vehicles stop at point {@code index}. */
    void stop(String station, int index) {
        stops.putIfAbsent(station, index);
    }

    public boolean isEmpty() {
        return lanes.isEmpty();
    }

    /** Each lane as a two-point polyline, for painting. */
    public List<Polyline> lanes() {
        List<Polyline> out = new ArrayList<>();
        for (int[] lane : lanes) {
            double[] a = points.get(lane[0]);
            double[] b = points.get(lane[1]);
            out.add(Polyline.of(a[0], a[1], b[0], b[1]));
        }
        return out;
    }

    /** Where {@code station}'s vehicles stop, if they do. */
    public Optional<double[]> stop(String station) {
        Integer index = stops.get(station);
        return index == null ? Optional.empty() : Optional.of(points.get(index).clone());
    }

    /** The shortest drive along the lanes from {@code from}'s stop to {@code to}'s; empty when there is none. */
    public Optional<Polyline> route(String from, String to) {
        Integer start = stops.get(from);
        Integer goal = stops.get(to);
        if (start == null || goal == null) {
            return Optional.empty();
        }
        if (start.equals(goal)) {
            double[] p = points.get(start);
            return Optional.of(Polyline.of(p[0], p[1], p[0], p[1]));
        }
        double[] best = new double[points.size()];
        int[] previous = new int[points.size()];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        Arrays.fill(previous, -1);
        best[start] = 0;
        PriorityQueue<double[]> queue = new PriorityQueue<>((a, b) -> Double.compare(a[1], b[1]));
        queue.add(new double[] {start, 0});
        while (!queue.isEmpty()) {
            double[] head = queue.poll();
            int node = (int) head[0];
            if (head[1] > best[node]) {
                continue;
            }
            for (int[] edge : next.get(node)) {
                int to2 = edge[0];
                double length = head[1]
                        + Math.hypot(
                                points.get(node)[0] - points.get(to2)[0], points.get(node)[1] - points.get(to2)[1]);
                if (length < best[to2]) {
                    best[to2] = length;
                    previous[to2] = node;
                    queue.add(new double[] {to2, length});
                }
            }
        }
        if (Double.isInfinite(best[goal])) {
            return Optional.empty();
        }
        List<double[]> path = new ArrayList<>();
        for (int at = goal; at != -1; at = previous[at]) {
            path.add(points.get(at));
        }
        Collections.reverse(path);
        return Optional.of(Polyline.simplified(path));
    }

    double minX() {
        return points.stream().mapToDouble(p -> p[0]).min().orElse(Double.POSITIVE_INFINITY);
    }

    double maxX() {
        return points.stream().mapToDouble(p -> p[0]).max().orElse(Double.NEGATIVE_INFINITY);
    }

    double minZ() {
        return points.stream().mapToDouble(p -> p[1]).min().orElse(Double.POSITIVE_INFINITY);
    }

    double maxZ() {
        return points.stream().mapToDouble(p -> p[1]).max().orElse(Double.NEGATIVE_INFINITY);
    }
}
