package io.linetwin.render.layout;

import java.util.Objects;

/**
 * The floor area a piece of equipment takes: a rectangle centred at ({@code x}, {@code z}) metres, with half
 * extents along its own axes, turned by {@code rotationDegrees} about the vertical axis.
 */
public record Footprint(String id, double x, double z, double halfWidth, double halfDepth, double rotationDegrees) {

    public Footprint {
        Objects.requireNonNull(id, "id");
        finite("x", x);
        finite("z", z);
        finite("rotation", rotationDegrees);
        if (!(halfWidth > 0) || !(halfDepth > 0)) {
            throw new IllegalArgumentException("footprint " + id + " half extents must be > 0, got " + halfWidth
                    + " x " + halfDepth);
        }
    }

    private static void finite(String what, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("footprint " + what + " must be finite, got " + value);
        }
    }

    /** Half extent along world x of the axis-aligned box around the turned rectangle. */
    public double boundHalfX() {
        double r = Math.toRadians(rotationDegrees);
        return Math.abs(Math.cos(r)) * halfWidth + Math.abs(Math.sin(r)) * halfDepth;
    }

    public double boundHalfZ() {
        double r = Math.toRadians(rotationDegrees);
        return Math.abs(Math.sin(r)) * halfWidth + Math.abs(Math.cos(r)) * halfDepth;
    }

    /** Whether the bounding boxes overlap; conservative for turned rectangles, exact for square turns. */
    public boolean overlaps(Footprint other) {
        return Math.abs(x - other.x) < boundHalfX() + other.boundHalfX()
                && Math.abs(z - other.z) < boundHalfZ() + other.boundHalfZ();
    }
}
