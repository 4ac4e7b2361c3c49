package io.linetwin.render.scene;

import static org.assertj.core.api.Assertions.assertThat;

import com.jme3.asset.AssetManager;
import com.jme3.font.BitmapText;
import com.jme3.renderer.queue.RenderQueue;
import com.jme3.scene.Spatial;
import com.jme3.system.JmeSystem;
import io.linetwin.model.LineSpec;
import io.linetwin.render.Hud;
import io.linetwin.render.LineView;
import io.linetwin.render.Lines;
import io.linetwin.render.StationVisualState;
import io.linetwin.render.layout.AutoLayout;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The scene graph, built without a GL context. */
final class LineSceneBuilderTest {

    private static final AssetManager ASSETS = JmeSystem.newAssetManager(
            Thread.currentThread().getContextClassLoader().getResource("com/jme3/asset/Desktop.cfg"));

    private static LineScene build(LineSpec line) {
        return new LineSceneBuilder(ASSETS, Palette.test(), false, true).build(line, AutoLayout.plan(line));
    }

    private static BitmapText label(LineScene scene, String station) {
        Spatial holder = scene.root().getChild(LineScene.LABEL_PREFIX + station);
        return (BitmapText) ((com.jme3.scene.Node) holder).getChild(0);
    }

    @Test
    void everyStationHasALabelInTheTransparentBucket() {
        LineScene scene = build(Lines.chain(6));

        for (String id : new String[] {"src", "m1", "m2", "m3", "m4", "out"}) {
            BitmapText text = label(scene, id);
            assertThat(text.getText()).isEqualTo(id);
            assertThat(text.getQueueBucket()).isEqualTo(RenderQueue.Bucket.Transparent);
        }
    }

    @Test
    void theBottlenecksLabelSaysSoAndOnlyItsLabel() {
        LineScene scene = build(Lines.chain(6));

        scene.apply(new LineView(10, Map.of(), Map.of(), Map.of(), new Hud("", 1, 1, Optional.of("m3"))));

        assertThat(label(scene, "m3").getText()).isEqualTo("m3" + LineScene.BOTTLENECK_MARK);
        assertThat(label(scene, "m2").getText()).isEqualTo("m2");
        scene.apply(LineView.empty(20));
        assertThat(label(scene, "m3").getText()).isEqualTo("m3");
    }

    @Test
    void aViewDrivesMachineStatesRiskAndRackFills() {
        LineScene scene = build(Lines.chain(4));

        scene.apply(new LineView(5, Map.of("m1", StationVisualState.DOWN), Map.of("b1", 5), Map.of("m2", 0.7),
                Hud.none()));

        assertThat(scene.machine("m1").orElseThrow().state()).contains(StationVisualState.DOWN);
        assertThat(scene.machine("m2").orElseThrow().state()).isEmpty();
        assertThat(scene.machine("m2").orElseThrow().risk()).contains(0.7);
        assertThat(scene.fill("b1").orElseThrow().fraction()).isEqualTo(0.5f);
        assertThat(scene.fill("b2").orElseThrow().fraction()).isZero();
    }

    @Test
    void aRayFromAboveAMachinePicksThatStation() {
        LineSpec line = Lines.chain(5);
        LineScene scene = build(line);
        scene.root().updateGeometricState();
        io.linetwin.render.layout.Footprint m2 = AutoLayout.plan(line).station("m2");

        com.jme3.collision.CollisionResults hits = new com.jme3.collision.CollisionResults();
        scene.root().collideWith(new com.jme3.math.Ray(new com.jme3.math.Vector3f((float) m2.x() + 0.3f, 50,
                (float) m2.z() + 0.2f), new com.jme3.math.Vector3f(0, -1, 0)), hits);

        assertThat(hits.getClosestCollision().getGeometry().getName()).isEqualTo("machines");
        assertThat(scene.stationAt(hits.getClosestCollision())).contains("m2");
        assertThat(LineScene.stationOf(scene.root().getChild("floor"))).isEmpty();
    }

    @Test
    void aLargeLineNamesOnlyTheBottleneckAndAFewMachinesThatAreDown() {
        LineSpec line = Lines.chain(102);
        LineScene scene = build(line);
        Map<String, StationVisualState> states = new java.util.HashMap<>();
        line.stations().forEach(s -> states.put(s.id(), StationVisualState.DOWN));
        states.put("m50", StationVisualState.WORKING);

        scene.apply(new LineView(10, states, Map.of(), Map.of(), new Hud("", 1, 1, Optional.of("m50"))));

        java.util.List<String> named = line.stations().stream().map(s -> s.id())
                .filter(id -> scene.root().getChild(LineScene.LABEL_PREFIX + id).getCullHint()
                        != Spatial.CullHint.Always)
                .toList();
        assertThat(named).hasSize(LineScene.MAX_DOWN_LABELS + 1).contains("m50", "src", "m1");
    }

    @Test
    void everyRacksBarIsPartOfOneMesh() {
        LineScene scene = build(Lines.chain(4));

        java.util.List<com.jme3.scene.Geometry> fills =
                scene.root().descendantMatches(com.jme3.scene.Geometry.class, "fill.*");

        assertThat(fills).hasSize(1);
        assertThat(fills.get(0).getMesh().getVertexCount()).as("a box per rack").isEqualTo(3 * 24);
    }
}
