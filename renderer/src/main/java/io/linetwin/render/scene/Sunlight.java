package io.linetwin.render.scene;

import com.jme3.math.ColorRGBA;
import com.jme3.math.Vector3f;

/**
 * The scene's light, computed once per vertex when a mesh is built instead of by a lighting shader every frame:
 * ambient light plus a sun along {@link #DIRECTION}, Lambert's cosine law. The line never moves and neither does
 * the sun, so the result is the same picture and software GL saves the per-vertex lighting of every frame.
 */
final class Sunlight {

    /** From the left and a little in front: shadows fall right, where the three-quarter camera sees them. */
    static final Vector3f DIRECTION = new Vector3f(1.0f, -1.1f, 0.3f).normalizeLocal();

    static final float AMBIENT = 0.55f;
    static final ColorRGBA SUN = new ColorRGBA(1f, 0.97f, 0.92f, 1f).multLocal(0.8f);

    private Sunlight() {}

    /** The light falling on a surface with normal (nx, ny, nz): red, green and blue factors. */
    static float[] factor(float nx, float ny, float nz) {
        float cos = Math.max(0, -(nx * DIRECTION.x + ny * DIRECTION.y + nz * DIRECTION.z));
        return new float[] {AMBIENT + SUN.r * cos, AMBIENT + SUN.g * cos, AMBIENT + SUN.b * cos};
    }

    /** {@code c} as lit on a surface facing up (the floor). */
    static ColorRGBA onFloor(ColorRGBA c) {
        float[] f = factor(0, 1, 0);
        return new ColorRGBA(Math.min(1, c.r * f[0]), Math.min(1, c.g * f[1]), Math.min(1, c.b * f[2]), c.a);
    }
}
