package io.linetwin.render.headless;

import io.linetwin.model.LineSpec;
import io.linetwin.render.CalendarClock;
import io.linetwin.render.layout.AutoLayout;
import io.linetwin.render.layout.FloorPlan;
import io.linetwin.render.scene.CameraPreset;
import io.linetwin.render.scene.Palette;
import java.util.Objects;

/**
 * What a picture shows apart from the instant: the line, where it stands, colours, camera, whether the HUD is on,
 * its title, the unit the line's output is counted in, the scenario's calendar and whether the sun casts shadows.
 */
public record Shot(
        LineSpec line,
        FloorPlan plan,
        Palette palette,
        CameraPreset camera,
        boolean hud,
        String title,
        String unit,
        CalendarClock clock,
        boolean shadows) {

    public Shot {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(palette, "palette");
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(clock, "clock");
        if (unit.isBlank()) {
            throw new IllegalArgumentException("output unit must not be blank, got \"" + unit + "\"");
        }
    }

    /** Output in parts, calendar from Monday 00:00, shadows where the palette is lit. */
    public Shot(LineSpec line, FloorPlan plan, Palette palette, CameraPreset camera, boolean hud, String title) {
        this(line, plan, palette, camera, hud, title, "parts", new CalendarClock(0), true);
    }

    /** The line on its automatic (or given) layout, standard colours, with the HUD. */
    public static Shot of(LineSpec line, CameraPreset camera, String title) {
        return new Shot(line, AutoLayout.plan(line), Palette.standard(), camera, true, title);
    }

    public Shot withCamera(CameraPreset newCamera) {
        return new Shot(line, plan, palette, newCamera, hud, title, unit, clock, shadows);
    }
}
