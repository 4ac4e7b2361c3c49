package io.linetwin.render.scene;

import com.jme3.math.ColorRGBA;
import com.jme3.math.FastMath;
import com.jme3.renderer.RenderManager;
import com.jme3.renderer.ViewPort;
import com.jme3.scene.control.AbstractControl;
import io.linetwin.render.StationVisualState;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Colours one machine by its state and its health lamp by failure risk. In an animated view a machine that
 * is down pulses, so it catches the eye in a large line; snapshots hold the plain state colour.
 */
public final class MachineStatusControl extends AbstractControl {

    private static final float PULSE_PER_SECOND = 1.5f;

    private final Consumer<ColorRGBA> body;
    private final Consumer<ColorRGBA> lamp;
    private final Palette palette;
    private final ColorRGBA idle;
    private final boolean pulsing;
    private Optional<StationVisualState> state = Optional.empty();
    private Optional<Double> risk = Optional.empty();
    private float phase;

    /** {@code body}, {@code lamp}: where the colours go (a material, or a machine's range in a batch). */
    MachineStatusControl(Consumer<ColorRGBA> body, Consumer<ColorRGBA> lamp, Palette palette, ColorRGBA idle,
            boolean pulsing) {
        this.body = body;
        this.lamp = lamp;
        this.palette = palette;
        this.idle = idle.clone();
        this.pulsing = pulsing;
    }

    /** Empty state: unknown (the kind's neutral colour); empty risk: no forecast (lamp at healthy). */
    public void show(Optional<StationVisualState> newState, Optional<Double> newRisk) {
        state = newState;
        risk = newRisk;
        phase = 0;
        body.accept(bodyColour(1));
        lamp.accept(palette.health(risk.orElse(0.0)));
    }

    public Optional<StationVisualState> state() {
        return state;
    }

    public Optional<Double> risk() {
        return risk;
    }

    private ColorRGBA bodyColour(float brightness) {
        ColorRGBA colour = state.map(palette::state).orElse(idle.clone());
        return colour.multLocal(brightness).setAlpha(1);
    }

    @Override
    protected void controlUpdate(float tpf) {
        if (pulsing && state.filter(s -> s == StationVisualState.DOWN).isPresent()) {
            phase = (phase + tpf * PULSE_PER_SECOND) % 1f;
            body.accept(bodyColour(0.7f + 0.3f * FastMath.cos(phase * FastMath.TWO_PI)));
        }
    }

    @Override
    protected void controlRender(RenderManager renderManager, ViewPort viewPort) {
        // Colours are material parameters; nothing to do per viewport.
    }
}
