package io.linetwin.app.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.jme3.math.ColorRGBA;
import io.linetwin.model.LineSpec;
import io.linetwin.model.StationStatus;
import io.linetwin.render.LineView;
import io.linetwin.render.headless.OffscreenRenderer;
import io.linetwin.render.headless.Shot;
import io.linetwin.render.layout.AutoLayout;
import io.linetwin.render.layout.FloorPlan;
import io.linetwin.render.scene.CameraPreset;
import io.linetwin.render.scene.Palette;
import io.linetwin.render.scene.TopView;
import io.linetwin.twin.sync.ReplayFile;
import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live path end to end on software GL: Ditto Protocol events reach a real twin store (directly, and
 * through a played recording), the follower hands its snapshots to the view mapping, and the picture changes.
 * A fixed top-down orthographic camera and the unlit test palette make every area a known colour.
 */
final class LiveTwinPictureIT {

    private static final int W = 800;
    private static final int H = 450;
    private static final Palette PALETTE = Palette.test();
    private static final Path OUT = Path.of("target", "rendered");

    private static OffscreenRenderer renderer;

    @TempDir
    Path dir;

    @BeforeAll
    static void startRenderer() {
        renderer = OffscreenRenderer.start(W, H);
    }

    @AfterAll
    static void stopRenderer() {
        if (renderer != null) {
            renderer.close();
        }
    }

    @Test
    void aTwinUpdateTurnsTheMachineDownAndGrowsTheBuffersFillBar() throws Exception {
        LineSpec line = TwinMessages.bottling();
        Shot shot = new Shot(line, AutoLayout.plan(line), PALETTE, new CameraPreset.TopOrtho(), false, "live");
        List<LineView> shown = new ArrayList<>();
        TwinViews views = new TwinViews(line, TwinViews.DEFAULT_RISK_HORIZON_SECONDS);
        Path recording = dir.resolve("recording.jsonl");
        try (BufferedWriter out = Files.newBufferedWriter(recording, StandardCharsets.UTF_8)) {
            ReplayFile.append(
                    out,
                    TwinMessages.T0.plusSeconds(60),
                    TwinMessages.state(line, "filler", "down", 2, TwinMessages.T0.plusSeconds(60)));
            ReplayFile.append(
                    out,
                    TwinMessages.T0.plusSeconds(90),
                    TwinMessages.level(line, "b1", "half-litre", 160, 2, TwinMessages.T0.plusSeconds(90)));
        }

        try (LiveTwin twin = LiveTwin.replay(line, recording, Double.POSITIVE_INFINITY);
                TwinFollower follower = new TwinFollower(twin.store(), s -> shown.add(views.next(s)))) {
            twin.store().apply(TwinMessages.state(line, "filler", "working", 1, TwinMessages.T0));
            twin.store().apply(TwinMessages.level(line, "b1", "half-litre", 40, 1, TwinMessages.T0));
            follower.publishIfChanged();
            BufferedImage before = render(shot, shown.get(shown.size() - 1), "live-before");

            twin.start();
            awaitApplied(twin, 4);
            follower.publishIfChanged();
            BufferedImage after = render(shot, shown.get(shown.size() - 1), "live-after");

            ColorRGBA down = PALETTE.state(StationStatus.DOWN);
            ColorRGBA working = PALETTE.state(StationStatus.WORKING);
            assertThat(share(before, shot.plan(), "filler", working)).isGreaterThan(0.9);
            assertThat(share(before, shot.plan(), "filler", down)).isZero();
            assertThat(share(after, shot.plan(), "filler", down)).isGreaterThan(0.9);
            assertThat(share(after, shot.plan(), "capper", down)).isZero();
            int fillBefore = count(before, PALETTE.role(Palette.Role.FILL));
            int fillAfter = count(after, PALETTE.role(Palette.Role.FILL));
            assertThat(fillBefore).isPositive();
            assertThat(fillAfter / (double) fillBefore)
                    .as("160 vs 40 parts of 200")
                    .isBetween(3.0, 5.0);
        }
    }

    /** Waits for the replay thread; the deadline only stops a hang, it measures nothing. */
    private static void awaitApplied(LiveTwin twin, long messages) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (twin.store().stats().applied() < messages) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "the recording was not applied: " + twin.store().stats());
            }
            Thread.sleep(10);
        }
    }

    private static BufferedImage render(Shot shot, LineView view, String name) throws Exception {
        BufferedImage image = renderer.render(shot, view);
        OffscreenRenderer.writePng(image, OUT.resolve(name + ".png"));
        return image;
    }

    private static int count(BufferedImage image, ColorRGBA colour) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (Palette.matches(image.getRGB(x, y), colour)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Share of the pixels in the middle 40 % of a station's footprint that show {@code colour}. */
    private static double share(BufferedImage image, FloorPlan plan, String station, ColorRGBA colour) {
        return TopView.of(plan, W, H).bandShare(image, plan.station(station), colour);
    }
}
