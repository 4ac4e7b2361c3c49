package io.linetwin.app.render;

import io.linetwin.model.LineSpec;
import io.linetwin.render.layout.AutoLayout;
import io.linetwin.render.layout.FloorPlan;
import io.linetwin.render.layout.Footprint;
import io.linetwin.scenario.ProblemCode;
import io.linetwin.scenario.ScenarioProblem;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The floor plan's problems in a valid scenario: two pieces of equipment standing on the same floor. Stations the
 * scenario places ({@code layout}) may overlap each other or equipment the automatic plan could not keep clear of
 * them; each overlap is reported once, at the {@code layout} entry of a placed station, in the loader's
 * {@code file:line:column key.path: message} form.
 */
public final class LayoutCheck {

    private LayoutCheck() {}

    public static List<ScenarioProblem> problems(Path file, LineSpec line) throws IOException {
        FloorPlan plan = AutoLayout.plan(line);
        List<Footprint> all = plan.solids();
        List<ScenarioProblem> problems = new ArrayList<>();
        Node root =
                new Yaml(new LoaderOptions()).compose(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                Footprint a = all.get(i);
                Footprint b = all.get(j);
                if (!a.overlaps(b)) {
                    continue;
                }
                boolean aStation = plan.stations().get(a.id()) == a;
                boolean bStation = plan.stations().get(b.id()) == b;
                String placed = aStation && line.layout().containsKey(a.id())
                        ? a.id()
                        : bStation && line.layout().containsKey(b.id()) ? b.id() : a.id();
                Footprint other = placed.equals(a.id()) ? b : a;
                boolean otherIsStation = placed.equals(a.id()) ? bStation : aStation;
                int[] at = position(root, placed);
                String message = String.format(
                        Locale.ROOT,
                        "overlaps %s %s (%s %.1f x %.1f m at x %.1f, z %.1f and %.1f x %.1f m at x %.1f, z %.1f)",
                        otherIsStation ? "station" : "the rack of",
                        other.id(),
                        placed,
                        2 * footprintOf(plan, placed).halfWidth(),
                        2 * footprintOf(plan, placed).halfDepth(),
                        footprintOf(plan, placed).x(),
                        footprintOf(plan, placed).z(),
                        2 * other.halfWidth(),
                        2 * other.halfDepth(),
                        other.x(),
                        other.z());
                problems.add(new ScenarioProblem(
                        file.toString(), at[0], at[1], "layout." + placed, message, ProblemCode.LAYOUT_OVERLAP));
            }
        }
        return problems;
    }

    private static Footprint footprintOf(FloorPlan plan, String station) {
        return plan.station(station);
    }

    /** Line and column (1-based) of {@code line.layout.<station>}, else of {@code line.layout}, else 1:1. */
    private static int[] position(Node root, String station) {
        Node line = child(root, "line");
        Node layout = line == null ? null : child(line, "layout");
        Node entry = layout == null ? null : key(layout, station);
        Node at = entry != null ? entry : layout != null ? layout : null;
        if (at == null) {
            return new int[] {1, 1};
        }
        return new int[] {at.getStartMark().getLine() + 1, at.getStartMark().getColumn() + 1};
    }

    private static Node child(Node node, String name) {
        if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(name)) {
                    return t.getValueNode();
                }
            }
        }
        return null;
    }

    private static Node key(Node node, String name) {
        if (node instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(name)) {
                    return k;
                }
            }
        }
        return null;
    }
}
