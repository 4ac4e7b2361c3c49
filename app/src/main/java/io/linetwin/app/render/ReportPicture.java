package io.linetwin.app.render;

import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.render.headless.OffscreenRenderer;
import io.linetwin.render.headless.Shot;
import io.linetwin.render.layout.AutoLayout;
import io.linetwin.render.scene.CameraPreset;
import io.linetwin.render.scene.Palette;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * The 3D picture a report embeds: replication 0 at the end of the run, as {@code linetwin render} draws it. Software
 * GL (OSMesa) may be missing on a machine; the report is then written without the picture, never failed for it.
 */
public final class ReportPicture {

    private static final int WIDTH = 960;
    private static final int HEIGHT = 540;

    private ReportPicture() {}

    /** The PNG, or the reason there is none. */
    public static Result render(LineSpec line, ExperimentSpec experiment, String title) {
        try {
            Shot shot =
                    new Shot(line, AutoLayout.plan(line), Palette.standard(), new CameraPreset.Overview(), true, title);
            var view = new InstantViews(line, experiment).at(experiment.endSeconds());
            try (OffscreenRenderer renderer = OffscreenRenderer.start(WIDTH, HEIGHT)) {
                renderer.prepare(shot);
                ByteArrayOutputStream png = new ByteArrayOutputStream();
                ImageIO.write(renderer.render(shot, view), "png", png);
                return new Result(Optional.of(png.toByteArray()), "");
            }
        } catch (RuntimeException | LinkageError | IOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new Result(Optional.empty(), why.lines().findFirst().orElse(why));
        }
    }

    /** A picture, or empty with why. */
    public record Result(Optional<byte[]> png, String whyNone) {}
}
