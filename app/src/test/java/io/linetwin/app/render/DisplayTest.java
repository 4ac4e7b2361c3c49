package io.linetwin.app.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code view} without a display says so in one line and points at render and --software-gl; exit 2. */
final class DisplayTest {

    @Test
    void aLinuxWithoutDisplayOrWaylandHasNoWindow() {
        assertThat(Display.missing(Map.of(), "Linux"))
                .hasValueSatisfying(line -> assertThat(line)
                        .startsWith("linetwin view: no display")
                        .contains("linetwin render FILE --out", "--software-gl"));
        assertThat(Display.missing(Map.of("DISPLAY", ":0"), "Linux")).isEmpty();
        assertThat(Display.missing(Map.of("WAYLAND_DISPLAY", "wayland-0"), "Linux"))
                .isEmpty();
        assertThat(Display.missing(Map.of("DISPLAY", " "), "Linux")).isPresent();
        assertThat(Display.missing(Map.of(), "Mac OS X")).isEmpty();
    }

    @Test
    void viewOnAMachineWithoutDisplayExits2WithOneLine() {
        assumeTrue(
                blank(System.getenv("DISPLAY")) && blank(System.getenv("WAYLAND_DISPLAY")),
                "this machine has a display: a window would open");
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ViewCommand());
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));

        int exit = cli.execute(
                Path.of("..", "scenarios", "textbook-two-machine.yaml").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().lines()).singleElement().asString().startsWith("linetwin view: no display");
    }

    @Test
    void framesWithoutFfmpegSayWhyThereIsNoMp4AndHowToMakeOne() {
        assertThat(VideoEncoder.ffmpeg("/nonexistent-a:/nonexistent-b")).isEmpty();
        assertThat(VideoEncoder.skipped(Path.of("out", "frames"), 12))
                .isEqualTo("linetwin: no mp4: ffmpeg is not on "
                        + "the PATH; the frames are in out/frames (install ffmpeg, or run: ffmpeg -framerate 12 -i "
                        + "out/frames/frame-%05d.png -pix_fmt yuv420p line.mp4)");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
