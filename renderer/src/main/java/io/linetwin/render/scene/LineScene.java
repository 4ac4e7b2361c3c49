package io.linetwin.render.scene;

import com.jme3.collision.CollisionResult;
import com.jme3.math.Vector3f;
import com.jme3.scene.Geometry;
import com.jme3.scene.Node;
import com.jme3.scene.Spatial;
import io.linetwin.model.StationStatus;
import io.linetwin.render.LineView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The built scene of one line: its root node and the handles that a view drives (machine lights, rack fills,
 * conveyor lamps, what travels) and the labels it asks for. Apply views on the render thread only.
 */
public final class LineScene {

    /** Name of the node of a station: {@code station:<station id>}. */
    public static final String STATION_PREFIX = "station:";

    static final String BOTTLENECK_MARK = "  bottleneck";

    /** Which labels win where they would collide: lower first. */
    public enum Priority {
        BOTTLENECK,
        DOWN,
        MACHINE,
        END
    }

    /** Where a station's label points: above its status lamp. */
    record Anchor(String id, Vector3f point, Priority priority) {}

    /** A label the view asks for: its text, anchor and priority. */
    public record Request(String id, String text, Vector3f anchor, Priority priority) {}

    private final Node root;
    private final Map<String, MachineStatusControl> machines;
    private final Map<String, RackFill> fills;
    private final List<Anchor> anchors;
    private final MeshKit solid;
    private final Geometry solidGeometry;
    private final MoversNode movers;
    private final List<String> conveyorLamps;
    private final Palette palette;
    private List<Request> requests;

    LineScene(
            Node root,
            Map<String, MachineStatusControl> machines,
            Map<String, RackFill> fills,
            List<Anchor> anchors,
            MeshKit solid,
            Geometry solidGeometry,
            MoversNode movers,
            List<String> conveyorLamps,
            Palette palette) {
        this.root = root;
        this.machines = Map.copyOf(machines);
        this.fills = Map.copyOf(fills);
        this.anchors = List.copyOf(anchors);
        this.solid = solid;
        this.solidGeometry = solidGeometry;
        this.movers = movers;
        this.conveyorLamps = List.copyOf(conveyorLamps);
        this.palette = palette;
        this.requests = requests(Optional.empty(), Map.of());
    }

    public Node root() {
        return root;
    }

    public void apply(LineView view) {
        machines.forEach((id, control) -> control.show(
                Optional.ofNullable(view.stations().get(id)),
                Optional.ofNullable(view.healthRisk().get(id))));
        fills.forEach((id, fill) -> {
            Integer level = view.bufferLevels().get(id);
            fill.show(level == null ? OptionalInt.empty() : OptionalInt.of(level));
        });
        movers.apply(view.movers());
        for (String id : conveyorLamps) {
            boolean stopped = view.movers().stoppedConveyors().contains(id);
            solid.colour(
                    LineSceneBuilder.CONVEYOR_LAMP + id,
                    palette.state(stopped ? StationStatus.DOWN : StationStatus.WORKING));
        }
        requests = requests(view.kpis().bottleneck(), view.stations());
    }

    private List<Request> requests(Optional<String> bottleneck, Map<String, StationStatus> states) {
        List<Request> out = new ArrayList<>();
        for (Anchor anchor : anchors) {
            boolean isBottleneck = bottleneck.filter(anchor.id()::equals).isPresent();
            Priority priority = isBottleneck
                    ? Priority.BOTTLENECK
                    : states.get(anchor.id()) == StationStatus.DOWN ? Priority.DOWN : anchor.priority();
            out.add(new Request(
                    anchor.id(), isBottleneck ? anchor.id() + BOTTLENECK_MARK : anchor.id(), anchor.point(), priority));
        }
        out.sort(Comparator.comparing(Request::priority));
        return out;
    }

    /** The labels of the view shown, most important first. */
    public List<Request> labels() {
        return requests;
    }

    public Optional<MachineStatusControl> machine(String stationId) {
        return Optional.ofNullable(machines.get(stationId));
    }

    public Optional<RackFill> fill(String bufferId) {
        return Optional.ofNullable(fills.get(bufferId));
    }

    /** The station a pick hit, if any. */
    public Optional<String> stationAt(CollisionResult hit) {
        if (hit.getGeometry() == solidGeometry) {
            return solid.ownerOfTriangle(hit.getTriangleIndex());
        }
        return stationOf(hit.getGeometry());
    }

    /** The station whose node holds {@code spatial}, if any (for picking). */
    public static Optional<String> stationOf(Spatial spatial) {
        for (Spatial s = spatial; s != null; s = s.getParent()) {
            if (s.getName() != null && s.getName().startsWith(STATION_PREFIX)) {
                return Optional.of(s.getName().substring(STATION_PREFIX.length()));
            }
        }
        return Optional.empty();
    }
}
