package io.linetwin.render.scene;

import io.linetwin.render.layout.FloorPlan;

/**
 * The floor rectangle a top-down orthographic camera shows: the plan's bounds plus a margin, widened to the
 * picture's aspect ratio. Maps floor points to pixel positions of the written image (row 0 at the top).
 */
public record TopView(double centreX, double centreZ, double halfWidth, double halfHeight) {

    static final double MARGIN_METRES = 3;

    public TopView {
        if (!(halfWidth > 0) || !(halfHeight > 0)) {
            throw new IllegalArgumentException("top view extents must be > 0, got " + halfWidth + " x " + halfHeight);
        }
    }

    public static TopView of(FloorPlan plan, int widthPixels, int heightPixels) {
        double hw = (plan.maxX() - plan.minX()) / 2 + MARGIN_METRES;
        double hh = (plan.maxZ() - plan.minZ()) / 2 + MARGIN_METRES;
        double aspect = widthPixels / (double) heightPixels;
        if (hw / hh < aspect) {
            hw = hh * aspect;
        } else {
            hh = hw / aspect;
        }
        return new TopView((plan.minX() + plan.maxX()) / 2, (plan.minZ() + plan.maxZ()) / 2, hw, hh);
    }

    public double pixelX(double x, int widthPixels) {
        return (x - (centreX - halfWidth)) / (2 * halfWidth) * widthPixels;
    }

    public double pixelY(double z, int heightPixels) {
        return (z - (centreZ - halfHeight)) / (2 * halfHeight) * heightPixels;
    }

    /** Pixels per metre (the same along both axes). */
    public double scale(int widthPixels) {
        return widthPixels / (2 * halfWidth);
    }
}
