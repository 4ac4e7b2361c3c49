package io.linetwin.render.scene;

import com.jme3.material.Material;
import com.jme3.math.Quaternion;
import com.jme3.math.Vector3f;
import com.jme3.renderer.queue.RenderQueue;
import com.jme3.scene.Geometry;
import com.jme3.scene.Mesh;
import com.jme3.scene.Node;
import com.jme3.scene.Spatial;
import io.linetwin.model.ConveyorSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.render.Movers;
import io.linetwin.render.layout.FloorPlan;
import io.linetwin.render.layout.Link;
import io.linetwin.render.layout.Polyline;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Draws what travels: a box per part riding a conveyor, at its distance along the conveyor's route (drawn at its
 * real length, so metres are metres), and each AGV along the lanes between the stations of its trip (the path
 * graph's shortest path, or its move's lane), carrying a box when loaded. Geometries are pooled and renamed
 * {@code part:<id>} / {@code agv:<n>} each time, so the scene graph says who is where.
 */
final class MoversNode {

    static final String PART_PREFIX = "part:";
    static final String AGV_PREFIX = "agv:";
    private static final float PART_HALF = 0.15f;

    private final Node node = new Node("movers");
    private final LineSpec line;
    private final FloorPlan plan;
    private final Material material;
    private final Mesh partMesh;
    private final Mesh agvMesh;
    private final Mesh loadedMesh;
    private final List<Geometry> parts = new ArrayList<>();
    private final List<Geometry> agvs = new ArrayList<>();

    /** {@code sunlit}: bake the scene's light into the movers' colours (lit palettes). */
    MoversNode(LineSpec line, FloorPlan plan, Material material, Palette palette, boolean sunlit) {
        this.line = line;
        this.plan = plan;
        this.material = material;
        MeshKit part = new MeshKit()
                .frame(0, 0, 0)
                .box(null, palette.role(Palette.Role.PART), 0, PART_HALF, 0, PART_HALF, PART_HALF, PART_HALF);
        partMesh = sunlit ? part.buildSunlit() : part.build();
        agvMesh = agv(palette, false, sunlit);
        loadedMesh = agv(palette, true, sunlit);
    }

    private static Mesh agv(Palette palette, boolean loaded, boolean sunlit) {
        MeshKit kit = new MeshKit().frame(0, 0, 0);
        kit.box(null, palette.role(Palette.Role.AGV), 0, 0.2, 0, 0.75, 0.14, 0.5);
        kit.box(null, palette.role(Palette.Role.TRIM), 0, 0.07, 0, 0.7, 0.05, 0.45);
        kit.box(null, palette.role(Palette.Role.STEEL), 0, 0.36, 0, 0.6, 0.02, 0.42);
        kit.cylinder(null, palette.role(Palette.Role.TRIM), 0.6, 0.42, 0, 0.08, 0.05, 8, false);
        if (loaded) {
            kit.box(null, palette.role(Palette.Role.PART), 0, 0.62, 0, 0.5, 0.24, 0.35);
        }
        return sunlit ? kit.buildSunlit() : kit.build();
    }

    Node node() {
        return node;
    }

    void apply(Movers movers) {
        int used = 0;
        for (Map.Entry<Long, Movers.OnConveyor> part : movers.parts().entrySet()) {
            Optional<double[]> at = onConveyor(part.getValue());
            if (at.isPresent()) {
                Geometry g = take(parts, used++, partMesh);
                g.setName(PART_PREFIX + part.getKey());
                g.setLocalTranslation((float) at.get()[0], LineSceneBuilder.BELT_TOP, (float) at.get()[1]);
                g.setLocalRotation(new Quaternion().fromAngleAxis((float) at.get()[2], Vector3f.UNIT_Y));
            }
        }
        hideFrom(parts, used);
        used = 0;
        for (Map.Entry<Integer, Movers.Trip> vehicle : movers.vehicles().entrySet()) {
            Movers.Trip trip = vehicle.getValue();
            Optional<Polyline> route = plan.agvs().route(trip.from(), trip.to());
            if (route.isPresent()) {
                Geometry g = take(agvs, used++, trip.loaded() ? loadedMesh : agvMesh);
                g.setName(AGV_PREFIX + vehicle.getKey());
                double[] at = route.get().at(trip.done() * route.get().length());
                g.setLocalTranslation((float) at[0], 0.02f, (float) at[1]);
                g.setLocalRotation(new Quaternion().fromAngleAxis((float) at[2], Vector3f.UNIT_Y));
            }
        }
        hideFrom(agvs, used);
    }

    /** Where a part {@code metres} along its conveyor stands: x, z, heading; empty for an unknown conveyor. */
    Optional<double[]> onConveyor(Movers.OnConveyor part) {
        Optional<ConveyorSpec> spec = line.conveyor(part.conveyor());
        Optional<Link> link = plan.link(part.conveyor());
        if (spec.isEmpty() || link.isEmpty()) {
            return Optional.empty();
        }
        Polyline route = link.get().route();
        // The route has the conveyor's length unless routing had to stretch it; scale onto it either way.
        double metres =
                Math.min(part.metres(), spec.get().lengthMetres()) / spec.get().lengthMetres() * route.length();
        double inset = Math.min(PART_HALF, route.length() / 2);
        return Optional.of(route.at(Math.max(inset, Math.min(route.length() - inset, metres))));
    }

    private Geometry take(List<Geometry> pool, int index, Mesh mesh) {
        if (index == pool.size()) {
            Geometry g = new Geometry("mover", mesh);
            g.setMaterial(material);
            g.setShadowMode(RenderQueue.ShadowMode.Cast);
            node.attachChild(g);
            pool.add(g);
        }
        Geometry g = pool.get(index);
        if (g.getMesh() != mesh) {
            g.setMesh(mesh);
        }
        g.setCullHint(Spatial.CullHint.Inherit);
        return g;
    }

    private static void hideFrom(List<Geometry> pool, int used) {
        for (int i = used; i < pool.size(); i++) {
            pool.get(i).setCullHint(Spatial.CullHint.Always);
            pool.get(i).setName("mover");
        }
    }
}
