package io.linetwin.render.scene;

import com.jme3.material.Material;
import com.jme3.math.ColorRGBA;
import com.jme3.scene.Geometry;
import com.jme3.scene.Mesh;
import com.jme3.scene.VertexBuffer;
import com.jme3.scene.mesh.IndexBuffer;
import com.jme3.util.BufferUtils;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jme3tools.optimize.GeometryBatchFactory;

/**
 * Many small parts merged into one mesh with a colour per vertex, so hundreds of machines cost one draw call
 * on software GL. Each part belongs to a key (a machine's body, its lamp); recolouring a key rewrites its
 * vertex range, and a hit triangle maps back to its key for picking.
 */
final class ColourBatch {

    private final List<Geometry> parts = new ArrayList<>();
    private final List<String> partKeys = new ArrayList<>();
    private final Map<String, List<int[]>> ranges = new LinkedHashMap<>();
    private Geometry geometry;
    private FloatBuffer colours;
    private int[] ownerOfVertex;
    private List<String> owners;

    /** Adds a part whose world transform is up to date; it is merged where it stands. */
    void add(String key, Geometry part) {
        if (geometry != null) {
            throw new IllegalStateException("parts must be added before the batch is built, got " + key);
        }
        parts.add(part);
        partKeys.add(key);
    }

    Geometry build(String name, Material material) {
        Mesh mesh = new Mesh();
        GeometryBatchFactory.mergeGeometries(parts, mesh);
        int vertices = mesh.getVertexCount();
        colours = BufferUtils.createFloatBuffer(vertices * 4);
        mesh.setBuffer(VertexBuffer.Type.Color, 4, colours);
        mesh.getBuffer(VertexBuffer.Type.Color).setUsage(VertexBuffer.Usage.Dynamic);
        owners = new ArrayList<>();
        ownerOfVertex = new int[vertices];
        Map<String, Integer> ownerIndex = new LinkedHashMap<>();
        int start = 0;
        for (int i = 0; i < parts.size(); i++) {
            int count = parts.get(i).getMesh().getVertexCount();
            String key = partKeys.get(i);
            ranges.computeIfAbsent(key, k -> new ArrayList<>()).add(new int[] {start, count});
            int owner = ownerIndex.computeIfAbsent(key, k -> {
                owners.add(k);
                return owners.size() - 1;
            });
            java.util.Arrays.fill(ownerOfVertex, start, start + count, owner);
            start += count;
        }
        if (start != vertices) {
            throw new IllegalStateException("merged mesh must hold every part's vertices, expected " + start
                    + ", got " + vertices);
        }
        mesh.updateBound();
        geometry = new Geometry(name, mesh);
        geometry.setMaterial(material);
        parts.clear();
        partKeys.clear();
        return geometry;
    }

    void colour(String key, ColorRGBA colour) {
        List<int[]> keyRanges = ranges.get(key);
        if (keyRanges == null) {
            throw new IllegalArgumentException("batch key must be one of its parts' keys, got " + key);
        }
        for (int[] range : keyRanges) {
            for (int v = range[0]; v < range[0] + range[1]; v++) {
                colours.put(v * 4, colour.r).put(v * 4 + 1, colour.g).put(v * 4 + 2, colour.b).put(v * 4 + 3, 1f);
            }
        }
        geometry.getMesh().getBuffer(VertexBuffer.Type.Color).setUpdateNeeded();
    }

    boolean owns(Geometry hit) {
        return hit == geometry;
    }

    /** The key of the part that triangle {@code triangle} of the merged mesh belongs to. */
    Optional<String> keyOfTriangle(int triangle) {
        IndexBuffer indices = geometry.getMesh().getIndexBuffer();
        int index = triangle * 3;
        if (triangle < 0 || index >= indices.size()) {
            return Optional.empty();
        }
        return Optional.of(owners.get(ownerOfVertex[indices.get(index)]));
    }
}
