package io.linetwin.render.scene;

import java.util.ArrayList;
import java.util.List;

/**
 * Places label plates on the picture so that no two overlap: most important first, each at the free spot nearest
 * above its anchor (then beside, then below, further out in tiers), inside the frame and clear of the HUD's
 * panels; a plate away from its anchor gets a leader line. A label with no free spot is left out (decluttered),
 * never drawn over another. Pixels, y up (jME's GUI).
 */
public final class LabelPlacer {

    /** Space kept free between plates. */
    public static final float GAP = 3;

    private static final float LIFT = 10;
    private static final int TIERS = 6;

    /** A rectangle in pixels, y up. */
    public record Rect(float x, float y, float w, float h) {
        public boolean overlaps(Rect o, float gap) {
            return x < o.x + o.w + gap && o.x < x + w + gap && y < o.y + o.h + gap && o.y < y + h + gap;
        }

        boolean inside(float width, float height) {
            return x >= 0 && y >= 0 && x + w <= width && y + h <= height;
        }

        boolean contains(float px, float py) {
            return px >= x && px <= x + w && py >= y && py <= y + h;
        }
    }

    /** What to place: plate size and the projected anchor. */
    public record Item(String id, float anchorX, float anchorY, float w, float h) {}

    /** A placed plate; {@code leader}: whether a line joins it to its anchor. */
    public record Placed(String id, Rect plate, float anchorX, float anchorY, boolean leader) {}

    private LabelPlacer() {}

    /** {@code items} in priority order; {@code reserved}: areas no plate may cover (HUD, legend). */
    public static List<Placed> place(List<Item> items, float width, float height, List<Rect> reserved) {
        List<Placed> placed = new ArrayList<>();
        List<Rect> taken = new ArrayList<>(reserved);
        for (Item item : items) {
            if (item.anchorX() < 0 || item.anchorX() > width || item.anchorY() < 0 || item.anchorY() > height) {
                continue;
            }
            Rect best = null;
            search:
            for (int tier = 0; tier < TIERS; tier++) {
                for (Rect candidate : candidates(item, tier)) {
                    if (!candidate.inside(width, height)) {
                        continue;
                    }
                    boolean free = true;
                    for (Rect t : taken) {
                        if (candidate.overlaps(t, GAP)) {
                            free = false;
                            break;
                        }
                    }
                    if (free) {
                        best = candidate;
                        break search;
                    }
                }
            }
            if (best != null) {
                taken.add(best);
                boolean near = best.y() <= item.anchorY() + LIFT + 2
                        && best.y() >= item.anchorY()
                        && best.x() <= item.anchorX()
                        && best.x() + best.w() >= item.anchorX();
                placed.add(new Placed(item.id(), best, item.anchorX(), item.anchorY(), !near));
            }
        }
        return placed;
    }

    /** Spots of one tier: above (centred, then shifted), beside, below. */
    private static List<Rect> candidates(Item item, int tier) {
        float w = item.w();
        float h = item.h();
        float ax = item.anchorX();
        float ay = item.anchorY();
        float up = LIFT + tier * (h + 2 * GAP);
        List<Rect> out = new ArrayList<>();
        out.add(new Rect(ax - w / 2, ay + up, w, h));
        out.add(new Rect(ax - w / 2 - (w / 2 + 8), ay + up, w, h));
        out.add(new Rect(ax - w / 2 + (w / 2 + 8), ay + up, w, h));
        if (tier > 0) {
            out.add(new Rect(ax - w / 2 - w - 12, ay + up - h, w, h));
            out.add(new Rect(ax + w / 2 + 12, ay + up - h, w, h));
        }
        out.add(new Rect(ax - w / 2, ay - LIFT - h - tier * (h + 2 * GAP), w, h));
        return out;
    }
}
