package io.linetwin.render.layout;

import io.linetwin.model.BufferSpec;
import io.linetwin.model.ConveyorSpec;
import io.linetwin.model.LayoutSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.PathGraph;
import io.linetwin.model.StationSpec;
import io.linetwin.model.TransportSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The floor plan of a line, as a vendor would draw it. The main line (see {@link MainLine}) runs in rows that
 * fold into a U or a serpentine shaped like the picture; links between neighbours are short roller transfers
 * with the buffer's rack beside them, conveyors run at their real length and AGV moves are painted lanes.
 * Stations off the main line (feeders, repair and rework loops) stand in a lane beside the station they serve.
 * Stations the scenario places ({@code layout}, or the stop of an AGV path graph) stand where it says; the free
 * stations of the main line are spread evenly between them and continue beyond the first and last. Every link is
 * routed orthogonally around the equipment ({@link Router}).
 */
public final class AutoLayout {

    /** Gap between neighbours joined by a plain buffer: a roller transfer with the rack beside it. */
    static final double TRANSFER_GAP = 3.2;
    /** Gap between stations of a lane beside the line. */
    static final double LANE_GAP = 2.6;
    /** Clear floor between the main line and a lane beside it. */
    static final double SIDE_GAP = 3.0;
    /** Walkway between rows. */
    static final double AISLE = 3.5;

    static final double RACK_OFFSET = 1.35;
    static final double RACK_HALF_DEPTH = 0.45;
    static final double RACK_MAX_LENGTH = 3.0;
    /** AGV moves are drawn this long at most on the main line, whatever their distance: lanes, not a map. */
    static final double AGV_GAP_MIN = 6;

    static final double AGV_GAP_MAX = 14;
    private static final double PICTURE_ASPECT = 1.9;

    private final LineSpec line;
    private final Map<String, double[]> place = new LinkedHashMap<>();
    private final Set<String> pinned = new HashSet<>();
    private final Map<String, Double> heading = new HashMap<>();
    private final Map<String, Double> along = new HashMap<>();
    private List<String> main;

    private AutoLayout(LineSpec line) {
        this.line = line;
    }

    public static FloorPlan plan(LineSpec line) {
        return new AutoLayout(line).build();
    }

    private MachineKind kind(String id) {
        return MachineKind.of(line.station(id).orElseThrow());
    }

    private double hl(String id) {
        return kind(id).halfLength();
    }

    private double hd(String id) {
        return kind(id).halfDepth();
    }

    private FloorPlan build() {
        main = MainLine.of(line);
        pins();
        boolean anyMainPinned = main.stream().anyMatch(pinned::contains);
        if (anyMainPinned) {
            placeBetweenPins();
        } else {
            fold();
        }
        placeSides();
        Map<String, Footprint> stations = new LinkedHashMap<>();
        for (StationSpec s : line.stations()) {
            double[] p = place.get(s.id());
            stations.put(
                    s.id(),
                    new Footprint(s.id(), p[0], p[1], hl(s.id()), hd(s.id()), heading.getOrDefault(s.id(), 0.0)));
        }
        clearOverlaps(stations);
        return new LinkRouting(line, main, stations).plan();
    }

    /** Stations the scenario places, and stations standing at their stop of an AGV path graph. */
    private void pins() {
        for (Map.Entry<String, LayoutSpec> e : line.layout().entrySet()) {
            place.put(
                    e.getKey(),
                    new double[] {e.getValue().xMetres(), e.getValue().zMetres()});
            heading.put(e.getKey(), e.getValue().rotationDegrees());
            pinned.add(e.getKey());
        }
        Optional<PathGraph> graph = line.transport().flatMap(TransportSpec::paths);
        graph.ifPresent(g -> g.nodes()
                .forEach(node -> node.station().ifPresent(station -> {
                    if (!pinned.contains(station)) {
                        // The station stands behind its stop, the vehicles pull up in front of it.
                        place.put(station, new double[] {node.xMetres(), node.zMetres() - hd(station) - 1.2});
                        heading.put(station, 0.0);
                        pinned.add(station);
                    }
                })));
    }

    /** Gap between main station {@code i} and the next: the link's real length where it has one. */
    private double gap(int i) {
        String a = main.get(i);
        String b = main.get(i + 1);
        Optional<BufferSpec> link =
                line.outbound(a).stream().filter(x -> x.to().equals(b)).findFirst();
        if (link.isEmpty()) {
            return TRANSFER_GAP;
        }
        Optional<ConveyorSpec> conveyor = line.conveyor(link.get().id());
        if (conveyor.isPresent()) {
            return conveyor.get().lengthMetres();
        }
        Optional<TransportSpec.Move> move = line.move(link.get().id());
        if (move.isPresent()) {
            return Math.max(AGV_GAP_MIN, Math.min(AGV_GAP_MAX, move.get().distanceMetres()));
        }
        return TRANSFER_GAP;
    }

    private boolean turnable(int i) {
        String a = main.get(i);
        String b = main.get(i + 1);
        return line.outbound(a).stream()
                .filter(x -> x.to().equals(b))
                .noneMatch(x -> line.conveyor(x.id()).isPresent());
    }

    /** No station of the main line placed: rows in flow order, folded into a U or serpentine. */
    private void fold() {
        int n = main.size();
        double[] s = new double[n];
        s[0] = hl(main.get(0));
        for (int i = 0; i + 1 < n; i++) {
            s[i + 1] = s[i] + hl(main.get(i)) + gap(i) + hl(main.get(i + 1));
        }
        double total = s[n - 1] + hl(main.get(n - 1));
        double maxHd = main.stream().mapToDouble(this::hd).max().orElse(1);
        double sideDepth = line.stations().size() > n
                ? line.stations().stream()
                                .filter(x -> !main.contains(x.id()))
                                .mapToDouble(x -> 2 * hd(x.id()))
                                .max()
                                .orElse(0)
                        + SIDE_GAP
                : 0;
        double rackSpill = Math.max(0, RACK_OFFSET + RACK_HALF_DEPTH + 0.3 - maxHd);
        double pitch = 2 * maxHd + 2 * rackSpill + sideDepth + AISLE;
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i + 1 < n; i++) {
            if (turnable(i)) {
                candidates.add(i);
            }
        }
        int rows = 1;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int r = 1; r <= candidates.size() + 1; r++) {
            double score = Math.abs(Math.log((total / r + 2) / (r * pitch)) - Math.log(PICTURE_ASPECT));
            if (score < bestScore) {
                bestScore = score;
                rows = r;
            }
        }
        List<Integer> cuts = new ArrayList<>();
        int last = -1;
        for (int k = 1; k < rows; k++) {
            double target = k * total / rows;
            int best = -1;
            for (int c : candidates) {
                if (c > last && (best < 0 || Math.abs(mid(s, c) - target) < Math.abs(mid(s, best) - target))) {
                    best = c;
                }
            }
            if (best < 0) {
                break;
            }
            cuts.add(best);
            last = best;
        }
        double xStart = 0;
        int row = 0;
        int rowFirst = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0 && cuts.contains(i - 1)) {
                double rowLength = (s[i - 1] + hl(main.get(i - 1))) - (s[rowFirst] - hl(main.get(rowFirst)));
                xStart += (row % 2 == 0 ? 1 : -1) * rowLength;
                row++;
                rowFirst = i;
            }
            int dir = row % 2 == 0 ? 1 : -1;
            double u = s[i] - (s[rowFirst] - hl(main.get(rowFirst)));
            place.put(main.get(i), new double[] {xStart + dir * u, row * pitch});
            heading.put(main.get(i), dir > 0 ? 0.0 : 180.0);
        }
        alongFromPlaces();
    }

    private double mid(double[] s, int i) {
        return s[i] + hl(main.get(i)) + gap(i) / 2;
    }

    /** Distance of each main station along the chain of centres, for placing stations beside it. */
    private void alongFromPlaces() {
        double at = 0;
        for (int i = 0; i < main.size(); i++) {
            if (i > 0) {
                double[] a = place.get(main.get(i - 1));
                double[] b = place.get(main.get(i));
                at += Math.hypot(b[0] - a[0], b[1] - a[1]);
            }
            along.put(main.get(i), at);
        }
    }

    /** Some main stations placed: the free ones spread evenly between them and continue past the ends. */
    private void placeBetweenPins() {
        List<Integer> pins = new ArrayList<>();
        for (int i = 0; i < main.size(); i++) {
            if (pinned.contains(main.get(i))) {
                pins.add(i);
            }
        }
        for (int p = 0; p + 1 < pins.size(); p++) {
            spread(pins.get(p), pins.get(p + 1));
        }
        int first = pins.get(0);
        int lastPin = pins.get(pins.size() - 1);
        double[] d0 = pins.size() > 1
                ? direction(main.get(first), main.get(pins.get(1)))
                : axis(heading.get(main.get(first)));
        for (int i = first - 1; i >= 0; i--) {
            double[] next = place.get(main.get(i + 1));
            double step = hl(main.get(i + 1)) + gap(i) + hl(main.get(i));
            put(main.get(i), next[0] - d0[0] * step, next[1] - d0[1] * step, d0);
        }
        double[] d1 = pins.size() > 1
                ? direction(main.get(pins.get(pins.size() - 2)), main.get(lastPin))
                : axis(heading.get(main.get(lastPin)));
        for (int i = lastPin + 1; i < main.size(); i++) {
            double[] previous = place.get(main.get(i - 1));
            double step = hl(main.get(i - 1)) + gap(i - 1) + hl(main.get(i));
            put(main.get(i), previous[0] + d1[0] * step, previous[1] + d1[1] * step, d1);
        }
        alongFromPlaces();
    }

    private void spread(int from, int to) {
        double[] a = place.get(main.get(from));
        double[] b = place.get(main.get(to));
        double[] d = direction(main.get(from), main.get(to));
        double distance = Math.hypot(b[0] - a[0], b[1] - a[1]);
        double need = 0;
        for (int i = from + 1; i < to; i++) {
            need += 2 * hl(main.get(i));
        }
        int free = to - from - 1;
        double gap = (distance - hl(main.get(from)) - hl(main.get(to)) - need) / (free + 1);
        double lateral = 0;
        double at = hl(main.get(from)) + gap;
        if (gap < 1.0) {
            // Too tight between the pins: the free stations form a parallel row beside them.
            lateral = -(2 * MachineKind.MAX_HALF + SIDE_GAP);
            gap = TRANSFER_GAP;
            at = distance / 2 - (need + (free - 1) * gap) / 2;
        }
        for (int i = from + 1; i < to; i++) {
            String id = main.get(i);
            at += hl(id);
            put(id, a[0] + d[0] * at + d[1] * lateral, a[1] + d[1] * at - d[0] * lateral, d);
            at += hl(id) + gap;
        }
    }

    private void put(String id, double x, double z, double[] direction) {
        if (pinned.contains(id)) {
            return;
        }
        place.put(id, new double[] {x, z});
        heading.put(id, Math.toDegrees(Math.atan2(-direction[1], direction[0])));
    }

    private double[] direction(String from, String to) {
        double[] a = place.get(from);
        double[] b = place.get(to);
        double length = Math.hypot(b[0] - a[0], b[1] - a[1]);
        return length < 1e-9 ? new double[] {1, 0} : new double[] {(b[0] - a[0]) / length, (b[1] - a[1]) / length};
    }

    private static double[] axis(double degrees) {
        double r = Math.toRadians(degrees);
        return new double[] {Math.cos(r), -Math.sin(r)};
    }

    /**
     * Stations off the main line, in groups joined by links among themselves, each in a lane on the main line's
     * left beside the stations it joins: a feeder ends beside the station it feeds, a loop spans the stations it
     * leaves and returns to. Lanes stack outwards where groups would meet.
     */
    private void placeSides() {
        Set<String> onMain = new HashSet<>(main);
        Set<String> done = new HashSet<>(onMain);
        done.addAll(pinned);
        List<Footprint> taken = new ArrayList<>();
        main.forEach(id -> taken.add(footprintAt(id)));
        pinned.stream().filter(id -> !onMain.contains(id)).forEach(id -> taken.add(footprintAt(id)));
        for (StationSpec station : line.stations()) {
            if (done.contains(station.id())) {
                continue;
            }
            List<String> group = group(station.id(), done);
            done.addAll(group);
            placeGroup(group, onMain, taken);
        }
    }

    private Footprint footprintAt(String id) {
        double[] p = place.get(id);
        return new Footprint(id, p[0], p[1], hl(id), hd(id), heading.getOrDefault(id, 0.0));
    }

    /** The side stations joined to {@code start} by links among side stations, in flow order. */
    private List<String> group(String start, Set<String> done) {
        Set<String> members = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(List.of(start));
        while (!todo.isEmpty()) {
            String at = todo.remove(todo.size() - 1);
            if (!members.add(at)) {
                continue;
            }
            for (BufferSpec b : line.buffers()) {
                if (b.from().equals(at) && !done.contains(b.to())) {
                    todo.add(b.to());
                }
                if (b.to().equals(at) && !done.contains(b.from())) {
                    todo.add(b.from());
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        for (String m : members) {
            boolean fedFromGroup = line.inbound(m).stream().anyMatch(b -> members.contains(b.from()));
            if (!fedFromGroup) {
                follow(m, members, ordered);
            }
        }
        members.forEach(m -> follow(m, members, ordered));
        return ordered;
    }

    private void follow(String start, Set<String> members, List<String> ordered) {
        String at = start;
        while (at != null && !ordered.contains(at)) {
            ordered.add(at);
            String next = null;
            for (BufferSpec b : line.outbound(at)) {
                if (members.contains(b.to()) && !ordered.contains(b.to())) {
                    next = b.to();
                    break;
                }
            }
            at = next;
        }
    }

    private void placeGroup(List<String> group, Set<String> onMain, List<Footprint> taken) {
        Set<String> in = new LinkedHashSet<>();
        Set<String> out = new LinkedHashSet<>();
        for (BufferSpec b : line.buffers()) {
            if (group.contains(b.to()) && onMain.contains(b.from())) {
                in.add(b.from());
            }
            if (group.contains(b.from()) && onMain.contains(b.to())) {
                out.add(b.to());
            }
        }
        double length = 0;
        double depth = 0;
        for (String id : group) {
            length += 2 * hl(id);
            depth = Math.max(depth, hd(id));
        }
        length += (group.size() - 1) * LANE_GAP;
        String anchor;
        double startU;
        boolean backwards = false;
        if (!in.isEmpty() && !out.isEmpty()) {
            anchor = in.iterator().next();
            String back = out.iterator().next();
            double span = along.get(back) - along.get(anchor);
            backwards = span < 0;
            startU = span / 2 + (backwards ? length / 2 : -length / 2);
        } else if (!out.isEmpty()) {
            anchor = out.iterator().next();
            startU = -hl(anchor) - 1.5 - length;
        } else if (!in.isEmpty()) {
            anchor = in.iterator().next();
            startU = hl(anchor) + 1.5;
        } else {
            anchor = main.get(main.size() - 1);
            startU = hl(anchor) + SIDE_GAP;
        }
        double[] a = place.get(anchor);
        double[] d = axis(heading.get(anchor));
        double mainDepth = main.stream().mapToDouble(this::hd).max().orElse(1);
        for (int lane = 1; lane <= 12; lane++) {
            double lateral = mainDepth + SIDE_GAP + depth + (lane - 1) * (2 * depth + SIDE_GAP);
            List<Footprint> candidate = new ArrayList<>();
            double u = startU;
            for (String id : group) {
                double centreU = backwards ? u - hl(id) : u + hl(id);
                double x = a[0] + d[0] * centreU + d[1] * lateral;
                double z = a[1] + d[1] * centreU - d[0] * lateral;
                candidate.add(new Footprint(id, x, z, hl(id), hd(id), heading.get(anchor) + (backwards ? 180 : 0)));
                u = backwards ? u - 2 * hl(id) - LANE_GAP : u + 2 * hl(id) + LANE_GAP;
            }
            boolean free = candidate.stream()
                    .allMatch(c -> taken.stream().noneMatch(t -> t.grown(1.0).overlaps(c)));
            if (free || lane == 12) {
                for (Footprint f : candidate) {
                    place.put(f.id(), new double[] {f.x(), f.z()});
                    heading.put(f.id(), f.rotationDegrees());
                    taken.add(f);
                }
                return;
            }
        }
    }

    /** A free station that would stand on another steps sideways until it stands clear. */
    private void clearOverlaps(Map<String, Footprint> stations) {
        for (String id : new ArrayList<>(stations.keySet())) {
            if (pinned.contains(id)) {
                continue;
            }
            Footprint f = stations.get(id);
            for (int step = 0; step < 80 && clashes(f, stations); step++) {
                double shift = (step / 2 + 1) * 1.0 * (step % 2 == 0 ? 1 : -1);
                Footprint original = stations.get(id);
                f = new Footprint(
                        id,
                        original.x() + original.axisZ() * shift,
                        original.z() - original.axisX() * shift,
                        original.halfWidth(),
                        original.halfDepth(),
                        original.rotationDegrees());
            }
            stations.put(id, f);
        }
    }

    private static boolean clashes(Footprint f, Map<String, Footprint> stations) {
        return stations.values().stream()
                .anyMatch(o -> !o.id().equals(f.id()) && o.grown(0.5).overlaps(f));
    }
}
