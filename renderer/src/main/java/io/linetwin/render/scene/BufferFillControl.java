package io.linetwin.render.scene;

import com.jme3.renderer.RenderManager;
import com.jme3.renderer.ViewPort;
import com.jme3.scene.Spatial;
import com.jme3.scene.control.AbstractControl;
import java.util.OptionalInt;

/**
 * Sizes a rack's fill bar to the buffer's level. The bar grows from the upstream end along the flow, so its
 * length (and its area seen from above) is proportional to the level. Unlimited buffers are drawn against
 * {@value #UNLIMITED_SCALE} parts, the level at which the bar reads full.
 */
public final class BufferFillControl extends AbstractControl {

    static final int UNLIMITED_SCALE = 100;

    private final float rackLength;
    private final int capacity;
    private OptionalInt level = OptionalInt.empty();

    BufferFillControl(float rackLength, int capacity) {
        this.rackLength = rackLength;
        this.capacity = capacity;
    }

    public void show(OptionalInt newLevel) {
        level = newLevel;
        Spatial bar = getSpatial();
        float fraction = fraction();
        bar.setCullHint(fraction > 0 ? Spatial.CullHint.Inherit : Spatial.CullHint.Always);
        // The bar mesh is one metre long, centred; scale it and slide it so it starts at the upstream end.
        bar.setLocalScale(Math.max(fraction * rackLength, 1e-4f), 1, 1);
        bar.setLocalTranslation(-rackLength / 2 + fraction * rackLength / 2, bar.getLocalTranslation().y, 0);
    }

    public OptionalInt level() {
        return level;
    }

    /** Share of the rack the bar covers, in [0, 1]. */
    public float fraction() {
        if (level.isEmpty()) {
            return 0;
        }
        int scale = capacity == io.linetwin.model.BufferSpec.UNLIMITED ? UNLIMITED_SCALE : capacity;
        return Math.min(1f, level.getAsInt() / (float) scale);
    }

    @Override
    protected void controlUpdate(float tpf) {
        // Levels change only through show(); a static control keeps snapshots deterministic.
    }

    @Override
    protected void controlRender(RenderManager renderManager, ViewPort viewPort) {
        // Nothing per viewport.
    }
}
