package io.linetwin.render.scene;

import com.jme3.material.Material;
import com.jme3.math.FastMath;
import com.jme3.math.Quaternion;
import com.jme3.math.Vector3f;
import com.jme3.scene.Geometry;
import com.jme3.scene.Mesh;
import com.jme3.scene.Node;
import com.jme3.scene.shape.Box;
import com.jme3.scene.shape.Cylinder;
import io.linetwin.render.layout.MachineKind;

/**
 * Procedural equipment, one recognisable silhouette per {@link MachineKind}, built from boxes and cylinders
 * within the footprint's half extents. Every part shares the status material, so the whole machine takes
 * its state's colour; seen from above each machine is one solid blob.
 */
final class MachineShapes {

    private MachineShapes() {
    }

    /** The machine's parts under one node, base on the floor (y = 0); returns the height of its top. */
    static float build(Node node, MachineKind kind, Material status, float hw, float hd) {
        return switch (kind) {
            case SOURCE -> source(node, status, hw, hd);
            case SINK -> sink(node, status, hw, hd);
            case PRESS -> press(node, status, hw, hd);
            case FILLER -> filler(node, status, hw, hd);
            case ROBOT -> robot(node, status, hw, hd);
            case OVEN -> oven(node, status, hw, hd);
            case PACKER -> packer(node, status, hw, hd);
            case GENERIC -> generic(node, status, hw, hd);
        };
    }

    private static float generic(Node node, Material m, float hw, float hd) {
        box(node, m, "base", hw * 0.95f, 0.5f, hd * 0.95f, 0, 0.5f, 0);
        box(node, m, "cabinet", hw * 0.6f, 0.45f, hd * 0.6f, 0, 1.45f, 0);
        return 1.9f;
    }

    private static float source(Node node, Material m, float hw, float hd) {
        box(node, m, "pallet", hw * 0.95f, 0.12f, hd * 0.95f, 0, 0.12f, 0);
        box(node, m, "stack", hw * 0.8f, 0.6f, hd * 0.8f, 0, 0.84f, 0);
        return 1.44f;
    }

    private static float sink(Node node, Material m, float hw, float hd) {
        box(node, m, "bay", hw * 0.95f, 0.15f, hd * 0.95f, 0, 0.15f, 0);
        box(node, m, "load-a", hw * 0.4f, 0.45f, hd * 0.4f, -hw * 0.45f, 0.75f, 0);
        box(node, m, "load-b", hw * 0.4f, 0.3f, hd * 0.4f, hw * 0.45f, 0.6f, 0);
        return 1.2f;
    }

    private static float press(Node node, Material m, float hw, float hd) {
        box(node, m, "bed", hw * 0.95f, 0.4f, hd * 0.9f, 0, 0.4f, 0);
        box(node, m, "column-l", 0.25f, 1.2f, 0.3f, -hw * 0.7f, 2.0f, 0);
        box(node, m, "column-r", 0.25f, 1.2f, 0.3f, hw * 0.7f, 2.0f, 0);
        box(node, m, "crown", hw * 0.95f, 0.35f, hd * 0.7f, 0, 3.5f, 0);
        box(node, m, "ram", hw * 0.5f, 0.3f, hd * 0.5f, 0, 2.6f, 0);
        return 3.85f;
    }

    private static float filler(Node node, Material m, float hw, float hd) {
        box(node, m, "skid", hw * 0.95f, 0.3f, hd * 0.95f, 0, 0.3f, 0);
        cylinder(node, m, "carousel", Math.min(hw, hd) * 0.85f, 0.9f, 0, 1.05f, 0);
        cylinder(node, m, "bowl", Math.min(hw, hd) * 0.45f, 0.6f, 0, 1.8f, 0);
        return 2.1f;
    }

    private static float robot(Node node, Material m, float hw, float hd) {
        box(node, m, "cell-floor", hw * 0.95f, 0.1f, hd * 0.95f, 0, 0.1f, 0);
        cylinder(node, m, "pedestal", 0.45f, 1.0f, 0, 0.7f, 0);
        Geometry arm = box(node, m, "arm", 0.15f, 0.15f, 0.9f, 0, 1.6f, 0.4f);
        arm.setLocalRotation(new Quaternion().fromAngleAxis(-FastMath.PI / 6, Vector3f.UNIT_X));
        box(node, m, "fixture", hw * 0.4f, 0.3f, hd * 0.3f, 0, 0.5f, hd * 0.55f);
        return 2.1f;
    }

    private static float oven(Node node, Material m, float hw, float hd) {
        box(node, m, "tunnel", hw * 0.95f, 0.8f, hd * 0.85f, 0, 0.8f, 0);
        box(node, m, "hood", hw * 0.7f, 0.25f, hd * 0.6f, 0, 1.85f, 0);
        cylinder(node, m, "stack", 0.2f, 0.8f, hw * 0.5f, 2.5f, 0);
        return 2.9f;
    }

    private static float packer(Node node, Material m, float hw, float hd) {
        box(node, m, "frame", hw * 0.95f, 0.6f, hd * 0.9f, 0, 0.6f, 0);
        box(node, m, "magazine", hw * 0.35f, 0.5f, hd * 0.5f, -hw * 0.45f, 1.7f, 0);
        return 2.2f;
    }

    private static Geometry box(Node node, Material m, String name, float hx, float hy, float hz,
            float x, float y, float z) {
        return attach(node, m, name, new Box(hx, hy, hz), x, y, z);
    }

    private static Geometry cylinder(Node node, Material m, String name, float radius, float halfHeight,
            float x, float y, float z) {
        Geometry g = attach(node, m, name, new Cylinder(2, 24, radius, halfHeight * 2, true), x, y, z);
        g.setLocalRotation(new Quaternion().fromAngleAxis(FastMath.HALF_PI, Vector3f.UNIT_X));
        return g;
    }

    private static Geometry attach(Node node, Material m, String name, Mesh mesh, float x, float y, float z) {
        Geometry g = new Geometry(name, mesh);
        g.setMaterial(m);
        g.setLocalTranslation(x, y, z);
        node.attachChild(g);
        return g;
    }
}
