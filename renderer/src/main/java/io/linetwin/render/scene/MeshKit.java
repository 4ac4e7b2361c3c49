package io.linetwin.render.scene;

import com.jme3.math.ColorRGBA;
import com.jme3.scene.Mesh;
import com.jme3.scene.VertexBuffer;
import com.jme3.util.BufferUtils;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds one mesh, coloured per vertex, from boxes, cylinders and floor strips placed in a movable local frame
 * (a station's centre and heading). Parts belong to keys: a key's colour can be rewritten later (a machine's
 * state light) and a triangle maps back to its owner (picking). One mesh is one draw call on software GL.
 */
final class MeshKit {

    private float[] pos = new float[3 * 1024];
    private float[] nor = new float[3 * 1024];
    private float[] col = new float[4 * 1024];
    private int[] idx = new int[1024];
    private int vertices;
    private int indices;
    private final Map<String, List<int[]>> ranges = new HashMap<>();
    private final List<String> owners = new ArrayList<>();
    private final List<Integer> ownerStart = new ArrayList<>();
    private double ox;
    private double oz;
    private double cos = 1;
    private double sin;
    private String owner = "";
    /** Parts added while set face the sky whatever their shape: lamps that should look lit from every side. */
    private boolean glowing;

    private Mesh mesh;
    private FloatBuffer colours;
    /** Per vertex, the light falling on it (r, g, b factors); null for an unlit mesh. */
    private float[] light;
    /** Vertex ranges of the parts that cast shadows on the floor: {first vertex, end}. */
    private final List<int[]> casters = new ArrayList<>();

    private boolean casting = true;

    /** Local frame: origin on the floor at (x, z), local +x along {@code headingDegrees} (jME's turn about y). */
    MeshKit frame(double x, double z, double headingDegrees) {
        ox = x;
        oz = z;
        cos = Math.cos(Math.toRadians(headingDegrees));
        sin = -Math.sin(Math.toRadians(headingDegrees));
        return this;
    }

    /** Parts added from now on look lit from every side (true) or are shaded by their faces (false). */
    MeshKit glowing(boolean glow) {
        glowing = glow;
        return this;
    }

    /** Parts added from now on belong to {@code id} (picking). */
    MeshKit owner(String id) {
        owner = id;
        owners.add(id);
        ownerStart.add(vertices);
        return this;
    }

    private float wx(double u, double v) {
        return (float) (ox + u * cos - v * sin);
    }

    private float wz(double u, double v) {
        return (float) (oz + u * sin + v * cos);
    }

    private void vertex(double u, double y, double v, double nu, double ny, double nv, ColorRGBA c) {
        grow();
        pos[3 * vertices] = wx(u, v);
        pos[3 * vertices + 1] = (float) y;
        pos[3 * vertices + 2] = wz(u, v);
        nor[3 * vertices] = glowing ? 0 : (float) (nu * cos - nv * sin);
        nor[3 * vertices + 1] = glowing ? 1 : (float) ny;
        nor[3 * vertices + 2] = glowing ? 0 : (float) (nu * sin + nv * cos);
        col[4 * vertices] = c.r;
        col[4 * vertices + 1] = c.g;
        col[4 * vertices + 2] = c.b;
        col[4 * vertices + 3] = c.a;
        vertices++;
    }

    private void grow() {
        if (3 * vertices + 3 > pos.length) {
            pos = java.util.Arrays.copyOf(pos, pos.length * 2);
            nor = java.util.Arrays.copyOf(nor, nor.length * 2);
            col = java.util.Arrays.copyOf(col, col.length * 2);
        }
    }

    private void triangle(int a, int b, int c) {
        if (indices + 3 > idx.length) {
            idx = java.util.Arrays.copyOf(idx, idx.length * 2);
        }
        idx[indices++] = a;
        idx[indices++] = b;
        idx[indices++] = c;
    }

    /** Parts added from now on cast shadows on the floor (true) or not (flat things: belts, markings). */
    MeshKit casting(boolean cast) {
        casting = cast;
        return this;
    }

    /**
     * The shadow each casting part throws on the floor under a sun shining along {@code sun} (pointing down): the
     * convex hull of the part's vertices, each slid along the sun's ray down to the floor. World x, z pairs.
     */
    List<double[]> shadows(com.jme3.math.Vector3f sun) {
        List<double[]> out = new ArrayList<>();
        double sx = sun.x / -sun.y;
        double sz = sun.z / -sun.y;
        for (int[] range : casters) {
            int n = range[1] - range[0];
            double[] xs = new double[n];
            double[] zs = new double[n];
            for (int i = 0; i < n; i++) {
                int v = range[0] + i;
                double y = Math.max(0, pos[3 * v + 1]);
                xs[i] = pos[3 * v] + sx * y;
                zs[i] = pos[3 * v + 2] + sz * y;
            }
            out.add(hull(xs, zs));
        }
        return out;
    }

    /** Convex hull (monotone chain) as x, z pairs. */
    private static double[] hull(double[] xs, double[] zs) {
        Integer[] order = new Integer[xs.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(
                order, (a, b) -> xs[a] != xs[b] ? Double.compare(xs[a], xs[b]) : Double.compare(zs[a], zs[b]));
        int[] h = new int[2 * order.length];
        int k = 0;
        for (int pass = 0; pass < 2; pass++) {
            int lower = k;
            for (int j = 0; j < order.length; j++) {
                int i = order[pass == 0 ? j : order.length - 1 - j];
                while (k >= lower + 2 && cross(xs, zs, h[k - 2], h[k - 1], i) <= 0) {
                    k--;
                }
                h[k++] = i;
            }
            k--;
        }
        double[] out = new double[2 * Math.max(k, 1)];
        for (int i = 0; i < k; i++) {
            out[2 * i] = xs[h[i]];
            out[2 * i + 1] = zs[h[i]];
        }
        return out;
    }

    private static double cross(double[] xs, double[] zs, int o, int a, int b) {
        return (xs[a] - xs[o]) * (zs[b] - zs[o]) - (zs[a] - zs[o]) * (xs[b] - xs[o]);
    }

    private void mark(String key, int start) {
        if (casting && vertices > start) {
            casters.add(new int[] {start, vertices});
        }
        if (key != null) {
            ranges.computeIfAbsent(key, k -> new ArrayList<>()).add(new int[] {start, vertices - start});
        }
    }

    /** A box centred at local (u, y, v) with half extents, turned by {@code yawDegrees} in the local frame. */
    MeshKit box(
            String key, ColorRGBA c, double u, double y, double v, double hu, double hy, double hv, double yawDegrees) {
        int start = vertices;
        double cy = Math.cos(Math.toRadians(yawDegrees));
        double sy = -Math.sin(Math.toRadians(yawDegrees));
        // No bottom face: everything stands on the floor or is seen from above, and vertices are what software GL
        // pays for.
        double[][] faces = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0, 0, -1}};
        for (double[] n : faces) {
            // Two tangents of the face, then its four corners.
            double[] t1 = n[1] != 0 ? new double[] {1, 0, 0} : new double[] {0, 1, 0};
            double[] t2 = {n[1] * t1[2] - n[2] * t1[1], n[2] * t1[0] - n[0] * t1[2], n[0] * t1[1] - n[1] * t1[0]};
            int base = vertices;
            for (int k = 0; k < 4; k++) {
                double a = (k == 0 || k == 3) ? -1 : 1;
                double b = (k < 2) ? -1 : 1;
                double lu = (n[0] + a * t1[0] + b * t2[0]) * hu;
                double ly = (n[1] + a * t1[1] + b * t2[1]) * hy;
                double lv = (n[2] + a * t1[2] + b * t2[2]) * hv;
                double ru = lu * cy - lv * sy;
                double rv = lu * sy + lv * cy;
                vertex(u + ru, y + ly, v + rv, n[0] * cy - n[2] * sy, n[1], n[0] * sy + n[2] * cy, c);
            }
            triangle(base, base + 1, base + 2);
            triangle(base, base + 2, base + 3);
        }
        fixWinding(start);
        mark(key, start);
        return this;
    }

    MeshKit box(String key, ColorRGBA c, double u, double y, double v, double hu, double hy, double hv) {
        return box(key, c, u, y, v, hu, hy, hv, 0);
    }

    /**
     * An upright cylinder with a top cap (or one lying along local u when {@code alongU}, capped at both ends); no
     * bottom cap on an upright one, which stands on something.
     */
    MeshKit cylinder(
            String key,
            ColorRGBA c,
            double u,
            double y,
            double v,
            double radius,
            double half,
            int sides,
            boolean alongU) {
        int start = vertices;
        int ring = vertices;
        for (int s = 0; s <= sides; s++) {
            double a = 2 * Math.PI * s / sides;
            double ca = Math.cos(a);
            double sa = Math.sin(a);
            for (int end = -1; end <= 1; end += 2) {
                if (alongU) {
                    vertex(u + end * half, y + ca * radius, v + sa * radius, 0, ca, sa, c);
                } else {
                    vertex(u + ca * radius, y + end * half, v + sa * radius, ca, 0, sa, c);
                }
            }
        }
        for (int s = 0; s < sides; s++) {
            int a0 = ring + 2 * s;
            triangle(a0, a0 + 2, a0 + 3);
            triangle(a0, a0 + 3, a0 + 1);
        }
        for (int end = alongU ? -1 : 1; end <= 1; end += 2) {
            int centre = vertices;
            if (alongU) {
                vertex(u + end * half, y, v, end, 0, 0, c);
            } else {
                vertex(u, y + end * half, v, 0, end, 0, c);
            }
            for (int s = 0; s < sides; s++) {
                double a = 2 * Math.PI * s / sides;
                double ca = Math.cos(a);
                double sa = Math.sin(a);
                if (alongU) {
                    vertex(u + end * half, y + ca * radius, v + sa * radius, end, 0, 0, c);
                } else {
                    vertex(u + ca * radius, y + end * half, v + sa * radius, 0, end, 0, c);
                }
            }
            for (int s = 0; s < sides; s++) {
                triangle(centre, centre + 1 + s, centre + 1 + (s + 1) % sides);
            }
        }
        fixWinding(start);
        mark(key, start);
        return this;
    }

    /** A flat strip on the floor from local (u0, v0) to (u1, v1), {@code halfWidth} to each side, at height y. */
    MeshKit strip(String key, ColorRGBA c, double u0, double v0, double u1, double v1, double halfWidth, double y) {
        double length = Math.hypot(u1 - u0, v1 - v0);
        if (length < 1e-9) {
            return this;
        }
        double pu = -(v1 - v0) / length * halfWidth;
        double pv = (u1 - u0) / length * halfWidth;
        int start = vertices;
        vertex(u0 - pu, y, v0 - pv, 0, 1, 0, c);
        vertex(u1 - pu, y, v1 - pv, 0, 1, 0, c);
        vertex(u1 + pu, y, v1 + pv, 0, 1, 0, c);
        vertex(u0 + pu, y, v0 + pv, 0, 1, 0, c);
        triangle(start, start + 1, start + 2);
        triangle(start, start + 2, start + 3);
        fixWinding(start);
        mark(key, start);
        return this;
    }

    /** A floor quad with a colour per corner (soft contact shadows). */
    MeshKit quad(double[] us, double[] vs, double y, ColorRGBA[] corners) {
        int start = vertices;
        for (int k = 0; k < 4; k++) {
            vertex(us[k], y, vs[k], 0, 1, 0, corners[k]);
        }
        triangle(start, start + 1, start + 2);
        triangle(start, start + 2, start + 3);
        fixWinding(start);
        return this;
    }

    /** Triangles added since {@code start} face the way their vertex normals point (counter-clockwise in jME). */
    private void fixWinding(int start) {
        if (glowing) {
            return;
        }
        for (int t = indices - 3; t >= 0; t -= 3) {
            int a = idx[t];
            if (a < start) {
                break;
            }
            int b = idx[t + 1];
            int c = idx[t + 2];
            float e1x = pos[3 * b] - pos[3 * a];
            float e1y = pos[3 * b + 1] - pos[3 * a + 1];
            float e1z = pos[3 * b + 2] - pos[3 * a + 2];
            float e2x = pos[3 * c] - pos[3 * a];
            float e2y = pos[3 * c + 1] - pos[3 * a + 1];
            float e2z = pos[3 * c + 2] - pos[3 * a + 2];
            float nx = e1y * e2z - e1z * e2y;
            float ny = e1z * e2x - e1x * e2z;
            float nz = e1x * e2y - e1y * e2x;
            float dot = nx * nor[3 * a] + ny * nor[3 * a + 1] + nz * nor[3 * a + 2];
            if (dot < 0) {
                idx[t + 1] = c;
                idx[t + 2] = b;
            }
        }
    }

    boolean isEmpty() {
        return vertices == 0;
    }

    /** Builds with the light of {@link Sunlight} baked into the vertex colours. */
    Mesh buildSunlit() {
        light = new float[3 * vertices];
        for (int v = 0; v < vertices; v++) {
            float[] f = Sunlight.factor(nor[3 * v], nor[3 * v + 1], nor[3 * v + 2]);
            System.arraycopy(f, 0, light, 3 * v, 3);
            for (int k = 0; k < 3; k++) {
                col[4 * v + k] = Math.min(1, col[4 * v + k] * f[k]);
            }
        }
        return build();
    }

    Mesh build() {
        mesh = new Mesh();
        mesh.setBuffer(
                VertexBuffer.Type.Position,
                3,
                BufferUtils.createFloatBuffer(java.util.Arrays.copyOf(pos, 3 * vertices)));
        mesh.getBuffer(VertexBuffer.Type.Position).setUsage(VertexBuffer.Usage.Dynamic);
        mesh.setBuffer(
                VertexBuffer.Type.Normal, 3, BufferUtils.createFloatBuffer(java.util.Arrays.copyOf(nor, 3 * vertices)));
        colours = BufferUtils.createFloatBuffer(java.util.Arrays.copyOf(col, 4 * vertices));
        mesh.setBuffer(VertexBuffer.Type.Color, 4, colours);
        mesh.getBuffer(VertexBuffer.Type.Color).setUsage(VertexBuffer.Usage.Dynamic);
        mesh.setBuffer(VertexBuffer.Type.Index, 3, BufferUtils.createIntBuffer(java.util.Arrays.copyOf(idx, indices)));
        mesh.updateCounts();
        mesh.updateBound();
        return mesh;
    }

    /** Shows or hides every part of {@code key} (hidden parts collapse to a point); after {@link #build}. */
    void visible(String key, boolean shown) {
        List<int[]> keyRanges = ranges.get(key);
        if (keyRanges == null) {
            throw new IllegalArgumentException("mesh key must be one of its parts' keys, got " + key);
        }
        FloatBuffer positions = mesh.getFloatBuffer(VertexBuffer.Type.Position);
        for (int[] range : keyRanges) {
            for (int v = range[0]; v < range[0] + range[1]; v++) {
                int at = v * 3;
                int anchor = range[0] * 3;
                positions
                        .put(at, shown ? pos[at] : pos[anchor])
                        .put(at + 1, shown ? pos[at + 1] : -1f)
                        .put(at + 2, shown ? pos[at + 2] : pos[anchor + 2]);
            }
        }
        mesh.getBuffer(VertexBuffer.Type.Position).setUpdateNeeded();
    }

    boolean has(String key) {
        return ranges.containsKey(key);
    }

    /** Rewrites the colour of every part of {@code key}; after {@link #build}. */
    void colour(String key, ColorRGBA c) {
        List<int[]> keyRanges = ranges.get(key);
        if (keyRanges == null) {
            throw new IllegalArgumentException("mesh key must be one of its parts' keys, got " + key);
        }
        for (int[] range : keyRanges) {
            for (int v = range[0]; v < range[0] + range[1]; v++) {
                if (light == null) {
                    colours.put(v * 4, c.r)
                            .put(v * 4 + 1, c.g)
                            .put(v * 4 + 2, c.b)
                            .put(v * 4 + 3, c.a);
                } else {
                    colours.put(v * 4, Math.min(1, c.r * light[3 * v]))
                            .put(v * 4 + 1, Math.min(1, c.g * light[3 * v + 1]))
                            .put(v * 4 + 2, Math.min(1, c.b * light[3 * v + 2]))
                            .put(v * 4 + 3, c.a);
                }
            }
        }
        mesh.getBuffer(VertexBuffer.Type.Color).setUpdateNeeded();
    }

    /** The owner of triangle {@code triangle}, if any. */
    Optional<String> ownerOfTriangle(int triangle) {
        if (triangle < 0 || triangle * 3 >= indices) {
            return Optional.empty();
        }
        int vertex = idx[triangle * 3];
        String found = null;
        for (int i = 0; i < ownerStart.size() && ownerStart.get(i) <= vertex; i++) {
            found = owners.get(i);
        }
        return Optional.ofNullable(found).filter(s -> !s.isEmpty());
    }
}
