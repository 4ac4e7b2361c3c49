package io.linetwin.render.headless;

import static org.assertj.core.api.Assertions.assertThat;

import com.jme3.font.BitmapText;
import com.jme3.math.ColorRGBA;
import io.linetwin.model.LineSpec;
import io.linetwin.model.StationSpec;
import io.linetwin.render.Hud;
import io.linetwin.render.LineView;
import io.linetwin.render.Lines;
import io.linetwin.render.StationVisualState;
import io.linetwin.render.layout.AutoLayout;
import io.linetwin.render.layout.FloorPlan;
import io.linetwin.render.scene.CameraPreset;
import io.linetwin.render.scene.LineScene;
import io.linetwin.render.scene.Palette;
import io.linetwin.render.scene.TopView;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real jME rendering on software GL (OSMesa), checked by picture content: a fixed top-down orthographic
 * camera and the unlit test palette make every piece of equipment a solid area of a known colour.
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

    private static Map<String, StationVisualState> all(LineSpec line, StationVisualState state) {
        Map<String, StationVisualState> states = new HashMap<>();
        line.stations().forEach(s -> states.put(s.id(), state));
        return states;
    }

    private static BufferedImage render(Shot shot, LineView view, String name) throws Exception {
        BufferedImage image = renderer.render(shot, view);
        OffscreenRenderer.writePng(image, OUT.resolve(name + ".png"));
        return image;
    }

    @Test
    void theAreaOfAMachineThatIsDownHasTheDownColour() throws Exception {
        LineSpec line = Lines.chain(6);
        Shot shot = plan(line);
        Map<String, StationVisualState> states = all(line, StationVisualState.WORKING);
        states.put("m2", StationVisualState.DOWN);

        BufferedImage image = render(shot, new LineView(100, states, Map.of(), Map.of(), Hud.none()), "down");

        assertThat(share(image, shot.plan(), "m2", PALETTE.state(StationVisualState.DOWN))).isEqualTo(1.0);
        assertThat(share(image, shot.plan(), "m1", PALETTE.state(StationVisualState.WORKING))).isEqualTo(1.0);
        assertThat(share(image, shot.plan(), "m1", PALETTE.state(StationVisualState.DOWN))).isZero();
    }

    @Test
    void aBuffersFillBarGrowsWithItsLevel() throws Exception {
        LineSpec line = Lines.chain(6);
        Shot shot = plan(line);
        IntPredicate fill = rgb -> Palette.matches(rgb, PALETTE.role(Palette.Role.FILL));

        int low = Blobs.count(render(shot, levels(line, 2), "fill-2"), fill);
        int high = Blobs.count(render(shot, levels(line, 8), "fill-8"), fill);
        int empty = Blobs.count(render(shot, levels(line, 0), "fill-0"), fill);

        assertThat(empty).isZero();
        assertThat(low).isPositive();
        assertThat(high).isGreaterThan(low);
        assertThat(high / (double) low).isBetween(3.0, 5.0);
    }

    private static LineView levels(LineSpec line, int level) {
        return new LineView(100, all(line, StationVisualState.WORKING), Map.of("b3", level), Map.of(), Hud.none());
    }

    @Test
    void thePictureHasOneBlobPerStation() throws Exception {
        for (int stations : List.of(6, 20)) {
            LineSpec line = Lines.chain(stations);
            Shot shot = plan(line);
            Map<String, StationVisualState> states = new HashMap<>();
            StationVisualState[] cycle = StationVisualState.values();
            for (int i = 0; i < line.stations().size(); i++) {
                StationSpec s = line.stations().get(i);
                if (i % 7 != 6) {
                    states.put(s.id(), cycle[i % cycle.length]);
                }
            }
            Map<String, Integer> levels = Map.of("b1", 5, "b2", 10, "b3", 3);

            BufferedImage image = render(shot, new LineView(1, states, levels, Map.of(), Hud.none()), "blobs-" + stations);

            List<Integer> blobs = Blobs.sizes(image, RenderedPictureIT::equipment, 40);
            assertThat(blobs).as("blobs of %d stations", stations).hasSize(stations);
        }
    }

    /** Any colour a station's body can take: a state, its kind's neutral colour, or unknown. */
    private static boolean equipment(int rgb) {
        for (StationVisualState state : StationVisualState.values()) {
            if (Palette.matches(rgb, PALETTE.state(state))) {
                return true;
            }
        }
        return Palette.matches(rgb, PALETTE.role(Palette.Role.SOURCE))
                || Palette.matches(rgb, PALETTE.role(Palette.Role.SINK))
                || Palette.matches(rgb, PALETTE.role(Palette.Role.UNKNOWN));
    }

    @Test
    void theBottleneckIsNamedByItsLabelAndTheHud() throws Exception {
        LineSpec line = Lines.chain(6);
        Shot shot = new Shot(line, AutoLayout.plan(line), Palette.standard(), new CameraPreset.Overview(), true, "test");
        LineView view = new LineView(7200, all(line, StationVisualState.WORKING), Map.of("b2", 4), Map.of("m3", 0.8),
                new Hud("instant", 1234, 5.5, Optional.of("m3")));

        BufferedImage image = render(shot, view, "overview");

        LineScene scene = renderer.scene().orElseThrow();
        com.jme3.scene.Node holder = (com.jme3.scene.Node) scene.root().getChild(LineScene.LABEL_PREFIX + "m3");
        assertThat(((BitmapText) holder.getChild(0)).getText()).contains("bottleneck");
        assertThat(renderer.hudText()).contains("t = 02:00:00").contains("throughput 1,234 /h")
                .contains("WIP 5.5").contains("bottleneck: m3");
        assertThat(Blobs.count(image, rgb -> Palette.matches(rgb, Palette.standard().role(Palette.Role.BACKGROUND))))
                .as("the line fills the picture, not the sky").isLessThan(W * H / 2);
    }

    /** Share of the pixels around a station's centre (the middle 40 % of its footprint) that show {@code colour}. */
    private static double share(BufferedImage image, FloorPlan plan, String station, ColorRGBA colour) {
        return TopView.of(plan, W, H).centreShare(image, plan.station(station), colour);
    }
}
