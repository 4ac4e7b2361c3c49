package io.linetwin.render.headless;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.model.LineSpec;
import io.linetwin.model.StationStatus;
import io.linetwin.render.CalendarClock;
import io.linetwin.render.Hud;
import io.linetwin.render.LineView;
import io.linetwin.render.Lines;
import io.linetwin.render.layout.AutoLayout;
import io.linetwin.render.layout.FloorPlan;
import io.linetwin.render.layout.Footprint;
import io.linetwin.render.scene.CameraPreset;
import io.linetwin.render.scene.Palette;
import io.linetwin.render.scene.TopView;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real jME rendering on software GL (OSMesa), checked by picture content: a fixed top-down orthographic
 * camera and the unlit test palette make every light band and box a solid area of a known colour.
 */
final class RenderedPictureIT {

    private static final int W = 800;
    private static final int H = 450;
    private static final Palette PALETTE = Palette.test();
    private static final Path OUT = Path.of("target", "rendered");

    private static OffscreenRenderer renderer;

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

    private static Shot plan(LineSpec line) {
        return new Shot(line, AutoLayout.plan(line), PALETTE, new CameraPreset.TopOrtho(), false, line.id());
    }

    private static Map<String, StationStatus> all(LineSpec line, StationStatus state) {
        Map<String, StationStatus> states = new HashMap<>();
        line.stations().forEach(s -> states.put(s.id(), state));
        return states;
    }

    private static BufferedImage render(Shot shot, LineView view, String name) throws Exception {
        BufferedImage image = renderer.render(shot, view);
        OffscreenRenderer.writePng(image, OUT.resolve(name + ".png"));
        return image;
    }

    @Test
    void theLightBandOfAMachineThatIsDownHasTheDownColour() throws Exception {
        LineSpec line = Lines.chain(6);
        Shot shot = plan(line);
        Map<String, StationStatus> states = all(line, StationStatus.WORKING);
        states.put("m2", StationStatus.DOWN);

        BufferedImage image = render(shot, new LineView(100, states, Map.of(), Map.of(), Hud.none()), "down");

        assertThat(band(image, shot.plan(), "m2", PALETTE.state(StationStatus.DOWN)))
                .isGreaterThan(0.9);
        assertThat(band(image, shot.plan(), "m1", PALETTE.state(StationStatus.WORKING)))
                .isGreaterThan(0.9);
        assertThat(band(image, shot.plan(), "m1", PALETTE.state(StationStatus.DOWN)))
                .isZero();
    }

    @Test
    void everyStateLightsTheBandInItsOwnColour() throws Exception {
        LineSpec line = Lines.chain(8);
        Shot shot = plan(line);
        Map<String, StationStatus> states = new HashMap<>();
        StationStatus[] all = StationStatus.values();
        for (int i = 0; i < all.length; i++) {
            states.put("m" + (i + 1), all[i]);
        }

        BufferedImage image = render(shot, new LineView(1, states, Map.of(), Map.of(), Hud.none()), "states");

        for (int i = 0; i < all.length; i++) {
            assertThat(band(image, shot.plan(), "m" + (i + 1), PALETTE.state(all[i])))
                    .as(all[i].json())
                    .isGreaterThan(0.9);
        }
    }

    @Test
    void aRackShowsMoreBoxesTheMorePartsWait() throws Exception {
        LineSpec line = Lines.chain(6);
        Shot shot = plan(line);
        IntPredicate fill = rgb -> Palette.matches(rgb, PALETTE.role(Palette.Role.FILL));

        int empty = Blobs.count(render(shot, levels(line, 0), "fill-0"), fill);
        int low = Blobs.count(render(shot, levels(line, 2), "fill-2"), fill);
        int high = Blobs.count(render(shot, levels(line, 8), "fill-8"), fill);
        int full = Blobs.count(render(shot, levels(line, Lines.CAPACITY), "fill-10"), fill);

        assertThat(empty).isZero();
        assertThat(low).isPositive();
        assertThat(high).isGreaterThan(low);
        assertThat(full).isGreaterThan(high);
    }

    private static LineView levels(LineSpec line, int level) {
        return new LineView(100, all(line, StationStatus.WORKING), Map.of("b3", level), Map.of(), Hud.none());
    }

    @Test
    void theHudShowsTheCalendarClockAndTheOutputUnit() throws Exception {
        LineSpec line = Lines.chain(6);
        Shot shot = new Shot(
                line,
                AutoLayout.plan(line),
                Palette.standard(),
                new CameraPreset.Overview(),
                true,
                "test",
                "pallets",
                new CalendarClock(6 * 3600),
                true);
        LineView view = new LineView(
                7200 + 86_400,
                all(line, StationStatus.WORKING),
                Map.of("b2", 4),
                Map.of("m3", 0.8),
                new Hud("instant", 12.34, 5.5, Optional.of("m3")));

        render(shot, view, "hud");

        assertThat(renderer.hudText())
                .contains("Tue 08:00")
                .contains("throughput 12 pallets/h")
                .contains("WIP 5.5")
                .contains("bottleneck: m3");
        assertThat(renderer.hudLayout().entries()).contains("health ok", "failure risk", "parts waiting (rack)");
    }

    @Test
    void theSunCastsShadowsToTheRightOfTallEquipment() throws Exception {
        LineSpec line = Lines.chain(3);
        FloorPlan plan = AutoLayout.plan(line);
        Shot shot = new Shot(line, plan, Palette.standard(), new CameraPreset.TopOrtho(), false, "sun");

        BufferedImage image = render(
                shot, new LineView(1, all(line, StationStatus.WORKING), Map.of(), Map.of(), Hud.none()), "shadow");

        assertThat(renderer.shadows())
                .as("software GL bakes the sun's shadows into the floor")
                .isEqualTo(io.linetwin.render.scene.LineSceneState.Shadows.BAKED);
        // The outfeed's racks stand 2.5 m tall at the line's right end; the sun comes from the left.
        Footprint out = plan.station("out");
        TopView top = TopView.of(plan, W, H);
        double x = out.x() + out.halfWidth() + 1.1;
        int shaded = luminance(image, top, x, out.z());
        int open = luminance(image, top, x, out.z() + out.halfDepth() + 1.5);
        assertThat(shaded).as("floor right of the racks against open floor").isLessThan((int) (open * 0.85));
    }

    @Test
    void theBottleneckCameraFollowsTheBottleneckOfTheViewShown() throws Exception {
        LineSpec line = Lines.chain(12);
        FloorPlan plan = AutoLayout.plan(line);
        Shot shot = new Shot(line, plan, PALETTE, new CameraPreset.Bottleneck(), true, "bottleneck");
        for (String bottleneck : new String[] {"m2", "m9"}) {
            render(
                    shot,
                    new LineView(
                            1,
                            all(line, StationStatus.WORKING),
                            Map.of(),
                            Map.of(),
                            new Hud("", 0, 0, Optional.of(bottleneck))),
                    "bottleneck-" + bottleneck);

            Footprint at = plan.station(bottleneck);
            com.jme3.math.Vector3f centre = renderer.camera()
                    .getScreenCoordinates(new com.jme3.math.Vector3f((float) at.x(), 1, (float) at.z()));
            assertThat((double) centre.x).as(bottleneck).isBetween(W * 0.3, W * 0.7);
            assertThat((double) centre.y).as(bottleneck).isBetween(H * 0.2, H * 0.8);
            Footprint far = plan.stations().values().stream()
                    .max(java.util.Comparator.comparingDouble(f -> Math.hypot(f.x() - at.x(), f.z() - at.z())))
                    .orElseThrow();
            com.jme3.math.Vector3f other = renderer.camera()
                    .getScreenCoordinates(new com.jme3.math.Vector3f((float) far.x(), 1, (float) far.z()));
            assertThat(other.x < 0 || other.x > W || other.y < 0 || other.y > H)
                    .as("%s is out of a close-up of %s", far.id(), bottleneck)
                    .isTrue();
        }
    }

    private static int luminance(BufferedImage image, TopView top, double x, double z) {
        int rgb = image.getRGB((int) top.pixelX(x, W), (int) top.pixelY(z, H));
        return ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
    }

    private static double band(BufferedImage image, FloorPlan plan, String station, com.jme3.math.ColorRGBA colour) {
        return TopView.of(plan, W, H).bandShare(image, plan.station(station), colour);
    }
}
