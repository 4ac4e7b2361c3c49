package io.linetwin.render.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.jme3.asset.AssetManager;
import com.jme3.math.Vector3f;
import com.jme3.scene.Spatial;
import com.jme3.system.JmeSystem;
import io.linetwin.model.ConveyorSpec;
import io.linetwin.model.Scenario;
import io.linetwin.render.TraceRecorder;
import io.linetwin.render.layout.AutoLayout;
import io.linetwin.render.layout.BufferPlacement;
import io.linetwin.render.layout.FloorPlan;
import io.linetwin.render.layout.Footprint;
import io.linetwin.scenario.ScenarioLoader;
import io.linetwin.sim.LineSimulation;
import io.linetwin.sim.ReplicationResult;
import io.linetwin.sim.TraceEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Parts on the bottling line's conveyor and its AGVs stand in the scene graph where the event trace puts them:
 * an AGV on the straight line of its leg, in proportion to the time driven; a part that entered the belt
 * {@code dt} ago, {@code speed * dt} along it (scaled onto the rack).
 */
final class MoversTest {

    private static final AssetManager ASSETS = JmeSystem.newAssetManager(
            Thread.currentThread().getContextClassLoader().getResource("com/jme3/asset/Desktop.cfg"));

    @Test
    void partsAndVehiclesStandWhereTheTraceSaysAtThatInstant() throws Exception {
        Scenario scenario = ScenarioLoader.load(Path.of("..", "scenarios", "bottling-line.yaml"));
        LineSimulation simulation = new LineSimulation(scenario.line())
                .startingAt(scenario.experiment().startSecondsOfWeek());
        long seed = scenario.experiment().seed();
        List<TraceEvent> events = new ArrayList<>();
        simulation.run(0, 60_000, seed, 0, events::add);
        ConveyorSpec belt = scenario.line().conveyor("b3").orElseThrow();
        Instant chosen = choose(events, belt);

        TraceRecorder recorder = new TraceRecorder(scenario.line());
        ReplicationResult upTo = simulation.run(0, chosen.t, seed, 0, recorder);
        FloorPlan plan = AutoLayout.plan(scenario.line());
        LineScene scene = new LineSceneBuilder(ASSETS, Palette.test(), false, true).build(scenario.line(), plan);
        scene.apply(recorder.view(chosen.t, upTo));

        TraceEvent.VehicleMoved leg = chosen.leg;
        double done = (chosen.t - leg.timeSeconds()) / (leg.arrivalSeconds() - leg.timeSeconds());
        Footprint from = plan.station(leg.from());
        Footprint to = plan.station(leg.to());
        Vector3f agv = translation(scene, MoversNode.AGV_PREFIX + leg.vehicle());
        assertThat((double) agv.x).isCloseTo(from.x() + (to.x() - from.x()) * done, within(1e-3));
        assertThat((double) agv.z).isCloseTo(from.z() + (to.z() - from.z()) * done, within(1e-3));
        assertThat(done).isBetween(0.2, 0.8);

        BufferPlacement rack = plan.buffer("b3").orElseThrow();
        double metres = belt.speedMetresPerSecond() * (chosen.t - chosen.entered.timeSeconds());
        double along = (metres / belt.lengthMetres() - 0.5) * rack.lengthMetres();
        double angle = Math.toRadians(rack.angleDegrees());
        Vector3f part = translation(scene, MoversNode.PART_PREFIX + chosen.entered.part());
        assertThat((double) part.x).isCloseTo(rack.rack().x() + Math.cos(angle) * along, within(1e-3));
        assertThat((double) part.z).isCloseTo(rack.rack().z() - Math.sin(angle) * along, within(1e-3));
    }

    private static Vector3f translation(LineScene scene, String name) {
        Spatial s = scene.root().getChild(name);
        assertThat(s).as(name).isNotNull();
        assertThat(s.getCullHint()).isNotEqualTo(Spatial.CullHint.Always);
        return s.getLocalTranslation();
    }

    private record Instant(double t, TraceEvent.VehicleMoved leg, TraceEvent.PartMoved entered) {
    }

    /**
     * An instant 40 % into some AGV leg at which a part entered the belt in the last few seconds and runs free:
     * the parts on the belt do not reach back to it, so nothing but speed and time decides where it is.
     */
    private static Instant choose(List<TraceEvent> events, ConveyorSpec belt) {
        for (TraceEvent e : events) {
            if (e instanceof TraceEvent.VehicleMoved leg && leg.timeSeconds() > 30_000
                    && leg.arrivalSeconds() - leg.timeSeconds() > 10) {
                double t = leg.timeSeconds() + 0.4 * (leg.arrivalSeconds() - leg.timeSeconds());
                TraceEvent.PartMoved last = null;
                int onBelt = 0;
                for (TraceEvent m : events) {
                    if (m.timeSeconds() > t) {
                        break;
                    }
                    if (m instanceof TraceEvent.PartMoved moved && moved.to().equals(belt.id())) {
                        onBelt++;
                        last = moved;
                    } else if (m instanceof TraceEvent.PartMoved moved && moved.from().equals(belt.id())) {
                        onBelt--;
                    }
                }
                if (last != null && t - last.timeSeconds() < 5 && t - last.timeSeconds() > 0.5
                        && belt.speedMetresPerSecond() * (t - last.timeSeconds())
                                < belt.lengthMetres() - onBelt * belt.spacingMetres()) {
                    return new Instant(t, leg, last);
                }
            }
        }
        throw new AssertionError("no instant with a leg under way and a part running free on the belt");
    }
}
