package io.linetwin.render.scene;

import static org.assertj.core.api.Assertions.assertThat;

import com.jme3.asset.AssetManager;
import com.jme3.collision.CollisionResults;
import com.jme3.math.Ray;
import com.jme3.math.Vector3f;
import com.jme3.system.JmeSystem;
import io.linetwin.model.LineSpec;
import io.linetwin.model.StationStatus;
import io.linetwin.render.Hud;
import io.linetwin.render.Library;
import io.linetwin.render.LineView;
import io.linetwin.render.Lines;
import io.linetwin.render.Movers;
import io.linetwin.render.layout.AutoLayout;
import io.linetwin.render.layout.FloorPlan;
import io.linetwin.render.layout.Footprint;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The scene graph, built without a GL context. */
final class LineSceneBuilderTest {

    private static final AssetManager ASSETS = JmeSystem.newAssetManager(
            Thread.currentThread().getContextClassLoader().getResource("com/jme3/asset/Desktop.cfg"));

    private static LineScene build(LineSpec line) {
        return new LineSceneBuilder(ASSETS, Palette.test(), false).build(line, AutoLayout.plan(line));
    }

    @Test
    void everyStationAsksForALabelAndTheBottleneckComesFirstAndSaysSo() {
        LineSpec line = Lines.chain(6);
        LineScene scene = build(line);
        scene.apply(new LineView(
                10, Map.of("m3", StationStatus.DOWN), Map.of(), Map.of(), new Hud("", 0, 0, Optional.of("m2"))));

        assertThat(scene.labels())
                .extracting(LineScene.Request::id)
                .containsExactlyInAnyOrder("src", "m1", "m2", "m3", "m4", "out");
        assertThat(scene.labels().get(0).id()).isEqualTo("m2");
        assertThat(scene.labels().get(0).text()).contains("bottleneck");
        assertThat(scene.labels().get(1).id()).isEqualTo("m3");
        assertThat(scene.labels().get(1).priority()).isEqualTo(LineScene.Priority.DOWN);
        assertThat(scene.labels().stream().filter(r -> !r.id().equals("m2")))
                .allSatisfy(r -> assertThat(r.text()).doesNotContain("bottleneck"));
    }

    @Test
    void aViewDrivesMachineStatesRiskRackBoxesAndConveyorLamps() {
        LineSpec line = Library.load(Library.DIR.resolve("bottling-line.yaml")).line();
        LineScene scene = build(line);
        scene.apply(new LineView(
                100,
                Map.of("filler", StationStatus.DOWN),
                Map.of("b2", 30),
                Map.of("filler", 0.7),
                Hud.none(),
                new Movers(Map.of(), Map.of(), Set.of("b3"))));

        MachineStatusControl filler = scene.machine("filler").orElseThrow();
        assertThat(filler.state()).contains(StationStatus.DOWN);
        assertThat(filler.risk()).contains(0.7);
        assertThat(scene.machine("capper").orElseThrow().state()).isEmpty();
        RackFill b2 = scene.fill("b2").orElseThrow();
        assertThat(b2.boxes()).isEqualTo((int) Math.ceil(b2.slots() * 30 / 60.0));
        assertThat(scene.fill("b1").orElseThrow().boxes()).isZero();
        assertThat(scene.machine("depal")).as("a source has no state").isEmpty();
    }

    @Test
    void oneWaitingPartShowsOneBoxAndAFullBufferFillsTheRack() {
        LineSpec line = Lines.chain(4);
        LineScene scene = build(line);
        RackFill fill = scene.fill("b2").orElseThrow();

        scene.apply(new LineView(1, Map.of(), Map.of("b2", 1), Map.of(), Hud.none()));
        assertThat(fill.boxes()).isEqualTo(1);
        scene.apply(new LineView(1, Map.of(), Map.of("b2", Lines.CAPACITY), Map.of(), Hud.none()));
        assertThat(fill.boxes()).isEqualTo(fill.slots());
    }

    @Test
    void aRayFromAboveAMachinePicksThatStation() {
        LineSpec line = Lines.chain(6);
        FloorPlan plan = AutoLayout.plan(line);
        LineScene scene = new LineSceneBuilder(ASSETS, Palette.test(), false).build(line, plan);
        scene.root().updateGeometricState();
        Footprint m2 = plan.station("m2");

        CollisionResults hits = new CollisionResults();
        scene.root()
                .collideWith(
                        new Ray(new Vector3f((float) m2.x() + 0.2f, 50, (float) m2.z() + 0.1f), new Vector3f(0, -1, 0)),
                        hits);

        assertThat(hits.size()).isPositive();
        assertThat(scene.stationAt(hits.getClosestCollision())).contains("m2");
    }
}
