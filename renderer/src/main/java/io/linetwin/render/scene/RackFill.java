package io.linetwin.render.scene;

import io.linetwin.model.BufferSpec;
import java.util.OptionalInt;
import java.util.function.IntConsumer;

/**
 * A rack's fill: of its {@code slots} boxes, as many show as the share of the buffer's capacity that is waiting
 * (rounded up, so one part shows one box). Unlimited buffers are drawn against {@value #UNLIMITED_SCALE} parts.
 */
public final class RackFill {

    static final int UNLIMITED_SCALE = 100;

    private final int capacity;
    private final int slots;
    private final IntConsumer show;
    private OptionalInt level = OptionalInt.empty();

    RackFill(int capacity, int slots, IntConsumer show) {
        this.capacity = capacity;
        this.slots = slots;
        this.show = show;
    }

    /** Render thread only. */
    public void show(OptionalInt newLevel) {
        level = newLevel;
        show.accept(boxes());
    }

    public OptionalInt level() {
        return level;
    }

    public int slots() {
        return slots;
    }

    /** Boxes shown for the current level. */
    public int boxes() {
        if (level.isEmpty() || level.getAsInt() <= 0) {
            return 0;
        }
        int scale = capacity == BufferSpec.UNLIMITED ? UNLIMITED_SCALE : capacity;
        double share = Math.min(1.0, level.getAsInt() / (double) scale);
        return (int) Math.min(slots, Math.ceil(share * slots));
    }
}
