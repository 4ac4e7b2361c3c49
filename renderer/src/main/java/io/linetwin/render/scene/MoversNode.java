package io.linetwin.render.scene;

import com.jme3.material.Material;
import com.jme3.math.FastMath;
import com.jme3.math.Vector3f;
import com.jme3.scene.Geometry;
import com.jme3.scene.Node;
import com.jme3.scene.Spatial;
import com.jme3.scene.shape.Box;
import io.linetwin.model.ConveyorSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.render.Movers;
import io.linetwin.render.layout.BufferPlacement;
import io.linetwin.render.layout.FloorPlan;
import io.linetwin.render.layout.Footprint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Draws what travels: a small box per part on a conveyor, along the conveyor's rack (the belt's length scaled
 * onto the rack), and a cart per AGV on the straight line between the stations of its leg. Geometries are
 * pooled and renamed {@code part:<id>} / {@code agv:<n>} each time, so the scene graph says who is where.
 */
final class MoversNode {

    static final String PART_PREFIX = "part:";
    static final String AGV_PREFIX = "agv:";
    private static final float PART_Y = 0.6f + 0.2f;
    private static final float AGV_Y = 0.35f;
    private static final float PART_HALF = 0.14f;

    private final Node node = new Node("movers");
    private final LineSpec line;
    private final FloorPlan plan;
    private final Material partMaterial;
    private final Material agvMaterial;
    private final List<Geometry> parts = new ArrayList<>();
    private final List<Geometry> agvs = new ArrayList<>();

    MoversNode(LineSpec line, FloorPlan plan, Material partMaterial, Material agvMaterial) {
        this.line = line;
        this.plan = plan;
        this.partMaterial = partMaterial;
        this.agvMaterial = agvMaterial;
    }

    Node node() {
        return node;
    }

    void apply(Movers movers) {
        int used = 0;
        for (Map.Entry<Long, Movers.OnConveyor> part : movers.parts().entrySet()) {
            Vector3f at = onConveyor(part.getValue());
            if (at != null) {
                Geometry g = take(parts, used++, partMaterial, new Box(PART_HALF, PART_HALF, PART_HALF));
                g.setName(PART_PREFIX + part.getKey());
                g.setLocalTranslation(at);
                BufferPlacement rack = plan.buffer(part.getValue().conveyor()).orElseThrow();
                ConveyorSpec spec = line.conveyor(part.getValue().conveyor()).orElseThrow();
                // Shorter than the spacing scaled onto the rack, so parts that close up stay apart.
                float spacing = (float) (spec.spacingMetres() / spec.lengthMetres() * rack.lengthMetres());
                float along = Math.max(0.02f, Math.min(PART_HALF, 0.4f * spacing));
                g.setLocalScale(along / PART_HALF, 1, 1);
                g.setLocalRotation(new com.jme3.math.Quaternion().fromAngleAxis(
                        (float) Math.toRadians(rack.angleDegrees()), Vector3f.UNIT_Y));
            }
        }
        hideFrom(parts, used);
        used = 0;
        for (Map.Entry<Integer, Movers.Trip> vehicle : movers.vehicles().entrySet()) {
            Movers.Trip trip = vehicle.getValue();
            Footprint from = plan.stations().get(trip.from());
            Footprint to = plan.stations().get(trip.to());
            if (from != null && to != null) {
                Geometry g = take(agvs, used++, agvMaterial, new Box(0.6f, 0.25f, 0.45f));
                g.setName(AGV_PREFIX + vehicle.getKey());
                float done = (float) trip.done();
                g.setLocalTranslation(FastMath.interpolateLinear(done, (float) from.x(), (float) to.x()), AGV_Y,
                        FastMath.interpolateLinear(done, (float) from.z(), (float) to.z()));
            }
        }
        hideFrom(agvs, used);
    }

    /** Where a part {@code metres} along its conveyor stands on the floor; null for an unknown conveyor. */
    Vector3f onConveyor(Movers.OnConveyor part) {
        ConveyorSpec spec = line.conveyor(part.conveyor()).orElse(null);
        BufferPlacement rack = plan.buffer(part.conveyor()).orElse(null);
        if (spec == null || rack == null) {
            return null;
        }
        double angle = Math.toRadians(rack.angleDegrees());
        double dx = Math.cos(angle);
        double dz = -Math.sin(angle);
        double along = (Math.min(part.metres(), spec.lengthMetres()) / spec.lengthMetres() - 0.5)
                * rack.lengthMetres();
        return new Vector3f((float) (rack.rack().x() + dx * along), PART_Y, (float) (rack.rack().z() + dz * along));
    }

    private Geometry take(List<Geometry> pool, int index, Material material, Box shape) {
        if (index == pool.size()) {
            Geometry g = new Geometry("mover", shape);
            g.setMaterial(material);
            node.attachChild(g);
            pool.add(g);
        }
        Geometry g = pool.get(index);
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
