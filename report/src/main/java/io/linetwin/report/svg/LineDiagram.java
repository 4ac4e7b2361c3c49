package io.linetwin.report.svg;

import io.linetwin.model.BufferSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.StationSpec;
import io.linetwin.model.TransportSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The line as a flow graph: stations as boxes in columns by their distance from the sources, buffers as small
 * tanks on the arrows (filled to their level when one is known), conveyors as thick dashed arrows, AGV moves as
 * dotted ones, rework loops as arcs back. Elements carry ids ({@code station-ID}, {@code link-ID}) and data
 * attributes so the dashboard can recolour them in place.
 */
public final class LineDiagram {

    private static final double BOX_W = 118;
    private static final double BOX_H = 58;
    private static final double COLUMN = 170;
    private static final double ROW = 96;
    private static final double MARGIN = 28;

    /** How a station is drawn: box fill, a caption line under its name and a tooltip. */
    public record StationLook(String fill, String caption, String tooltip) {
        public StationLook {
            Objects.requireNonNull(fill, "fill");
            Objects.requireNonNull(caption, "caption");
            Objects.requireNonNull(tooltip, "tooltip");
        }
    }

    /** How a link is drawn: share of its capacity filled (NaN: unknown) and a caption (its capacity). */
    public record LinkLook(double fill, String caption, String tooltip) {
        public LinkLook {
            Objects.requireNonNull(caption, "caption");
            Objects.requireNonNull(tooltip, "tooltip");
        }
    }

    /** The reader's words for what the diagram writes itself. */
    public record Words(String bottleneck, String agv) {}

    private record Edge(String id, String from, String to, Kind kind) {}

    private enum Kind {
        BUFFER,
        CONVEYOR,
        AGV
    }

    private record Point(double x, double y) {}

    private LineDiagram() {}

    public static String render(
            LineSpec line,
            Optional<String> bottleneck,
            Function<StationSpec, StationLook> stations,
            Function<BufferSpec, LinkLook> links,
            Words words,
            String label) {
        List<Edge> edges = edges(line);
        Map<String, Integer> column = columns(line, edges);
        Map<String, Point> at = positions(line, column);
        double width =
                2 * MARGIN + at.values().stream().mapToDouble(Point::x).max().orElse(0) + BOX_W;
        boolean loops = edges.stream()
                .anyMatch(e -> at.containsKey(e.from())
                        && at.containsKey(e.to())
                        && at.get(e.to()).x() <= at.get(e.from()).x());
        double height =
                MARGIN + at.values().stream().mapToDouble(Point::y).max().orElse(0) + BOX_H + (loops ? 56 : 30);
        Svg svg = new Svg(width, height, label, "chart line-diagram");
        svg.open("defs");
        svg.open(
                "marker",
                "id",
                "arrow",
                "viewBox",
                "0 0 10 10",
                "refX",
                "9",
                "refY",
                "5",
                "markerWidth",
                "7",
                "markerHeight",
                "7",
                "orient",
                "auto-start-reverse");
        svg.add("path", "d", "M0 0 L10 5 L0 10 z", "fill", "#55606e");
        svg.close("marker");
        svg.close("defs");
        Map<String, BufferSpec> buffers = new HashMap<>();
        line.buffers().forEach(b -> buffers.put(b.id(), b));
        for (Edge edge : edges) {
            Point from = at.get(edge.from());
            Point to = at.get(edge.to());
            if (from == null || to == null) {
                continue;
            }
            drawEdge(svg, edge, from, to, edge.kind() == Kind.AGV ? null : buffers.get(edge.id()), links, words);
        }
        for (StationSpec station : line.stations()) {
            Point p = at.get(station.id());
            boolean isBottleneck = bottleneck.filter(station.id()::equals).isPresent();
            drawStation(svg, station, p, stations.apply(station), isBottleneck, words);
        }
        return svg.end();
    }

    private static void drawStation(
            Svg svg, StationSpec station, Point p, StationLook look, boolean bottleneck, Words words) {
        svg.open(
                "g",
                "id",
                "station-" + station.id(),
                "class",
                bottleneck ? "station bottleneck" : "station",
                "data-station",
                station.id(),
                "data-kind",
                station.kind().name().toLowerCase(java.util.Locale.ROOT));
        svg.title(look.tooltip());
        double rx = station.kind().processesParts() ? 6 : 26;
        svg.add(
                "rect",
                "class",
                "station-box",
                "x",
                Svg.n(p.x()),
                "y",
                Svg.n(p.y()),
                "width",
                Svg.n(BOX_W),
                "height",
                Svg.n(BOX_H),
                "rx",
                Svg.n(rx),
                "fill",
                look.fill(),
                "stroke",
                bottleneck ? "#c62828" : "#37414d",
                "stroke-width",
                bottleneck ? "3.5" : "1.5");
        svg.label(p.x() + BOX_W / 2, p.y() + 24, station.id(), "text-anchor", "middle", "class", "station-name");
        svg.label(p.x() + BOX_W / 2, p.y() + 43, look.caption(), "text-anchor", "middle", "class", "station-caption");
        if (station.servers() > 1) {
            svg.label(p.x() + BOX_W - 6, p.y() + 13, "×" + station.servers(), "text-anchor", "end", "class", "tick");
        }
        if (bottleneck) {
            svg.rect(p.x() + BOX_W / 2 - 44, p.y() - 20, 88, 17, "rx", "8", "fill", "#c62828");
            svg.label(p.x() + BOX_W / 2, p.y() - 8, words.bottleneck(), "text-anchor", "middle", "class", "badge");
        }
        svg.close("g");
    }

    private static void drawEdge(
            Svg svg,
            Edge edge,
            Point from,
            Point to,
            BufferSpec buffer,
            Function<BufferSpec, LinkLook> links,
            Words words) {
        boolean backwards = to.x() <= from.x();
        double x1 = backwards ? from.x() + BOX_W / 2 : from.x() + BOX_W;
        double y1 = backwards ? from.y() + BOX_H : from.y() + BOX_H / 2;
        double x2 = backwards ? to.x() + BOX_W / 2 : to.x();
        double y2 = backwards ? to.y() + BOX_H : to.y() + BOX_H / 2;
        String d;
        double mx;
        double my;
        if (backwards) {
            double dip = Math.max(y1, y2) + 34;
            d = "M" + Svg.n(x1) + " " + Svg.n(y1) + " C" + Svg.n(x1) + " " + Svg.n(dip) + " " + Svg.n(x2) + " "
                    + Svg.n(dip) + " " + Svg.n(x2) + " " + Svg.n(y2);
            mx = (x1 + x2) / 2;
            my = dip - 8;
        } else {
            double bend = (x1 + x2) / 2;
            d = "M" + Svg.n(x1) + " " + Svg.n(y1) + " C" + Svg.n(bend) + " " + Svg.n(y1) + " " + Svg.n(bend) + " "
                    + Svg.n(y2) + " " + Svg.n(x2) + " " + Svg.n(y2);
            mx = (x1 + x2) / 2;
            my = (y1 + y2) / 2;
        }
        String dash = switch (edge.kind()) {
            case BUFFER -> "none";
            case CONVEYOR -> "10 4";
            case AGV -> "2 4";
        };
        svg.open(
                "g",
                "id",
                "link-" + edge.id(),
                "class",
                "link " + edge.kind().name().toLowerCase(java.util.Locale.ROOT),
                "data-link",
                edge.id());
        svg.add(
                "path",
                "d",
                d,
                "fill",
                "none",
                "stroke",
                "#55606e",
                "stroke-width",
                edge.kind() == Kind.CONVEYOR ? "4" : "1.8",
                "stroke-dasharray",
                dash,
                "marker-end",
                "url(#arrow)");
        if (buffer != null) {
            LinkLook look = links.apply(buffer);
            svg.open("g", "class", "tank");
            svg.title(look.tooltip());
            svg.rect(mx - 20, my - 9, 40, 18, "rx", "3", "fill", "#ffffff", "stroke", "#37414d");
            double share = Double.isNaN(look.fill()) ? 0 : Math.max(0, Math.min(1, look.fill()));
            svg.rect(
                    mx - 19,
                    my - 8,
                    38 * share,
                    16,
                    "class",
                    "link-fill",
                    "fill",
                    "#2f86c9",
                    "data-fill",
                    Double.toString(share));
            svg.label(mx, my + 22, look.caption(), "text-anchor", "middle", "class", "link-caption");
            svg.close("g");
        } else {
            svg.label(mx, my - 6, words.agv(), "text-anchor", "middle", "class", "link-caption");
        }
        svg.close("g");
    }

    private static List<Edge> edges(LineSpec line) {
        Set<String> conveyors = new HashSet<>();
        line.conveyors().forEach(c -> conveyors.add(c.id()));
        List<Edge> edges = new ArrayList<>();
        for (BufferSpec buffer : line.buffers()) {
            edges.add(new Edge(
                    buffer.id(),
                    buffer.from(),
                    buffer.to(),
                    conveyors.contains(buffer.id()) ? Kind.CONVEYOR : Kind.BUFFER));
        }
        for (TransportSpec transport : line.transport().stream().toList()) {
            for (TransportSpec.Move move : transport.moves()) {
                edges.add(new Edge(move.id(), move.from(), move.to(), Kind.AGV));
            }
        }
        return edges;
    }

    /**
     * Longest distance from a station without inbound links, over the graph less its back edges (rework loops),
     * found by depth-first search from the stations in declaration order.
     */
    private static Map<String, Integer> columns(LineSpec line, List<Edge> edges) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Set<String> hasInbound = new HashSet<>();
        line.stations().forEach(s -> out.put(s.id(), new ArrayList<>()));
        for (Edge edge : edges) {
            if (out.containsKey(edge.from()) && out.containsKey(edge.to())) {
                out.get(edge.from()).add(edge.to());
                hasInbound.add(edge.to());
            }
        }
        List<String> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        Set<String> onPath = new HashSet<>();
        Map<String, List<String>> forward = new HashMap<>();
        out.keySet().forEach(id -> forward.put(id, new ArrayList<>()));
        List<String> roots = new ArrayList<>(
                out.keySet().stream().filter(id -> !hasInbound.contains(id)).toList());
        roots.addAll(out.keySet());
        for (String root : roots) {
            visit(root, out, done, onPath, forward, order);
        }
        Map<String, Integer> column = new HashMap<>();
        out.keySet().forEach(id -> column.put(id, 0));
        for (int i = order.size() - 1; i >= 0; i--) {
            String node = order.get(i);
            for (String next : forward.get(node)) {
                column.put(next, Math.max(column.get(next), column.get(node) + 1));
            }
        }
        return column;
    }

    private static void visit(
            String node,
            Map<String, List<String>> out,
            Set<String> done,
            Set<String> onPath,
            Map<String, List<String>> forward,
            List<String> postOrder) {
        if (done.contains(node)) {
            return;
        }
        onPath.add(node);
        for (String next : out.get(node)) {
            if (onPath.contains(next)) {
                continue; // a back edge: a rework loop, drawn as an arc, not a column step
            }
            forward.get(node).add(next);
            visit(next, out, done, onPath, forward, postOrder);
        }
        onPath.remove(node);
        done.add(node);
        postOrder.add(node);
    }

    private static Map<String, Point> positions(LineSpec line, Map<String, Integer> column) {
        Map<Integer, Integer> rows = new HashMap<>();
        line.stations().forEach(s -> rows.merge(column.get(s.id()), 1, Integer::sum));
        int tallest = rows.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        Map<Integer, Integer> used = new HashMap<>();
        Map<String, Point> at = new LinkedHashMap<>();
        for (StationSpec station : line.stations()) {
            int c = column.get(station.id());
            int row = used.merge(c, 1, Integer::sum) - 1;
            double offset = (tallest - rows.get(c)) * ROW / 2.0;
            at.put(station.id(), new Point(MARGIN + c * COLUMN, MARGIN + 14 + offset + row * ROW));
        }
        return at;
    }
}
