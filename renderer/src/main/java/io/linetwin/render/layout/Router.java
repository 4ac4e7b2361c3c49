package io.linetwin.render.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * Routes links orthogonally around equipment: A* on a half-metre grid aligned to the route's first corner,
 * where a step costs one, a bend costs {@value #BEND} and a cell another route already uses costs
 * {@value #SHARED} more (so routes keep apart), and cells within {@value #CLEARANCE} m of a footprint are
 * closed. A route leaves its first port and enters its last one straight, {@value #STUB} m from the face.
 */
final class Router {

    static final double CELL = 0.5;
    static final double CLEARANCE = 0.35;
    static final double STUB = 0.9;
    private static final int BEND = 6;
    private static final int SHARED = 3;
    private static final int[] DX = {1, 0, -1, 0};
    private static final int[] DZ = {0, 1, 0, -1};
    private static final double MARGIN = 14;

    private final List<Footprint> obstacles = new ArrayList<>();
    private final List<Polyline> routed = new ArrayList<>();

    void obstacle(Footprint footprint) {
        obstacles.add(footprint);
    }

    /** A port: a point on a face and the outward direction (snapped to an axis). */
    record Port(double x, double z, int direction) {
        double stubX() {
            return x + DX[direction] * STUB;
        }

        double stubZ() {
            return z + DZ[direction] * STUB;
        }
    }

    /** The axis direction (0 +x, 1 +z, 2 -x, 3 -z) nearest to a vector. */
    static int direction(double vx, double vz) {
        if (Math.abs(vx) >= Math.abs(vz)) {
            return vx >= 0 ? 0 : 2;
        }
        return vz >= 0 ? 1 : 3;
    }

    /** A straight route when the ports face each other on one line, else an A* route; empty if none exists. */
    Optional<Polyline> route(Port from, Port to) {
        boolean facing = from.direction() == (to.direction() + 2) % 4;
        boolean alongX = from.direction() % 2 == 0;
        if (facing && (alongX ? Math.abs(from.z() - to.z()) < 1e-6 : Math.abs(from.x() - to.x()) < 1e-6)) {
            double ahead =
                    alongX ? (to.x() - from.x()) * DX[from.direction()] : (to.z() - from.z()) * DZ[from.direction()];
            Polyline straight = Polyline.of(from.x(), from.z(), to.x(), to.z());
            if (ahead > 0 && obstacles.stream().noneMatch(straight::crosses)) {
                routed.add(straight);
                return Optional.of(straight);
            }
        }
        for (double margin : new double[] {MARGIN, 4 * MARGIN}) {
            Optional<Polyline> path = search(from, to, margin);
            if (path.isPresent()) {
                routed.add(path.get());
                return path;
            }
        }
        return Optional.empty();
    }

    private Optional<Polyline> search(Port from, Port to, double margin) {
        double originX = from.stubX();
        double originZ = from.stubZ();
        int c0 = (int) Math.floor((Math.min(from.stubX(), to.stubX()) - margin - originX) / CELL);
        int c1 = (int) Math.ceil((Math.max(from.stubX(), to.stubX()) + margin - originX) / CELL);
        int r0 = (int) Math.floor((Math.min(from.stubZ(), to.stubZ()) - margin - originZ) / CELL);
        int r1 = (int) Math.ceil((Math.max(from.stubZ(), to.stubZ()) + margin - originZ) / CELL);
        int cols = c1 - c0 + 1;
        int rows = r1 - r0 + 1;
        boolean[] closed = new boolean[cols * rows];
        int[] used = new int[cols * rows];
        for (Footprint f : obstacles) {
            Footprint grown = f.grown(CLEARANCE);
            int fc0 = Math.max(0, (int) Math.floor((f.x() - grown.boundHalfX() - originX) / CELL) - c0);
            int fc1 = Math.min(cols - 1, (int) Math.ceil((f.x() + grown.boundHalfX() - originX) / CELL) - c0);
            int fr0 = Math.max(0, (int) Math.floor((f.z() - grown.boundHalfZ() - originZ) / CELL) - r0);
            int fr1 = Math.min(rows - 1, (int) Math.ceil((f.z() + grown.boundHalfZ() - originZ) / CELL) - r0);
            for (int r = fr0; r <= fr1; r++) {
                for (int c = fc0; c <= fc1; c++) {
                    if (grown.contains(originX + (c + c0) * CELL, originZ + (r + r0) * CELL)) {
                        closed[r * cols + c] = true;
                    }
                }
            }
        }
        for (Polyline p : routed) {
            for (int s = 0; s < p.segments(); s++) {
                double length = p.segmentLength(s);
                int steps = (int) Math.ceil(length / (CELL / 2));
                for (int i = 0; i <= steps; i++) {
                    double f = steps == 0 ? 0 : i / (double) steps;
                    double x = p.xs()[s] + (p.xs()[s + 1] - p.xs()[s]) * f;
                    double z = p.zs()[s] + (p.zs()[s + 1] - p.zs()[s]) * f;
                    int c = (int) Math.round((x - originX) / CELL) - c0;
                    int r = (int) Math.round((z - originZ) / CELL) - r0;
                    if (c >= 0 && c < cols && r >= 0 && r < rows) {
                        used[r * cols + c] = 1;
                    }
                }
            }
        }
        int start = (0 - r0) * cols + (0 - c0);
        int goalC = (int) Math.round((to.stubX() - originX) / CELL) - c0;
        int goalR = (int) Math.round((to.stubZ() - originZ) / CELL) - r0;
        int goal = goalR * cols + goalC;
        int arrive = (to.direction() + 2) % 4;
        closed[start] = false;
        closed[goal] = false;
        int states = cols * rows * 4;
        int[] cost = new int[states];
        int[] previous = new int[states];
        Arrays.fill(cost, Integer.MAX_VALUE);
        Arrays.fill(previous, -1);
        int first = start * 4 + from.direction();
        cost[first] = 0;
        PriorityQueue<int[]> open = new PriorityQueue<>((a, b) -> Integer.compare(a[1], b[1]));
        open.add(new int[] {first, heuristic(start, goal, cols)});
        int reached = -1;
        while (!open.isEmpty()) {
            int[] head = open.poll();
            int state = head[0];
            int cell = state / 4;
            int dir = state % 4;
            if (head[1] - heuristic(cell, goal, cols) > cost[state]) {
                continue;
            }
            if (cell == goal && dir == arrive) {
                reached = state;
                break;
            }
            int c = cell % cols;
            int r = cell / cols;
            for (int turn = -1; turn <= 1; turn++) {
                int nd = (dir + 4 + turn) % 4;
                int nc = c + DX[nd];
                int nr = r + DZ[nd];
                if (nc < 0 || nc >= cols || nr < 0 || nr >= rows) {
                    continue;
                }
                int ncell = nr * cols + nc;
                if (closed[ncell]) {
                    continue;
                }
                int next = ncell * 4 + nd;
                int step = cost[state] + 1 + (turn != 0 ? BEND : 0) + used[ncell] * SHARED;
                if (step < cost[next]) {
                    cost[next] = step;
                    previous[next] = state;
                    open.add(new int[] {next, step + heuristic(ncell, goal, cols)});
                }
            }
        }
        if (reached < 0) {
            return Optional.empty();
        }
        List<double[]> cells = new ArrayList<>();
        for (int s = reached; s != -1; s = previous[s]) {
            int cell = s / 4;
            cells.add(0, new double[] {originX + (cell % cols + c0) * CELL, originZ + (cell / cols + r0) * CELL});
        }
        return Optional.of(finish(from, to, Polyline.simplified(cells)));
    }

    private static int heuristic(int cell, int goal, int cols) {
        return Math.abs(cell % cols - goal % cols) + Math.abs(cell / cols - goal / cols);
    }

    /**
     * The grid path runs through cell centres: its last straight run is moved onto the goal's stub (less than
     * half a cell), then the ports are added at both ends.
     */
    private static Polyline finish(Port from, Port to, Polyline grid) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < grid.points(); i++) {
            points.add(new double[] {grid.xs()[i], grid.zs()[i]});
        }
        int last = points.size() - 1;
        boolean lastAlongX = to.direction() % 2 == 0;
        if (last >= 1) {
            double[] corner = points.get(last - 1);
            double[] end = points.get(last);
            if (lastAlongX) {
                if (last - 1 == 0 && Math.abs(corner[1] - to.stubZ()) > 1e-9) {
                    double midX = (corner[0] + to.stubX()) / 2;
                    points.add(last, new double[] {midX, to.stubZ()});
                    points.add(last, new double[] {midX, corner[1]});
                } else {
                    corner[1] = to.stubZ();
                }
                end[1] = to.stubZ();
                end[0] = to.stubX();
            } else {
                if (last - 1 == 0 && Math.abs(corner[0] - to.stubX()) > 1e-9) {
                    double midZ = (corner[1] + to.stubZ()) / 2;
                    points.add(last, new double[] {to.stubX(), midZ});
                    points.add(last, new double[] {corner[0], midZ});
                } else {
                    corner[0] = to.stubX();
                }
                end[0] = to.stubX();
                end[1] = to.stubZ();
            }
        } else {
            points.add(new double[] {to.stubX(), to.stubZ()});
        }
        points.add(0, new double[] {from.x(), from.z()});
        points.add(new double[] {to.x(), to.z()});
        return Polyline.simplified(points);
    }
}
