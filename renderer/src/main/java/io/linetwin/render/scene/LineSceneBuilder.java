package io.linetwin.render.scene;

import com.jme3.asset.AssetManager;
import com.jme3.font.BitmapFont;
import com.jme3.font.BitmapText;
import com.jme3.material.Material;
import com.jme3.math.FastMath;
import com.jme3.math.Quaternion;
import com.jme3.math.Vector3f;
import com.jme3.renderer.queue.RenderQueue;
import com.jme3.scene.Geometry;
import com.jme3.scene.Node;
import com.jme3.scene.control.BillboardControl;
import com.jme3.scene.shape.Box;
import jme3tools.optimize.GeometryBatchFactory;
import io.linetwin.model.BufferSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.StationKind;
import io.linetwin.model.StationSpec;
import io.linetwin.render.layout.BufferPlacement;
import io.linetwin.render.layout.FloorPlan;
import io.linetwin.render.layout.Footprint;
import io.linetwin.render.layout.MachineKind;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds the scene graph of a line from its floor plan: floor, equipment, racks with fill bars, flow links
 * and labels. Needs an asset manager but no GL context, so the scene graph can be checked without rendering.
 */
public final class LineSceneBuilder {

    private static final float LABEL_HEIGHT_METRES = 0.8f;
    private static final float FLOOR_MARGIN = 4f;
    private static final float LINK_HALF_WIDTH = 0.12f;
    private static final float RACK_TOP = 0.6f;
    static final String BODY = "body:";
    static final String LAMP = "lamp:";

    private final AssetManager assets;
    private final Palette palette;
    private final Materials materials;
    private final boolean animated;
    private final boolean labelsBeside;

    /**
     * {@code labelsBeside}: put labels next to the equipment (plan views, where a label above would hide it)
     * instead of floating above it (perspective views).
     */
    public LineSceneBuilder(AssetManager assets, Palette palette, boolean animated, boolean labelsBeside) {
        this.assets = assets;
        this.palette = palette;
        this.materials = new Materials(assets, palette);
        this.animated = animated;
        this.labelsBeside = labelsBeside;
    }

    public LineScene build(LineSpec line, FloorPlan plan) {
        Node root = new Node("line:" + line.id());
        root.attachChild(floor(plan));
        Material link = materials.plain(palette.role(Palette.Role.LINK));
        Material rack = materials.plain(palette.role(Palette.Role.RACK));
        Material fill = materials.plain(palette.role(Palette.Role.FILL));
        BitmapFont font = assets.loadFont("Interface/Fonts/Default.fnt");
        Map<String, MachineStatusControl> machines = new HashMap<>();
        Map<String, BitmapText> labels = new HashMap<>();
        Material batchMaterial = materials.vertexColoured();
        ColourBatch batch = new ColourBatch();
        for (StationSpec station : line.stations()) {
            Footprint at = plan.station(station.id());
            Node node = new Node(LineScene.STATION_PREFIX + station.id());
            node.setLocalTranslation((float) at.x(), 0, (float) at.z());
            node.setLocalRotation(new Quaternion().fromAngleAxis(
                    (float) Math.toRadians(at.rotationDegrees()), Vector3f.UNIT_Y));
            float hw = (float) at.halfWidth();
            float hd = (float) at.halfDepth();
            Node parts = new Node("parts");
            float top = MachineShapes.build(parts, MachineKind.of(station), batchMaterial, hw, hd);
            node.attachChild(parts);
            if (worksOnParts(station)) {
                Geometry health = new Geometry("health", new Box(0.28f, 0.15f, 0.28f));
                health.setMaterial(batchMaterial);
                health.setLocalTranslation(hw - 0.45f, top + 0.15f, -hd + 0.45f);
                parts.attachChild(health);
            }
            String body = BODY + station.id();
            String lamp = LAMP + station.id();
            MachineStatusControl control = new MachineStatusControl(c -> batch.colour(body, c),
                    worksOnParts(station) ? c -> batch.colour(lamp, c) : c -> { },
                    palette, idleColour(station), animated);
            node.addControl(control);
            root.attachChild(node);
            machines.put(station.id(), control);
            BitmapText text = label(font, station.id());
            Node holder = new Node(LineScene.LABEL_PREFIX + station.id());
            holder.setQueueBucket(RenderQueue.Bucket.Transparent);
            holder.attachChild(text);
            if (labelsBeside) {
                holder.setLocalTranslation((float) at.x(), top + 0.6f, (float) (at.z() + at.boundHalfZ() + 0.3));
            } else {
                holder.setLocalTranslation((float) at.x(), top + 1.6f, (float) at.z());
            }
            holder.setLocalScale(LABEL_HEIGHT_METRES / font.getCharSet().getRenderedSize());
            holder.addControl(new BillboardControl());
            root.attachChild(holder);
            labels.put(station.id(), text);
        }
        // All machines in one mesh coloured per vertex: one draw call for the whole line on software GL. The
        // station nodes stay, without geometry, to carry their controls and names.
        root.updateGeometricState();
        java.util.List<Node> merged = new java.util.ArrayList<>();
        for (StationSpec station : line.stations()) {
            Node parts = (Node) ((Node) root.getChild(LineScene.STATION_PREFIX + station.id())).getChild("parts");
            parts.depthFirstTraversal(spatial -> {
                if (spatial instanceof Geometry g) {
                    batch.add(("health".equals(g.getName()) ? LAMP : BODY) + station.id(), g);
                }
            });
            merged.add(parts);
        }
        root.attachChild(batch.build("machines", batchMaterial));
        // Only now: detached parts would be merged at their local (not world) positions.
        merged.forEach(Node::removeFromParent);
        machines.values().forEach(m -> m.show(java.util.Optional.empty(), java.util.Optional.empty()));
        Map<String, BufferFill> fills = new HashMap<>();
        Node statics = new Node("links-and-racks");
        FillBars bars = new FillBars();
        for (BufferSpec buffer : line.buffers()) {
            Footprint from = plan.station(buffer.from());
            Footprint to = plan.station(buffer.to());
            statics.attachChild(link(buffer.id(), from, to, link));
            plan.buffer(buffer.id()).filter(BufferPlacement::hasRack).ifPresent(p ->
                    fills.put(buffer.id(), rack(statics, bars, buffer, p, rack)));
        }
        // Links and rack tables never change: merged into one mesh per material.
        GeometryBatchFactory.optimize(statics);
        root.attachChild(statics);
        if (!fills.isEmpty()) {
            root.attachChild(bars.build("fills", fill));
            fills.values().forEach(f -> f.show(java.util.OptionalInt.empty()));
        }
        MoversNode movers = new MoversNode(line, plan, materials.plain(palette.role(Palette.Role.PART)),
                materials.plain(palette.role(Palette.Role.AGV)));
        root.attachChild(movers.node());
        LineScene scene = new LineScene(root, machines, fills, labels,
                line.stations().stream().map(StationSpec::id).toList(), batch, movers);
        return scene;
    }

    /** Machines and assemblies have states and health; sources and sinks only mark the line's ends. */
    private static boolean worksOnParts(StationSpec station) {
        return station.kind() == StationKind.MACHINE || station.kind() == StationKind.ASSEMBLY;
    }

    private com.jme3.math.ColorRGBA idleColour(StationSpec station) {
        return switch (station.kind()) {
            case SOURCE -> palette.role(Palette.Role.SOURCE);
            case SINK -> palette.role(Palette.Role.SINK);
            case MACHINE, ASSEMBLY -> palette.role(Palette.Role.UNKNOWN);
        };
    }

    private BitmapText label(BitmapFont font, String text) {
        BitmapText label = new BitmapText(font);
        label.setText(text);
        label.setColor(palette.role(Palette.Role.LABEL));
        label.setQueueBucket(RenderQueue.Bucket.Transparent);
        label.setLocalTranslation(-label.getLineWidth() / 2, 0, 0);
        return label;
    }

    private Geometry floor(FloorPlan plan) {
        float minX = (float) plan.minX() - FLOOR_MARGIN;
        float maxX = (float) plan.maxX() + FLOOR_MARGIN;
        float minZ = (float) plan.minZ() - FLOOR_MARGIN;
        float maxZ = (float) plan.maxZ() + FLOOR_MARGIN;
        Geometry floor = new Geometry("floor", new Box((maxX - minX) / 2, 0.05f, (maxZ - minZ) / 2));
        floor.setMaterial(materials.plain(palette.role(Palette.Role.FLOOR)));
        floor.setLocalTranslation((minX + maxX) / 2, -0.05f, (minZ + maxZ) / 2);
        return floor;
    }

    /** A flat strip on the floor from one station's centre to the next one's. */
    private static Geometry link(String id, Footprint from, Footprint to, Material material) {
        float dx = (float) (to.x() - from.x());
        float dz = (float) (to.z() - from.z());
        float length = (float) Math.hypot(dx, dz);
        Geometry strip = new Geometry("link:" + id, new Box(Math.max(length / 2, 0.01f), 0.02f, LINK_HALF_WIDTH));
        strip.setMaterial(material);
        strip.setLocalTranslation((float) (from.x() + dx / 2), 0.02f, (float) (from.z() + dz / 2));
        strip.setLocalRotation(new Quaternion().fromAngleAxis(FastMath.atan2(-dz, dx), Vector3f.UNIT_Y));
        return strip;
    }

    private static BufferFill rack(Node statics, FillBars bars, BufferSpec buffer, BufferPlacement placement,
            Material rack) {
        Footprint at = placement.rack();
        float length = (float) placement.lengthMetres();
        Quaternion turn = new Quaternion().fromAngleAxis((float) Math.toRadians(placement.angleDegrees()),
                Vector3f.UNIT_Y);
        Geometry table = new Geometry("rack:" + buffer.id(), new Box(length / 2, RACK_TOP / 2, (float) at.halfDepth()));
        table.setMaterial(rack);
        table.setLocalTranslation((float) at.x(), RACK_TOP / 2, (float) at.z());
        table.setLocalRotation(turn);
        statics.attachChild(table);
        int bar = bars.add(new Vector3f((float) at.x(), 0, (float) at.z()), turn, length, RACK_TOP + 0.06f, 0.06f,
                (float) at.halfDepth() * 0.7f);
        return new BufferFill(buffer.capacity(), fraction -> bars.show(bar, fraction));
    }
}
