package io.linetwin.render.layout;

import java.util.Objects;

/**
 * The floor area a piece of equipment takes: a rectangle centred at ({@code x}, {@code z}) metres, with half
 * extents along its own axes ({@code halfWidth} along its local x, the flow), turned by {@code rotationDegrees}
 * about the vertical axis (local +x then points along (cos r, -sin r) on the floor, as jME turns it).
 */
public record Footprint(String id, double x, double z, double halfWidth, double halfDepth, double rotationDegrees) {

    public Footprint {
        Objects.requireNonNull(id, "id");
        finite("x", x);
        finite("z", z);
        finite("rotation", rotationDegrees);
        if (!(halfWidth > 0) || !(halfDepth > 0)) {
            throw new IllegalArgumentException(
                    "footprint " + id + " half extents must be > 0, got " + halfWidth + " x " + halfDepth);
        }
    }

    private static void finite(String what, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("footprint " + what + " must be finite, got " + value);
        }
    }

    /** The same rectangle grown by {@code metres} on every side. */
    public Footprint grown(double metres) {
        return new Footprint(id, x, z, halfWidth + metres, halfDepth + metres, rotationDegrees);
    }

    /** Unit vector of the local x axis on the floor. */
    public double axisX() {
        return Math.cos(Math.toRadians(rotationDegrees));
    }

    public double axisZ() {
        return -Math.sin(Math.toRadians(rotationDegrees));
    }

    /** Half extent along world x of the axis-aligned box around the turned rectangle. */
    public double boundHalfX() {
        return Math.abs(axisX()) * halfWidth + Math.abs(axisZ()) * halfDepth;
    }

    public double boundHalfZ() {
        return Math.abs(axisZ()) * halfWidth + Math.abs(axisX()) * halfDepth;
    }

    /** Local coordinates (along the axis, across it) of a floor point. */
    private double localU(double px, double pz) {
        return (px - x) * axisX() + (pz - z) * axisZ();
    }

    private double localV(double px, double pz) {
        return -(px - x) * axisZ() + (pz - z) * axisX();
    }

    /** The floor point at local ({@code u} along, {@code v} across). */
    public double worldX(double u, double v) {
        return x + u * axisX() - v * axisZ();
    }

    public double worldZ(double u, double v) {
        return z + u * axisZ() + v * axisX();
    }

    /** Whether the point lies strictly inside. */
    public boolean contains(double px, double pz) {
        return Math.abs(localU(px, pz)) < halfWidth && Math.abs(localV(px, pz)) < halfDepth;
    }

    /** Whether the segment passes through the inside (touching the boundary, as a port on a face does, is not). */
    public boolean crossedBy(double x1, double z1, double x2, double z2) {
        double u1 = localU(x1, z1);
        double v1 = localV(x1, z1);
        double du = localU(x2, z2) - u1;
        double dv = localV(x2, z2) - v1;
        double eps = 1e-6;
        double[] lo = {0};
        double[] hi = {1};
        return clip(-du, u1 + halfWidth - eps, lo, hi)
                && clip(du, halfWidth - eps - u1, lo, hi)
                && clip(-dv, v1 + halfDepth - eps, lo, hi)
                && clip(dv, halfDepth - eps - v1, lo, hi)
                && hi[0] - lo[0] > 1e-9;
    }

    /** One Liang-Barsky step: keeps the part of [lo, hi] where p * t <= q. */
    private static boolean clip(double p, double q, double[] lo, double[] hi) {
        if (Math.abs(p) < 1e-12) {
            return q > 0;
        }
        double t = q / p;
        if (p < 0) {
            lo[0] = Math.max(lo[0], t);
        } else {
            hi[0] = Math.min(hi[0], t);
        }
        return lo[0] <= hi[0];
    }

    /** Whether the two rectangles share inside area (separating axes; exact for any turn). */
    public boolean overlaps(Footprint other) {
        return !separatedAlong(axisX(), axisZ(), other)
                && !separatedAlong(-axisZ(), axisX(), other)
                && !separatedAlong(other.axisX(), other.axisZ(), other)
                && !separatedAlong(-other.axisZ(), other.axisX(), other);
    }

    private boolean separatedAlong(double ax, double az, Footprint other) {
        double centre = Math.abs((other.x - x) * ax + (other.z - z) * az);
        return centre + 1e-6 >= reach(ax, az) + other.reach(ax, az);
    }

    /** Half the rectangle's shadow on an axis. */
    private double reach(double ax, double az) {
        return halfWidth * Math.abs(axisX() * ax + axisZ() * az) + halfDepth * Math.abs(-axisZ() * ax + axisX() * az);
    }
}
