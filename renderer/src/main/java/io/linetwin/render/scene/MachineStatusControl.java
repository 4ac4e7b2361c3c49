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
 * Lights one machine by its state (the light band of its plinth and its stack light) and its health beacon by
 * failure risk (dark while there is no forecast). In an animated view a machine that is down pulses, so it
 * catches the eye in a large line; snapshots hold the plain state colour.
 */
public final class MachineStatusControl extends AbstractControl {

    private static final float PULSE_PER_SECOND = 1.5f;

    private final Consumer<ColorRGBA> light;
    private final Consumer<ColorRGBA> beacon;
    private final Palette palette;
    private final boolean pulsing;
    private Optional<StationVisualState> state = Optional.empty();
    private Optional<Double> risk = Optional.empty();
    private float phase;

    /** {@code light}, {@code beacon}: where the colours go (a machine's ranges in the line's mesh). */
    MachineStatusControl(Consumer<ColorRGBA> light, Consumer<ColorRGBA> beacon, Palette palette, boolean pulsing) {
        this.light = light;
        this.beacon = beacon;
        this.palette = palette;
        this.pulsing = pulsing;
    }

    /** Empty state: unknown (no data); empty risk: no forecast (beacon dark). */
    public void show(Optional<StationVisualState> newState, Optional<Double> newRisk) {
        state = newState;
        risk = newRisk;
        phase = 0;
        light.accept(lightColour(1));
        beacon.accept(risk.map(palette::health).orElse(palette.role(Palette.Role.LAMP_OFF)));
    }

    public Optional<StationVisualState> state() {
        return state;
    }

    public Optional<Double> risk() {
        return risk;
    }

    private ColorRGBA lightColour(float brightness) {
        ColorRGBA colour = state.map(palette::state).orElse(palette.role(Palette.Role.UNKNOWN));
        return colour.multLocal(brightness).setAlpha(1);
    }

    @Override
    protected void controlUpdate(float tpf) {
        if (pulsing && state.filter(s -> s == StationVisualState.DOWN).isPresent()) {
            phase = (phase + tpf * PULSE_PER_SECOND) % 1f;
            light.accept(lightColour(0.7f + 0.3f * FastMath.cos(phase * FastMath.TWO_PI)));
        }
    }

    @Override
    protected void controlRender(RenderManager renderManager, ViewPort viewPort) {
        // Colours are vertex colours; nothing to do per viewport.
    }
}
