package io.linetwin.app.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.model.LineSpec;
import io.linetwin.twin.LineDescriptors;
import io.linetwin.twin.TwinStore;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code render FILE --out PNG --from-twin SNAPSHOT.json}: the twin's instant as a picture, no simulation. */
final class RenderFromTwinIT {

    @TempDir
    Path dir;

    @Test
    void aTwinSnapshotRendersToAPictureOfTheAskedSize() throws Exception {
        LineSpec line = TwinMessages.bottling();
        TwinStore store = TwinStore.of(LineDescriptors.of(line), Clock.fixed(TwinMessages.T0, ZoneOffset.UTC));
        store.apply(TwinMessages.state(line, "filler", "down", 1, TwinMessages.T0));
        Path snapshot = dir.resolve("twin.json");
        store.snapshot().write(snapshot);
        Path png = dir.resolve("twin.png");
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new RenderCommand());
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));

        int exit = cli.execute(
                "../scenarios/bottling-line.yaml",
                "--out",
                png.toString(),
                "--from-twin",
                snapshot.toString(),
                "--width",
                "640",
                "--height",
                "360");

        assertThat(exit).as(err.toString()).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(360);
        assertThat(reddish(image))
                .as("the filler, the only red thing in the picture, is down")
                .isGreaterThan(100);
    }

    /** Pixels whose red clearly dominates: the lit "down" colour (0.90, 0.14, 0.12) under any shading. */
    private static int reddish(BufferedImage image) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (r > 120 && r > 3 * g && r > 3 * b) {
                    n++;
                }
            }
        }
        return n;
    }
}
