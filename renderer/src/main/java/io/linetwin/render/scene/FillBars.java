package io.linetwin.render.scene;

import com.jme3.material.Material;
import com.jme3.math.Quaternion;
import com.jme3.math.Vector3f;
import com.jme3.scene.Geometry;
import com.jme3.scene.Mesh;
import com.jme3.scene.VertexBuffer;
import com.jme3.scene.shape.Box;
import com.jme3.util.BufferUtils;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Every rack's fill bar in one mesh, so a line of hundreds of buffers costs one draw call. A bar is a box lying
 * on its rack from the upstream end; a new level moves the box's downstream face, rewriting only that bar's
 * vertex positions. An empty bar collapses to zero length and draws nothing.
 */
final class FillBars {

    private static final Box UNIT = new Box(0.5f, 0.5f, 0.5f);
    private static final int VERTICES = UNIT.getVertexCount();

    private final List<Bar> bars = new ArrayList<>();
    private Geometry geometry;
    private FloatBuffer positions;

    /** Where one bar lies: its rack's centre on the floor, turn, length, the bar's height and half width. */
    private record Bar(Vector3f centre, Quaternion turn, float length, float y, float halfHeight, float halfWidth) {
    }

    /** Adds a bar and returns its index for {@link #show}. */
    int add(Vector3f rackCentre, Quaternion turn, float rackLength, float y, float halfHeight, float halfWidth) {
        if (geometry != null) {
            throw new IllegalStateException("bars must be added before the mesh is built, got bar " + bars.size());
        }
        bars.add(new Bar(rackCentre.clone(), turn.clone(), rackLength, y, halfHeight, halfWidth));
        return bars.size() - 1;
    }

    Geometry build(String name, Material material) {
        int count = bars.size();
        positions = BufferUtils.createFloatBuffer(count * VERTICES * 3);
        FloatBuffer normals = BufferUtils.createFloatBuffer(count * VERTICES * 3);
        FloatBuffer unitNormals = UNIT.getFloatBuffer(VertexBuffer.Type.Normal);
        int[] unitIndex = indices(UNIT);
        IntBuffer index = BufferUtils.createIntBuffer(count * unitIndex.length);
        Vector3f n = new Vector3f();
        for (int b = 0; b < count; b++) {
            Bar bar = bars.get(b);
            for (int v = 0; v < VERTICES; v++) {
                n.set(unitNormals.get(v * 3), unitNormals.get(v * 3 + 1), unitNormals.get(v * 3 + 2));
                bar.turn().multLocal(n);
                normals.put(n.x).put(n.y).put(n.z);
            }
            for (int i : unitIndex) {
                index.put(b * VERTICES + i);
            }
        }
        Mesh mesh = new Mesh();
        mesh.setBuffer(VertexBuffer.Type.Position, 3, positions);
        mesh.setBuffer(VertexBuffer.Type.Normal, 3, normals.flip());
        mesh.setBuffer(VertexBuffer.Type.Index, 3, index.flip());
        mesh.getBuffer(VertexBuffer.Type.Position).setUsage(VertexBuffer.Usage.Dynamic);
        for (int b = 0; b < count; b++) {
            write(b, 0);
        }
        mesh.updateCounts();
        mesh.updateBound();
        geometry = new Geometry(name, mesh);
        geometry.setMaterial(material);
        return geometry;
    }

    /** Sets bar {@code bar} to cover {@code fraction} (0..1) of its rack. */
    void show(int bar, float fraction) {
        write(bar, fraction);
        Mesh mesh = geometry.getMesh();
        mesh.getBuffer(VertexBuffer.Type.Position).setUpdateNeeded();
        mesh.updateBound();
        geometry.updateModelBound();
    }

    private void write(int b, float fraction) {
        Bar bar = bars.get(b);
        FloatBuffer unit = UNIT.getFloatBuffer(VertexBuffer.Type.Position);
        float covered = fraction * bar.length();
        Vector3f p = new Vector3f();
        for (int v = 0; v < VERTICES; v++) {
            // Unit box x in [-0.5, 0.5] maps onto [upstream end, upstream end + covered] along the rack.
            float x = -bar.length() / 2 + (unit.get(v * 3) + 0.5f) * covered;
            p.set(x, bar.y() + unit.get(v * 3 + 1) * 2 * bar.halfHeight(), unit.get(v * 3 + 2) * 2 * bar.halfWidth());
            bar.turn().multLocal(p).addLocal(bar.centre());
            int at = (b * VERTICES + v) * 3;
            positions.put(at, p.x).put(at + 1, p.y).put(at + 2, p.z);
        }
    }

    private static int[] indices(Mesh mesh) {
        var buffer = mesh.getIndexBuffer();
        int[] out = new int[buffer.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = buffer.get(i);
        }
        return out;
    }
}
