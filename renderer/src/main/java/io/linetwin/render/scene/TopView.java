package io.linetwin.render.scene;

import com.jme3.math.ColorRGBA;
import io.linetwin.render.layout.FloorPlan;
import io.linetwin.render.layout.Footprint;
import java.awt.image.BufferedImage;

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

    /**
     * Share of the pixels of a station's light band seen from above (the ring between the footprint's edge and the
     * equipment standing inset from it, corners and a pixel of each edge left out) that show {@code colour}.
     */
    public double bandShare(BufferedImage image, Footprint footprint, ColorRGBA colour) {
        int w = image.getWidth();
        int h = image.getHeight();
        double inset = 0.3;
        double scale = scale(w);
        int match = 0;
        int total = 0;
        double step = 0.5 / scale;
        for (double u = -footprint.halfWidth() + inset; u <= footprint.halfWidth() - inset; u += step) {
            for (double v : new double[] {footprint.halfDepth() - inset / 2, -footprint.halfDepth() + inset / 2}) {
                int x = (int) Math.floor(pixelX(footprint.worldX(u, v), w));
                int y = (int) Math.floor(pixelY(footprint.worldZ(u, v), h));
                if (x >= 0 && x < w && y >= 0 && y < h) {
                    total++;
                    if (Palette.matches(image.getRGB(x, y), colour)) {
                        match++;
                    }
                }
            }
        }
        if (total <= 20 || inset * scale < 3) {
            throw new IllegalArgumentException("the light band covers " + total + " samples at " + scale
                    + " pixels per metre, too few to judge its colour");
        }
        return match / (double) total;
    }
}
