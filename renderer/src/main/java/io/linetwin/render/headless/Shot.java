package io.linetwin.render.headless;

import io.linetwin.model.LineSpec;
import io.linetwin.render.layout.AutoLayout;
import io.linetwin.render.layout.FloorPlan;
import io.linetwin.render.scene.CameraPreset;
import io.linetwin.render.scene.Palette;
import java.util.Objects;

/** What a picture shows apart from the instant: the line, where it stands, colours, camera and HUD. */
public record Shot(LineSpec line, FloorPlan plan, Palette palette, CameraPreset camera, boolean hud, String title) {

    public Shot {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(palette, "palette");
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(title, "title");
    }

    /** The line on its automatic (or given) layout, standard colours, with the HUD. */
    public static Shot of(LineSpec line, CameraPreset camera, String title) {
        return new Shot(line, AutoLayout.plan(line), Palette.standard(), camera, true, title);
    }
}
