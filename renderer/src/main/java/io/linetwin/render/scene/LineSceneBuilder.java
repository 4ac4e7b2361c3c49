package io.linetwin.render.scene;

import com.jme3.asset.AssetManager;
import com.jme3.material.Material;
import com.jme3.material.RenderState;
import com.jme3.math.ColorRGBA;
import com.jme3.math.Vector3f;
import com.jme3.renderer.queue.RenderQueue;
import com.jme3.scene.Geometry;
import com.jme3.scene.Node;
import io.linetwin.model.BufferSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.StationKind;
import io.linetwin.model.StationSpec;
import io.linetwin.render.layout.FloorPlan;
import io.linetwin.render.layout.Footprint;
import io.linetwin.render.layout.Link;
import io.linetwin.render.layout.MachineKind;
import io.linetwin.render.layout.Polyline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the scene graph of a line from its floor plan: a concrete floor with a one-metre grid and walkway
 * markings, the equipment, roller transfers and conveyors along their routes, racks with boxes for the waiting
 * parts, AGV lanes, soft contact shadows under everything, and the anchors of the labels. Needs an asset manager
 * but no GL context, so the scene graph can be checked without rendering.
 */
public final class LineSceneBuilder {

    static final String CONVEYOR_LAMP = "conveyor-lamp:";
    static final String SLOT = "slot:";
    static final float TRANSFER_TOP = 0.75f;
    static final float BELT_TOP = 0.85f;
    private static final double FLOOR_MARGIN = 6;
    private static final double SLOT_PITCH = 0.42;

    private final AssetManager assets;
    private final Palette palette;
    private final Materials materials;
    private final boolean animated;

    public LineSceneBuilder(AssetManager assets, Palette palette, boolean animated) {
        this.assets = assets;
        this.palette = palette;
        this.materials = new Materials(assets, palette);
        this.animated = animated;
    }

    public LineScene build(LineSpec line, FloorPlan plan) {
        Node root = new Node("line:" + line.id());
        MeshKit marks = new MeshKit();
        MeshKit solid = new MeshKit();
        MeshKit boxes = new MeshKit();
        MeshKit shadows = new MeshKit();
        Geometry floor = floor(plan, marks);
        Equipment equipment = new Equipment(palette);
        Map<String, MachineStatusControl> machines = new LinkedHashMap<>();
        List<LineScene.Anchor> anchors = new ArrayList<>();
        for (StationSpec station : line.stations()) {
            Footprint at = plan.station(station.id());
            boolean hasState = station.kind() == StationKind.MACHINE || station.kind() == StationKind.ASSEMBLY;
            double[] lamp = equipment.build(solid, at, MachineKind.of(station), hasState);
            contactShadow(shadows, at, 0.9);
            Node node = new Node(LineScene.STATION_PREFIX + station.id());
            node.setLocalTranslation((float) at.x(), 0, (float) at.z());
            root.attachChild(node);
            if (hasState) {
                String id = station.id();
                MachineStatusControl control = new MachineStatusControl(c -> {
                    solid.colour(Equipment.BAND + id, c);
                    solid.colour(Equipment.LAMP + id, c);
                }, c -> solid.colour(Equipment.HEALTH + id, c), palette, animated);
                node.addControl(control);
                machines.put(id, control);
            }
            double top = Math.max(lamp[1], 1.0);
            anchors.add(new LineScene.Anchor(station.id(), new Vector3f((float) at.x(), (float) top + 0.2f,
                    (float) at.z()), hasState ? LineScene.Priority.MACHINE : LineScene.Priority.END));
        }
        solid.owner("");
        Map<String, RackFill> fills = new LinkedHashMap<>();
        List<String> conveyorLamps = new ArrayList<>();
        for (Link link : plan.links().values()) {
            switch (link.type()) {
                case TRANSFER -> transfer(solid, link.route());
                case CONVEYOR -> {
                    conveyor(solid, link);
                    conveyorLamps.add(link.id());
                }
                case AGV -> { }
            }
            link.rack().ifPresent(rack -> {
                BufferSpec buffer = line.buffer(link.id()).orElseThrow();
                int slots = rack(solid, boxes, rack, link.id());
                contactShadow(shadows, rack, 0.5);
                fills.put(link.id(), new RackFill(buffer.capacity(), slots, shown -> {
                    for (int i = 0; i < slots; i++) {
                        boxes.visible(SLOT + link.id() + ":" + i, i < shown);
                    }
                }));
            });
        }
        for (Polyline lane : plan.agvs().lanes()) {
            marks.frame(0, 0, 0);
            marks.strip(null, palette.role(Palette.Role.AGV_LANE), lane.xs()[0], lane.zs()[0], lane.xs()[1],
                    lane.zs()[1], 0.45, 0.012);
        }
        root.attachChild(floor);
        root.attachChild(geometry("floor-marks", marks, materials.vertexColoured(), RenderQueue.ShadowMode.Receive));
        Geometry solidGeometry = geometry("equipment", solid, materials.vertexColoured(),
                RenderQueue.ShadowMode.CastAndReceive);
        root.attachChild(solidGeometry);
        if (!boxes.isEmpty()) {
            root.attachChild(geometry("rack-boxes", boxes, materials.vertexColoured(),
                    RenderQueue.ShadowMode.CastAndReceive));
        }
        if (palette.lit() && !shadows.isEmpty()) {
            Geometry soft = geometry("contact-shadows", shadows, transparentVertexColoured(),
                    RenderQueue.ShadowMode.Off);
            soft.setQueueBucket(RenderQueue.Bucket.Transparent);
            root.attachChild(soft);
        }
        MoversNode movers = new MoversNode(line, plan, materials.vertexColoured(), palette);
        root.attachChild(movers.node());
        LineScene scene = new LineScene(root, machines, fills, anchors, solid, solidGeometry, movers,
                conveyorLamps, palette);
        machines.values().forEach(m -> m.show(java.util.Optional.empty(), java.util.Optional.empty()));
        fills.values().forEach(f -> f.show(java.util.OptionalInt.empty()));
        conveyorLamps.forEach(id -> solid.colour(CONVEYOR_LAMP + id,
                palette.state(io.linetwin.render.StationVisualState.WORKING)));
        return scene;
    }

    private static Geometry geometry(String name, MeshKit kit, Material material, RenderQueue.ShadowMode shadow) {
        Geometry g = new Geometry(name, kit.build());
        g.setMaterial(material);
        g.setShadowMode(shadow);
        return g;
    }

    private Material transparentVertexColoured() {
        Material m = new Material(assets, "Common/MatDefs/Misc/Unshaded.j3md");
        m.setBoolean("VertexColor", true);
        m.getAdditionalRenderState().setBlendMode(RenderState.BlendMode.Alpha);
        m.getAdditionalRenderState().setDepthWrite(false);
        return m;
    }

    /** Concrete with a one-metre grid (every fifth line heavier) and a yellow-edged walkway round the line. */
    private Geometry floor(FloorPlan plan, MeshKit marks) {
        double minX = Math.floor(plan.minX() - FLOOR_MARGIN);
        double maxX = Math.ceil(plan.maxX() + FLOOR_MARGIN);
        double minZ = Math.floor(plan.minZ() - FLOOR_MARGIN);
        double maxZ = Math.ceil(plan.maxZ() + FLOOR_MARGIN);
        MeshKit slab = new MeshKit().frame(0, 0, 0);
        slab.box(null, palette.role(Palette.Role.FLOOR), (minX + maxX) / 2, -0.05, (minZ + maxZ) / 2,
                (maxX - minX) / 2, 0.05, (maxZ - minZ) / 2);
        Geometry floor = geometry("floor", slab, materials.vertexColoured(), RenderQueue.ShadowMode.Receive);
        marks.frame(0, 0, 0);
        ColorRGBA grid = palette.role(Palette.Role.GRID);
        for (double x = minX; x <= maxX; x += 1) {
            marks.strip(null, grid, x, minZ, x, maxZ, Math.round(x) % 5 == 0 ? 0.04 : 0.012, 0.003);
        }
        for (double z = minZ; z <= maxZ; z += 1) {
            marks.strip(null, grid, minX, z, maxX, z, Math.round(z) % 5 == 0 ? 0.04 : 0.012, 0.003);
        }
        ColorRGBA aisle = palette.role(Palette.Role.AISLE);
        for (double inset : new double[] {2.0, 3.4}) {
            double x0 = minX + inset;
            double x1 = maxX - inset;
            double z0 = minZ + inset;
            double z1 = maxZ - inset;
            marks.strip(null, aisle, x0, z0, x1, z0, 0.07, 0.006);
            marks.strip(null, aisle, x0, z1, x1, z1, 0.07, 0.006);
            marks.strip(null, aisle, x0, z0, x0, z1, 0.07, 0.006);
            marks.strip(null, aisle, x1, z0, x1, z1, 0.07, 0.006);
        }
        return floor;
    }

    /** A dark soft rectangle on the floor round a footprint: ambient occlusion that costs nothing per frame. */
    private void contactShadow(MeshKit kit, Footprint f, double spread) {
        ColorRGBA dark = palette.role(Palette.Role.SHADOW);
        ColorRGBA clear = dark.clone().setAlpha(0);
        kit.frame(f.x(), f.z(), f.rotationDegrees());
        double iu = f.halfWidth();
        double iv = f.halfDepth();
        double ou = iu + spread;
        double ov = iv + spread;
        kit.quad(new double[] {-iu, iu, iu, -iu}, new double[] {-iv, -iv, iv, iv}, 0.008,
                new ColorRGBA[] {dark, dark, dark, dark});
        double[][] ring = {{-iu, -iv, -ou, -ov}, {iu, -iv, ou, -ov}, {iu, iv, ou, ov}, {-iu, iv, -ou, ov}};
        for (int k = 0; k < 4; k++) {
            double[] a = ring[k];
            double[] b = ring[(k + 1) % 4];
            kit.quad(new double[] {a[0], b[0], b[2], a[2]}, new double[] {a[1], b[1], b[3], a[3]}, 0.008,
                    new ColorRGBA[] {dark, dark, clear, clear});
        }
    }

    /** A powered roller transfer along the route: side rails, rollers across, legs. */
    private void transfer(MeshKit kit, Polyline route) {
        ColorRGBA steel = palette.role(Palette.Role.STEEL);
        ColorRGBA trim = palette.role(Palette.Role.TRIM);
        for (int i = 0; i < route.segments(); i++) {
            double length = route.segmentLength(i);
            if (length < 1e-6) {
                continue;
            }
            segmentFrame(kit, route, i);
            double half = length / 2;
            for (double v : new double[] {-0.42, 0.42}) {
                kit.box(null, trim, half, TRANSFER_TOP - 0.04, v, half + 0.04, 0.07, 0.04);
            }
            for (double u = 0.2; u < length - 0.1; u += 0.32) {
                kit.box(null, steel, u, TRANSFER_TOP - 0.04, 0, 0.06, 0.04, 0.38);
            }
            for (double u = 0.15; u < length; u += 1.6) {
                kit.box(null, steel, u, (TRANSFER_TOP - 0.1) / 2, 0, 0.04, (TRANSFER_TOP - 0.1) / 2, 0.36);
            }
        }
    }

    /** A belt conveyor along its route at its real length, with a status lamp at its head. */
    private void conveyor(MeshKit kit, Link link) {
        Polyline route = link.route();
        ColorRGBA steel = palette.role(Palette.Role.STEEL);
        ColorRGBA trim = palette.role(Palette.Role.TRIM);
        ColorRGBA belt = palette.role(Palette.Role.BELT);
        for (int i = 0; i < route.segments(); i++) {
            double length = route.segmentLength(i);
            if (length < 1e-6) {
                continue;
            }
            segmentFrame(kit, route, i);
            double half = length / 2;
            kit.box(null, belt, half, BELT_TOP - 0.03, 0, half, 0.03, 0.3);
            for (double v : new double[] {-0.36, 0.36}) {
                kit.box(null, trim, half, BELT_TOP, v, half, 0.06, 0.05);
            }
            for (double u = 0.3; u < length; u += 2.0) {
                kit.box(null, steel, u, (BELT_TOP - 0.1) / 2, 0, 0.05, (BELT_TOP - 0.1) / 2, 0.3);
            }
        }
        segmentFrame(kit, route, 0);
        kit.cylinder(null, steel, 0.5, BELT_TOP + 0.35, -0.48, 0.03, 0.3, 6, false);
        kit.cylinder(CONVEYOR_LAMP + link.id(), palette.state(io.linetwin.render.StationVisualState.WORKING), 0.5,
                BELT_TOP + 0.75, -0.48, 0.12, 0.12, 10, false);
    }

    private static void segmentFrame(MeshKit kit, Polyline route, int i) {
        double dx = route.xs()[i + 1] - route.xs()[i];
        double dz = route.zs()[i + 1] - route.zs()[i];
        kit.frame(route.xs()[i], route.zs()[i], Math.toDegrees(Math.atan2(-dz, dx)));
    }

    /** A steel rack with a deck; returns how many box places it has (two rows along it). */
    private int rack(MeshKit solid, MeshKit boxes, Footprint rack, String id) {
        ColorRGBA steel = palette.role(Palette.Role.STEEL);
        ColorRGBA trim = palette.role(Palette.Role.TRIM);
        double hu = rack.halfWidth();
        double hv = rack.halfDepth();
        solid.frame(rack.x(), rack.z(), rack.rotationDegrees()).owner("");
        for (double u : new double[] {-hu + 0.04, hu - 0.04}) {
            for (double v : new double[] {-hv + 0.04, hv - 0.04}) {
                solid.box(null, steel, u, 0.5, v, 0.04, 0.5, 0.04);
            }
        }
        solid.box(null, trim, 0, 0.62, 0, hu, 0.03, hv);
        solid.box(null, trim, 0, 0.15, 0, hu, 0.03, hv);
        int columns = Math.max(1, (int) Math.floor(2 * hu / SLOT_PITCH));
        double pitch = 2 * hu / columns;
        boxes.frame(rack.x(), rack.z(), rack.rotationDegrees());
        ColorRGBA fill = palette.role(Palette.Role.FILL);
        int slot = 0;
        for (int c = 0; c < columns; c++) {
            for (double v : new double[] {-hv / 2, hv / 2}) {
                boxes.box(SLOT + id + ":" + slot, fill, -hu + pitch * (c + 0.5), 0.8, v, pitch * 0.42, 0.15,
                        hv / 2 * 0.85);
                slot++;
            }
        }
        return slot;
    }
}
