package io.linetwin.predict.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.model.LineState;
import io.linetwin.model.Scenario;
import io.linetwin.scenario.ScenarioLoader;
import io.linetwin.sim.LineSimulation;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tuning from a live line's state: the line as it runs now is the baseline, and every setting really runs. */
final class WarmStartTuningTest {

    private static double profit(double speed) {
        return 3600 * (speed + speed * speed) / (1 + speed + speed * speed) - 638.2 * speed;
    }

    @Test
    void aStartStateWithTheTunedSpeedElsewhereIsTheBaselineAndDoesNotPinTheSearch() throws Exception {
        Scenario scenario = ScenarioLoader.load(Path.of("src/test/resources/tuning/speed-cost.yaml"));
        LineState snapshot = new LineSimulation(scenario.line()).snapshot(600, 3, 0, Instant.EPOCH);
        Map<String, Map<String, Double>> parameters = new LinkedHashMap<>(snapshot.parameters());
        parameters.put("m1", Map.of("speed", 0.6));
        LineState now = new LineState(
                snapshot.capturedAt(),
                snapshot.clockSeconds(),
                snapshot.stations(),
                snapshot.buffers(),
                parameters,
                snapshot.materialStocks(),
                snapshot.inFlight());

        TuningResult result = new Tuner(
                        scenario,
                        scenario.tuning().orElseThrow(),
                        scenario.experiment(),
                        TuningOptions.defaults().withThreads(2).startingFrom(now))
                .run(TuningListener.NONE);

        // Before the start state's tuned parameter left it, every setting ran at 0.6 and the search saw no slope.
        double speed = (Double) result.bestValues().get("stations.m1.parameters.speed");
        assertThat(speed).isBetween(1.4, 1.6);
        assertThat(result.baseline().values().get("stations.m1.parameters.speed"))
                .isEqualTo(0.6);
        assertThat(Math.abs(result.baseline().objective().mean() - profit(0.6)))
                .isLessThan(3 * result.baseline().objective().halfWidth() + 10);
        assertThat(result.supportedGain()).isTrue();
    }
}
