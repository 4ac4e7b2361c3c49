package io.linetwin.render.scene;

import com.jme3.font.BitmapText;
import com.jme3.scene.Node;
import io.linetwin.render.LineView;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The built scene of one line: its root node and the handles that a view drives (machine colours, rack
 * fills, labels). Apply views on the render thread only.
 */
public final class LineScene {

    /** Name of the label node of a station: {@code label:<station id>}. */
    public static final String LABEL_PREFIX = "label:";
    /** Name of the node of a station: {@code station:<station id>}. */
    public static final String STATION_PREFIX = "station:";
    static final String BOTTLENECK_MARK = "  << bottleneck";
    /**
     * Above this many stations only the labels that matter (the bottleneck, machines that are down) are drawn:
     * hundreds of labels are unreadable in an overview and each costs a draw call.
     */
    public static final int ALL_LABELS_UP_TO = 60;
    /** Above {@link #ALL_LABELS_UP_TO} stations, at most this many machines that are down are named. */
    public static final int MAX_DOWN_LABELS = 16;

    private final Node root;
    private final Map<String, MachineStatusControl> machines;
    private final Map<String, BufferFill> fills;
    private final Map<String, BitmapText> labels;
    /** Stations in the line's order, so the same down machines are named from one frame to the next. */
    private final java.util.List<String> labelOrder;
    private final ColourBatch machineBatch;
    private final MoversNode movers;

    LineScene(Node root, Map<String, MachineStatusControl> machines, Map<String, BufferFill> fills,
            Map<String, BitmapText> labels, java.util.List<String> labelOrder, ColourBatch machineBatch,
            MoversNode movers) {
        this.movers = movers;
        this.labelOrder = java.util.List.copyOf(labelOrder);
        this.machineBatch = machineBatch;
        this.root = root;
        this.machines = Map.copyOf(machines);
        this.fills = Map.copyOf(fills);
        this.labels = Map.copyOf(labels);
    }

    public Node root() {
        return root;
    }

    public void apply(LineView view) {
        machines.forEach((id, control) -> control.show(Optional.ofNullable(view.stations().get(id)),
                Optional.ofNullable(view.healthRisk().get(id))));
        fills.forEach((id, control) -> {
            Integer level = view.bufferLevels().get(id);
            control.show(level == null ? OptionalInt.empty() : OptionalInt.of(level));
        });
        movers.apply(view.movers());
        Optional<String> bottleneck = view.kpis().bottleneck();
        boolean sparse = labels.size() > ALL_LABELS_UP_TO;
        int[] downLabels = {0};
        labelOrder.forEach(id -> {
            BitmapText text = labels.get(id);
            boolean isBottleneck = bottleneck.filter(id::equals).isPresent();
            boolean down = view.stations().get(id) == io.linetwin.render.StationVisualState.DOWN
                    && downLabels[0] < MAX_DOWN_LABELS;
            if (down && !isBottleneck) {
                downLabels[0]++;
            }
            boolean shown = !sparse || isBottleneck || down;
            text.getParent().setCullHint(shown ? com.jme3.scene.Spatial.CullHint.Inherit
                    : com.jme3.scene.Spatial.CullHint.Always);
            // A hidden label's billboard need not turn to the camera every frame.
            com.jme3.scene.control.BillboardControl billboard =
                    text.getParent().getControl(com.jme3.scene.control.BillboardControl.class);
            if (billboard != null) {
                billboard.setEnabled(shown);
            }
            String wanted = bottleneck.filter(id::equals).isPresent() ? id + BOTTLENECK_MARK : id;
            if (!wanted.equals(text.getText())) {
                text.setText(wanted);
                text.setLocalTranslation(-text.getLineWidth() / 2, 0, 0);
            }
        });
    }

    public Optional<MachineStatusControl> machine(String stationId) {
        return Optional.ofNullable(machines.get(stationId));
    }

    public Optional<BufferFill> fill(String bufferId) {
        return Optional.ofNullable(fills.get(bufferId));
    }

    /** The station a pick hit, if any: a machine in the merged mesh, or anything under a station's node. */
    public Optional<String> stationAt(com.jme3.collision.CollisionResult hit) {
        if (machineBatch.owns(hit.getGeometry())) {
            return machineBatch.keyOfTriangle(hit.getTriangleIndex())
                    .map(key -> key.substring(key.indexOf(':') + 1));
        }
        return stationOf(hit.getGeometry());
    }

    /** The station whose node holds {@code spatial}, if any (for picking). */
    public static Optional<String> stationOf(com.jme3.scene.Spatial spatial) {
        for (com.jme3.scene.Spatial s = spatial; s != null; s = s.getParent()) {
            if (s.getName() != null && s.getName().startsWith(STATION_PREFIX)) {
                return Optional.of(s.getName().substring(STATION_PREFIX.length()));
            }
        }
        return Optional.empty();
    }
}
