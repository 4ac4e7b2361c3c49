package io.linetwin.render.scene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.jme3.asset.AssetManager;
import com.jme3.math.Vector3f;
import com.jme3.scene.Spatial;
import com.jme3.system.JmeSystem;
import io.linetwin.model.ConveyorSpec;
import io.linetwin.model.Scenario;
import io.linetwin.render.Library;
import io.linetwin.render.TraceRecorder;
import io.linetwin.render.layout.AutoLayout;
import io.linetwin.render.layout.FloorPlan;
import io.linetwin.render.layout.Polyline;
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
 * an AGV along its lane between the stations of its leg, in proportion to the time driven; a part that entered the
 * belt {@code dt} ago, {@code speed * dt} along the belt's route (drawn at the belt's real length). A belt that
 * stopped holds its parts.
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
        LineScene scene = new LineSceneBuilder(ASSETS, Palette.test(), false).build(scenario.line(), plan);
        scene.apply(recorder.view(chosen.t, upTo));

        TraceEvent.VehicleMoved leg = chosen.leg;
        double done = (chosen.t - leg.timeSeconds()) / (leg.arrivalSeconds() - leg.timeSeconds());
        Polyline lane = plan.agvs().route(leg.from(), leg.to()).orElseThrow();
        double[] expected = lane.at(done * lane.length());
        Vector3f agv = translation(scene, MoversNode.AGV_PREFIX + leg.vehicle());
        assertThat((double) agv.x).isCloseTo(expected[0], within(1e-3));
        assertThat((double) agv.z).isCloseTo(expected[1], within(1e-3));
        assertThat(done).isBetween(0.2, 0.8);

        Polyline route = plan.link("b3").orElseThrow().route();
        assertThat(route.length()).isCloseTo(belt.lengthMetres(), within(1e-9));
        double metres = belt.speedMetresPerSecond() * (chosen.t - chosen.entered.timeSeconds());
        double[] along = route.at(metres);
        Vector3f part = translation(scene, MoversNode.PART_PREFIX + chosen.entered.part());
        assertThat((double) part.x).isCloseTo(along[0], within(1e-3));
        assertThat((double) part.z).isCloseTo(along[1], within(1e-3));
    }

    @Test
    void aStoppedBeltHoldsItsPartsUntilItStartsAgain() {
        Scenario scenario = Library.load(Library.DIR.resolve("bottling-line.yaml"));
        TraceRecorder recorder = new TraceRecorder(scenario.line());
        recorder.on(new TraceEvent.PartReleased(0, 1, "litre", "depal"));
        recorder.on(new TraceEvent.PartMoved(10, 1, "capper", "b3"));
        recorder.on(new TraceEvent.ConveyorStopped(12, "b3", true));

        // 0.5 m/s: 1 m by the stop at 12 s, and still 1 m at 30 s while the belt stands.
        assertThat(recorder.movers(30).parts().get(1L).metres()).isCloseTo(1.0, within(1e-9));
        assertThat(recorder.movers(30).stoppedConveyors()).containsExactly("b3");
        recorder.on(new TraceEvent.ConveyorStopped(32, "b3", false));
        assertThat(recorder.movers(36).parts().get(1L).metres()).isCloseTo(3.0, within(1e-9));
        assertThat(recorder.movers(36).stoppedConveyors()).isEmpty();
    }

    @Test
    void aLoadedVehicleCarriesABoxAndAnEmptyOneDoesNot() {
        Scenario scenario = Library.load(Library.DIR.resolve("bottling-line.yaml"));
        TraceRecorder recorder = new TraceRecorder(scenario.line());
        recorder.on(new TraceEvent.VehicleMoved(0, 0, "palletiser", "warehouse", 50, 7));
        recorder.on(new TraceEvent.VehicleMoved(0, 1, "warehouse", "palletiser", 50, -1));

        assertThat(recorder.movers(25).vehicles().get(0).loaded()).isTrue();
        assertThat(recorder.movers(25).vehicles().get(1).loaded()).isFalse();
    }

    private static Vector3f translation(LineScene scene, String name) {
        Spatial s = scene.root().getChild(name);
        assertThat(s).as(name).isNotNull();
        assertThat(s.getCullHint()).isNotEqualTo(Spatial.CullHint.Always);
        return s.getLocalTranslation();
    }

    private record Instant(double t, TraceEvent.VehicleMoved leg, TraceEvent.PartMoved entered) {}

    /**
     * An instant 40 % into some AGV leg at which a part entered the belt in the last few seconds and runs free:
     * the parts on the belt do not reach back to it, so nothing but speed and time decides where it is.
     */
    private static Instant choose(List<TraceEvent> events, ConveyorSpec belt) {
        for (TraceEvent e : events) {
            if (e instanceof TraceEvent.VehicleMoved leg
                    && leg.timeSeconds() > 30_000
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
                    } else if (m instanceof TraceEvent.PartMoved moved
                            && moved.from().equals(belt.id())) {
                        onBelt--;
                    }
                }
                if (last != null
                        && t - last.timeSeconds() < 5
                        && t - last.timeSeconds() > 0.5
                        && belt.speedMetresPerSecond() * (t - last.timeSeconds())
                                < belt.lengthMetres() - onBelt * belt.spacingMetres()) {
                    return new Instant(t, leg, last);
                }
            }
        }
        throw new AssertionError("no instant with a leg under way and a part running free on the belt");
    }
}
