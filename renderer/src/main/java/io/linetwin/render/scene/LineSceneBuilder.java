package io.linetwin.render.scene;

import com.jme3.asset.AssetManager;
import com.jme3.material.Material;
import com.jme3.math.ColorRGBA;
import com.jme3.math.Vector3f;
import com.jme3.renderer.queue.RenderQueue;
import com.jme3.scene.Geometry;
import com.jme3.scene.Mesh;
import com.jme3.scene.Node;
import com.jme3.scene.VertexBuffer;
import io.linetwin.model.BufferSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.StationSpec;
import io.linetwin.model.StationStatus;
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
    private final boolean bakedShadows;
    /** Above this many stations rollers, rack posts and round parts are drawn with fewer vertices. */
    static final int FULL_DETAIL_UP_TO = 60;

    private boolean coarse;

    /**
     * {@code bakedShadows}: paint the sun's shadows of the equipment onto the floor (software GL, where a shadow map
     * per frame costs more than the rest of the frame); a lit palette always gets baked ambient occlusion.
     */
    public LineSceneBuilder(AssetManager assets, Palette palette, boolean animated, boolean bakedShadows) {
        this.assets = assets;
        this.palette = palette;
        this.materials = new Materials(assets, palette);
        this.animated = animated;
        this.bakedShadows = bakedShadows && palette.lit();
    }

    public LineSceneBuilder(AssetManager assets, Palette palette, boolean animated) {
        this(assets, palette, animated, false);
    }

    public LineScene build(LineSpec line, FloorPlan plan) {
        coarse = line.stations().size() > FULL_DETAIL_UP_TO;
        Node root = new Node("line:" + line.id());
        MeshKit solid = new MeshKit();
        MeshKit boxes = new MeshKit();
        Equipment equipment = new Equipment(palette, coarse ? 6 : 12);
        Map<String, MachineStatusControl> machines = new LinkedHashMap<>();
        List<LineScene.Anchor> anchors = new ArrayList<>();
        for (StationSpec station : line.stations()) {
            Footprint at = plan.station(station.id());
            boolean hasState = station.kind().processesParts();
            double[] lamp = equipment.build(solid, at, MachineKind.of(station), hasState);
            Node node = new Node(LineScene.STATION_PREFIX + station.id());
            node.setLocalTranslation((float) at.x(), 0, (float) at.z());
            root.attachChild(node);
            if (hasState) {
                String id = station.id();
                MachineStatusControl control = new MachineStatusControl(
                        c -> {
                            solid.colour(Equipment.BAND + id, c);
                            solid.colour(Equipment.LAMP + id, c);
                        },
                        c -> solid.colour(Equipment.HEALTH + id, c),
                        palette,
                        animated);
                node.addControl(control);
                machines.put(id, control);
            }
            double top = Math.max(lamp[1], 1.0);
            anchors.add(new LineScene.Anchor(
                    station.id(),
                    new Vector3f((float) at.x(), (float) top + 0.2f, (float) at.z()),
                    hasState ? LineScene.Priority.MACHINE : LineScene.Priority.END));
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
                case AGV -> {}
            }
            link.rack().ifPresent(rack -> {
                BufferSpec buffer = line.buffer(link.id()).orElseThrow();
                int slots = rack(solid, boxes, rack, link.id());
                fills.put(link.id(), new RackFill(buffer.capacity(), slots, shown -> {
                    for (int i = 0; i < slots; i++) {
                        boxes.visible(SLOT + link.id() + ":" + i, i < shown);
                    }
                }));
            });
        }
        root.attachChild(floor(plan, solid));
        // Only the floor receives shadows: the shadow pass then redraws four vertices, not the whole line.
        Geometry solidGeometry = geometry("equipment", solid, materials.vertexColoured(), RenderQueue.ShadowMode.Cast);
        root.attachChild(solidGeometry);
        if (!boxes.isEmpty()) {
            root.attachChild(geometry("rack-boxes", boxes, materials.vertexColoured(), RenderQueue.ShadowMode.Cast));
        }
        MoversNode movers = new MoversNode(line, plan, materials.vertexColoured(), palette, palette.lit());
        root.attachChild(movers.node());
        LineScene scene =
                new LineScene(root, machines, fills, anchors, solid, solidGeometry, movers, conveyorLamps, palette);
        machines.values().forEach(m -> m.show(java.util.Optional.empty(), java.util.Optional.empty()));
        fills.values().forEach(f -> f.show(java.util.OptionalInt.empty()));
        conveyorLamps.forEach(id -> solid.colour(CONVEYOR_LAMP + id, palette.state(StationStatus.WORKING)));
        return scene;
    }

    private Geometry geometry(String name, MeshKit kit, Material material, RenderQueue.ShadowMode shadow) {
        Geometry g = new Geometry(name, palette.lit() ? kit.buildSunlit() : kit.build());
        g.setMaterial(material);
        g.setShadowMode(shadow);
        return g;
    }

    /** One quad with everything painted on the floor ({@link FloorTexture}), lit by {@code solid}'s shadows. */
    private Geometry floor(FloorPlan plan, MeshKit solid) {
        double minX = Math.floor(plan.minX() - FLOOR_MARGIN);
        double maxX = Math.ceil(plan.maxX() + FLOOR_MARGIN);
        double minZ = Math.floor(plan.minZ() - FLOOR_MARGIN);
        double maxZ = Math.ceil(plan.maxZ() + FLOOR_MARGIN);
        Mesh quad = new Mesh();
        quad.setBuffer(VertexBuffer.Type.Position, 3, new float[] {
            (float) minX,
            0,
            (float) minZ,
            (float) minX,
            0,
            (float) maxZ,
            (float) maxX,
            0,
            (float) maxZ,
            (float) maxX,
            0,
            (float) minZ
        });
        quad.setBuffer(VertexBuffer.Type.Normal, 3, new float[] {0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0});
        quad.setBuffer(VertexBuffer.Type.TexCoord, 2, new float[] {0, 0, 0, 1, 1, 1, 1, 0});
        quad.setBuffer(VertexBuffer.Type.Index, 3, new int[] {0, 1, 2, 0, 2, 3});
        quad.updateBound();
        Geometry floor = new Geometry("floor", quad);
        FloorTexture.Light light = !palette.lit()
                ? FloorTexture.Light.none()
                : new FloorTexture.Light(
                        plan.solids(), bakedShadows ? solid.shadows(Sunlight.DIRECTION) : List.of(), 0.5f, 0.45f);
        floor.setMaterial(materials.textured(
                FloorTexture.paint(palette, minX, maxX, minZ, maxZ, plan.agvs().lanes(), light)));
        floor.setShadowMode(RenderQueue.ShadowMode.Receive);
        return floor;
    }

    /** A powered roller transfer along the route: side rails, rollers across (a flat bed on large lines), legs. */
    private void transfer(MeshKit kit, Polyline route) {
        ColorRGBA steel = palette.role(Palette.Role.STEEL);
        ColorRGBA trim = palette.role(Palette.Role.TRIM);
        alongSegments(kit, route, length -> {
            double half = length / 2;
            for (double v : new double[] {-0.42, 0.42}) {
                kit.box(null, trim, half, TRANSFER_TOP - 0.04, v, half + 0.04, 0.07, 0.04);
            }
            kit.casting(false);
            if (coarse) {
                kit.box(null, steel, half, TRANSFER_TOP - 0.05, 0, half, 0.03, 0.38);
            } else {
                for (double u = 0.2; u < length - 0.1; u += 0.4) {
                    kit.box(null, steel, u, TRANSFER_TOP - 0.04, 0, 0.07, 0.04, 0.38);
                }
            }
            kit.casting(true);
            legs(kit, steel, length, 1.6, TRANSFER_TOP, 0.36);
        });
    }

    /** A belt conveyor along its route at its real length, with a status lamp at its head. */
    private void conveyor(MeshKit kit, Link link) {
        Polyline route = link.route();
        ColorRGBA steel = palette.role(Palette.Role.STEEL);
        ColorRGBA trim = palette.role(Palette.Role.TRIM);
        ColorRGBA belt = palette.role(Palette.Role.BELT);
        alongSegments(kit, route, length -> {
            double half = length / 2;
            kit.box(null, belt, half, BELT_TOP - 0.03, 0, half, 0.03, 0.3);
            for (double v : new double[] {-0.36, 0.36}) {
                kit.box(null, trim, half, BELT_TOP, v, half, 0.06, 0.05);
            }
            legs(kit, steel, length, 2.0, BELT_TOP, 0.3);
        });
        segmentFrame(kit, route, 0);
        kit.cylinder(null, steel, 0.5, BELT_TOP + 0.35, -0.48, 0.03, 0.3, 6, false);
        kit.glowing(true);
        kit.cylinder(
                CONVEYOR_LAMP + link.id(),
                palette.state(StationStatus.WORKING),
                0.5,
                BELT_TOP + 0.75,
                -0.48,
                0.12,
                0.12,
                10,
                false);
        kit.glowing(false);
    }

    /** Runs {@code segment} with the kit's frame at the start of each segment of the route, along it. */
    private static void alongSegments(MeshKit kit, Polyline route, java.util.function.DoubleConsumer segment) {
        for (int i = 0; i < route.segments(); i++) {
            double length = route.segmentLength(i);
            if (length > 1e-6) {
                segmentFrame(kit, route, i);
                segment.accept(length);
            }
        }
    }

    private static void legs(MeshKit kit, ColorRGBA colour, double length, double every, float top, double halfDepth) {
        for (double u = 0.15; u < length; u += every) {
            kit.box(null, colour, u, (top - 0.1) / 2, 0, 0.04, (top - 0.1) / 2, halfDepth);
        }
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
        if (coarse) {
            solid.box(null, steel, 0, 0.31, 0, hu - 0.1, 0.31, 0.06);
        } else {
            for (double u : new double[] {-hu + 0.04, hu - 0.04}) {
                for (double v : new double[] {-hv + 0.04, hv - 0.04}) {
                    solid.box(null, steel, u, 0.5, v, 0.04, 0.5, 0.04);
                }
            }
            solid.box(null, trim, 0, 0.15, 0, hu, 0.03, hv);
        }
        solid.box(null, trim, 0, 0.62, 0, hu, 0.03, hv);
        int columns = Math.max(1, (int) Math.floor(2 * hu / SLOT_PITCH));
        if (coarse) {
            columns = Math.min(columns, 3);
        }
        double pitch = 2 * hu / columns;
        boxes.frame(rack.x(), rack.z(), rack.rotationDegrees());
        ColorRGBA fill = palette.role(Palette.Role.FILL);
        int slot = 0;
        for (int c = 0; c < columns; c++) {
            for (double v : coarse ? new double[] {0} : new double[] {-hv / 2, hv / 2}) {
                boxes.box(
                        SLOT + id + ":" + slot,
                        fill,
                        -hu + pitch * (c + 0.5),
                        0.8,
                        v,
                        pitch * 0.42,
                        0.15,
                        coarse ? hv * 0.85 : hv / 2 * 0.85);
                slot++;
            }
        }
        return slot;
    }
}
