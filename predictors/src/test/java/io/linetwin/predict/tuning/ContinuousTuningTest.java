package io.linetwin.predict.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.model.Scenario;
import io.linetwin.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CMA-ES against optima known in closed form. */
final class ContinuousTuningTest {

    /**
     * Profit per hour of {@code speed-cost.yaml}: two exponential machines, no buffer, blocking after service;
     * the birth-death chain of the second machine's content (0, 1, or 2 with the first blocked) gives
     * TH(s) = (s + s^2) / (1 + s + s^2) parts/s.
     */
    private static double profit(double speed) {
        return 3600 * (speed + speed * speed) / (1 + speed + speed * speed) - 638.2 * speed;
    }

    @Test
    void aSpeedAgainstItsCostPeaksWhereTheMarginalPartPaysForTheSpeed() throws Exception {
        Scenario scenario = load("speed-cost.yaml");

        TuningResult result = new Tuner(
                        scenario,
                        scenario.tuning().orElseThrow(),
                        scenario.experiment(),
                        TuningOptions.defaults().withThreads(2))
                .run(TuningListener.NONE);

        double speed = (Double) result.bestValues().get("stations.m1.parameters.speed");
        assertThat(result.method()).isEqualTo("CMA-ES");
        assertThat(speed).isBetween(1.4, 1.6);
        assertThat(profit(speed)).isGreaterThanOrEqualTo(0.999 * profit(1.5));
        // The final estimate, on fresh replications, agrees with the closed form at the chosen speed.
        assertThat(Math.abs(result.best().objective().mean() - profit(speed)))
                .isLessThan(3 * result.best().objective().halfWidth());
        assertThat(result.evaluations()).isLessThanOrEqualTo(60);
        assertThat(result.supportedGain()).isTrue();
    }

    @Test
    void twoSpeedsSharingALimitSplitItEvenlyAndNeverExceedIt() throws Exception {
        // Reversibility: a two-machine line and its mirror image make the same throughput, so with
        // s1 + s2 <= 2.5 the best split is on the limit and symmetric, s1 = s2 = 1.25.
        Scenario scenario = ScenarioLoader.parse("""
                schema: linetwin/v1
                name: shared-limit
                line:
                  stations:
                    - { id: m1, kind: machine, process: { dist: exponential, mean: 1s } }
                    - { id: m2, kind: machine, process: { dist: exponential, mean: 1s } }
                  buffers: [ { id: b, from: m1, to: m2, capacity: 2 } ]
                experiment: { horizon: 1h, warmup: 5m, seed: 5 }
                tuning:
                  objective: { maximise: throughputPerHour }
                  variables:
                    - { path: stations.m1.parameters.speed, type: continuous, min: 0.5, max: 2 }
                    - { path: stations.m2.parameters.speed, type: continuous, min: 0.5, max: 2 }
                  constraints:
                    - { sum: [ stations.m1.parameters.speed, stations.m2.parameters.speed ], max: 2.5 }
                  budget: { evaluations: 60, replications: 4 }
                """, "shared-limit.yaml");

        TuningResult result = new Tuner(
                        scenario,
                        scenario.tuning().orElseThrow(),
                        scenario.experiment(),
                        TuningOptions.defaults().withThreads(2))
                .run(TuningListener.NONE);

        for (Map<String, Object> values : result.evaluated()) {
            double s1 = (Double) values.get("stations.m1.parameters.speed");
            double s2 = (Double) values.get("stations.m2.parameters.speed");
            assertThat(s1 + s2).as("%s", values).isLessThanOrEqualTo(2.5 + 1e-9);
            assertThat(s1).isBetween(0.5, 2.0);
            assertThat(s2).isBetween(0.5, 2.0);
        }
        double s1 = (Double) result.bestValues().get("stations.m1.parameters.speed");
        double s2 = (Double) result.bestValues().get("stations.m2.parameters.speed");
        assertThat(s1 + s2).isGreaterThan(2.45);
        assertThat(Math.abs(s1 - s2)).isLessThan(0.35);
    }

    private static Scenario load(String name) throws Exception {
        return ScenarioLoader.load(Path.of(
                ContinuousTuningTest.class.getResource("/tuning/" + name).toURI()));
    }
}
