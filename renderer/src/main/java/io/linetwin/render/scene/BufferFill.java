package io.linetwin.render.scene;

import io.linetwin.model.BufferSpec;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * A rack's fill level: the share of the rack its bar covers, proportional to the parts waiting, so the bar's
 * length (and its area seen from above) reads as the level. Unlimited buffers are drawn against
 * {@value #UNLIMITED_SCALE} parts, the level at which the bar reads full. The bar itself lives in the line's
 * merged {@link FillBars} mesh.
 */
public final class BufferFill {

    static final int UNLIMITED_SCALE = 100;

    private final int capacity;
    private final Consumer<Float> bar;
    private OptionalInt level = OptionalInt.empty();

    /** {@code bar}: where the covered share goes. */
    BufferFill(int capacity, Consumer<Float> bar) {
        this.capacity = capacity;
        this.bar = bar;
    }

    /** Render thread only. */
    public void show(OptionalInt newLevel) {
        level = newLevel;
        bar.accept(fraction());
    }

    public OptionalInt level() {
        return level;
    }

    /** Share of the rack the bar covers, in [0, 1]. */
    public float fraction() {
        if (level.isEmpty()) {
            return 0;
        }
        int scale = capacity == BufferSpec.UNLIMITED ? UNLIMITED_SCALE : capacity;
        return Math.min(1f, level.getAsInt() / (float) scale);
    }
}
