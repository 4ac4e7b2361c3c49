package io.linetwin.render.headless;

import static org.assertj.core.api.Assertions.assertThat;

import com.jme3.math.ColorRGBA;
import com.jme3.math.Vector3f;
import com.jme3.renderer.Camera;
import io.linetwin.model.Scenario;
import io.linetwin.model.StationStatus;
import io.linetwin.render.CalendarClock;
import io.linetwin.render.Library;
import io.linetwin.render.LineView;
import io.linetwin.render.TraceRecorder;
import io.linetwin.render.layout.AutoLayout;
import io.linetwin.render.layout.FloorPlan;
import io.linetwin.render.layout.Footprint;
import io.linetwin.render.layout.Link;
import io.linetwin.render.scene.CameraPreset;
import io.linetwin.render.scene.LabelLayer;
import io.linetwin.render.scene.LabelPlacer;
import io.linetwin.render.scene.Palette;
import io.linetwin.sim.LineSimulation;
import io.linetwin.sim.ReplicationResult;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The picture of every library scenario at the overview camera, six hours into the run after its warm-up, drawn
 * with the unlit test palette so colours can be read back exactly: labels never overlap (in the layout and in the
 * pixels), no link runs through equipment, every station is in the frame clear of the HUD's panels, and every
 * colour that means something in the scene is in the legend.
 */
final class LibraryPictureIT {

    private static final int W = 960;
    private static final int H = 540;
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

    static Stream<Path> library() {
        return Library.files().stream();
    }

    private record Picture(
            Shot shot,
            LineView view,
            BufferedImage image,
            List<LabelPlacer.Placed> labels,
            OffscreenRenderer.HudLayout hud,
            Camera camera) {}

    private static Picture picture(Path file) throws Exception {
        Scenario scenario = Library.load(file);
        double at = scenario.experiment().warmupSeconds() + 6 * 3600;
        TraceRecorder recorder = new TraceRecorder(scenario.line());
        ReplicationResult upTo = new LineSimulation(scenario.line())
                .startingAt(scenario.experiment().startSecondsOfWeek())
                .run(
                        scenario.experiment().warmupSeconds(),
                        6 * 3600,
                        scenario.experiment().seed(),
                        0,
                        recorder);
        LineView view = recorder.view(at, upTo);
        Shot shot = new Shot(
                scenario.line(),
                AutoLayout.plan(scenario.line()),
                PALETTE,
                new CameraPreset.Overview(),
                true,
                scenario.name(),
                "parts",
                new CalendarClock(scenario.experiment().startSecondsOfWeek()),
                false);
        BufferedImage image = renderer.render(shot, view);
        OffscreenRenderer.writePng(image, OUT.resolve("library-" + Library.name(file) + ".png"));
        return new Picture(shot, view, image, renderer.labels(), renderer.hudLayout(), renderer.camera());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("library")
    void noTwoLabelsOverlapInTheLayoutOrInThePixels(Path file) throws Exception {
        Picture p = picture(file);

        assertThat(p.labels()).as("labels drawn").isNotEmpty();
        p.view()
                .kpis()
                .bottleneck()
                .ifPresent(b -> assertThat(p.labels())
                        .extracting(LabelPlacer.Placed::id)
                        .as("the bottleneck is always named")
                        .contains(b));
        for (int i = 0; i < p.labels().size(); i++) {
            LabelPlacer.Rect a = p.labels().get(i).plate();
            assertThat(a.x() >= 0 && a.y() >= 0 && a.x() + a.w() <= W && a.y() + a.h() <= H)
                    .isTrue();
            for (LabelPlacer.Rect panel : p.hud().panels()) {
                assertThat(a.overlaps(panel, 0))
                        .as("%s on a HUD panel", p.labels().get(i).id())
                        .isFalse();
            }
            for (int j = i + 1; j < p.labels().size(); j++) {
                assertThat(a.overlaps(p.labels().get(j).plate(), 0))
                        .as(
                                "%s and %s",
                                p.labels().get(i).id(), p.labels().get(j).id())
                        .isFalse();
            }
        }
        for (LabelPlacer.Placed label : p.labels()) {
            boolean bottleneck =
                    p.view().kpis().bottleneck().filter(label.id()::equals).isPresent();
            ColorRGBA edge = PALETTE.role(bottleneck ? Palette.Role.BOTTLENECK : Palette.Role.LABEL);
            ColorRGBA inside = PALETTE.role(bottleneck ? Palette.Role.BOTTLENECK : Palette.Role.PLATE);
            // Nothing else drawn over a plate: its border is whole and the margin inside it is plate colour.
            assertThat(ringShare(p.image(), label.plate(), 1, edge))
                    .as("border of %s", label.id())
                    .isGreaterThan(0.9);
            assertThat(sideShare(p.image(), label.plate(), LabelLayer.BORDER + 1, inside))
                    .as("margin of %s", label.id())
                    .isGreaterThan(0.9);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("library")
    void everyStationIsInTheFrameClearOfTheHudAndNoLinkRunsThroughEquipment(Path file) throws Exception {
        Picture p = picture(file);
        FloorPlan plan = p.shot().plan();

        for (Footprint station : plan.stations().values()) {
            for (double u : new double[] {-station.halfWidth(), station.halfWidth()}) {
                for (double v : new double[] {-station.halfDepth(), station.halfDepth()}) {
                    for (float y : new float[] {0, 2}) {
                        Vector3f s = p.camera()
                                .getScreenCoordinates(
                                        new Vector3f((float) station.worldX(u, v), y, (float) station.worldZ(u, v)));
                        assertThat(s.x >= 0 && s.x <= W && s.y >= 0 && s.y <= H && s.z > 0 && s.z < 1)
                                .as("%s corner at %s", station.id(), s)
                                .isTrue();
                        for (LabelPlacer.Rect panel : p.hud().panels()) {
                            assertThat(panel.overlaps(new LabelPlacer.Rect(s.x, s.y, 0, 0), 0))
                                    .as("%s under a HUD panel", station.id())
                                    .isFalse();
                        }
                    }
                }
            }
        }
        for (Link link : plan.links().values()) {
            for (Footprint solid : plan.solids()) {
                assertThat(link.route().crosses(solid))
                        .as("%s through %s", link.id(), solid.id())
                        .isFalse();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("library")
    void everyColourThatMeansSomethingInTheSceneIsInTheLegend(Path file) throws Exception {
        Picture p = picture(file);
        Map<String, ColorRGBA> meaningful = new LinkedHashMap<>();
        for (StationStatus state : StationStatus.values()) {
            meaningful.put(state.json(), PALETTE.state(state));
        }
        for (Palette.Role role : Palette.Role.values()) {
            if (!role.neutral()) {
                meaningful.put(role.name(), PALETTE.role(role));
            }
        }
        List<LabelPlacer.Rect> covered = new ArrayList<>(p.hud().panels());
        p.labels().forEach(l -> covered.add(grow(l.plate(), 3)));
        Set<String> inScene = new LinkedHashSet<>();
        Set<String> inLegend = new LinkedHashSet<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                float gx = x + 0.5f;
                float gy = H - y - 0.5f;
                int rgb = p.image().getRGB(x, y);
                boolean legend = p.hud().legend().overlaps(new LabelPlacer.Rect(gx, gy, 0, 0), 0);
                boolean hidden =
                        covered.stream().anyMatch(r -> grow(r, 2).overlaps(new LabelPlacer.Rect(gx, gy, 0, 0), 0));
                for (Map.Entry<String, ColorRGBA> e : meaningful.entrySet()) {
                    if (Palette.matches(rgb, e.getValue())) {
                        if (legend) {
                            inLegend.add(e.getKey());
                        } else if (!hidden) {
                            counts.merge(e.getKey(), 1, Integer::sum);
                        }
                    }
                }
            }
        }
        counts.forEach((k, n) -> {
            if (n >= 4) {
                inScene.add(k);
            }
        });

        assertThat(inScene).as("meaningful colours drawn").isNotEmpty();
        assertThat(inLegend).as("legend of %s", file).containsAll(inScene);
        OffscreenRenderer.writePng(p.image(), OUT.resolve("legend-" + Library.name(file) + ".png"));
    }

    private static LabelPlacer.Rect grow(LabelPlacer.Rect r, float by) {
        return new LabelPlacer.Rect(r.x() - by, r.y() - by, r.w() + 2 * by, r.h() + 2 * by);
    }

    /** Share of the pixels on the ring {@code inset} pixels inside {@code r} that show {@code colour}. */
    private static double ringShare(BufferedImage image, LabelPlacer.Rect r, float inset, ColorRGBA colour) {
        return share(image, r, inset, colour, true);
    }

    /** Share of the pixels of the left and right margins, {@code inset} pixels in, that show {@code colour}. */
    private static double sideShare(BufferedImage image, LabelPlacer.Rect r, float inset, ColorRGBA colour) {
        return share(image, r, inset, colour, false);
    }

    private static double share(
            BufferedImage image, LabelPlacer.Rect r, float inset, ColorRGBA colour, boolean withTopAndBottom) {
        int x0 = Math.round(r.x() + inset);
        int x1 = Math.round(r.x() + r.w() - inset) - 1;
        int top = H - Math.round(r.y() + r.h() - inset);
        int bottom = H - Math.round(r.y() + inset) - 1;
        int match = 0;
        int total = 0;
        if (withTopAndBottom) {
            for (int x = x0; x <= x1; x++) {
                for (int y : new int[] {top, bottom}) {
                    total++;
                    match += Palette.matches(image.getRGB(x, y), colour) ? 1 : 0;
                }
            }
        }
        for (int y = top; y <= bottom; y++) {
            for (int x : new int[] {x0, x1}) {
                total++;
                match += Palette.matches(image.getRGB(x, y), colour) ? 1 : 0;
            }
        }
        return match / (double) total;
    }
}
