package io.linetwin.predict.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.model.Scenario;
import io.linetwin.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

final class GuardTest {

    @Test
    void aGuardKeepsTheTunerFromBuyingThroughputWithWorkInProcess() throws Exception {
        // A bigger buffer always makes more parts and always holds more of them: with WIP guarded, no bigger
        // buffer may win, and no smaller one makes as many parts, so the current buffer is the answer.
        Scenario scenario = ScenarioLoader.parse("""
                schema: linetwin/v1
                name: guarded
                line:
                  stations:
                    - { id: m1, kind: machine, process: { dist: exponential, mean: 1s } }
                    - { id: m2, kind: machine, process: { dist: exponential, mean: 1s } }
                  buffers: [ { id: b, from: m1, to: m2, capacity: 5 } ]
                experiment: { horizon: 1h, warmup: 5m, seed: 3 }
                tuning:
                  objective: { maximise: throughputPerHour }
                  variables: [ { path: buffers.b.capacity, type: integer, min: 0, max: 20 } ]
                  guard: [ { kpi: wip, worseBy: 0 } ]
                  budget: { evaluations: 21, replications: 4 }
                """, "guarded.yaml");

        TuningResult result = new Tuner(
                        scenario,
                        scenario.tuning().orElseThrow(),
                        scenario.experiment(),
                        TuningOptions.defaults().withThreads(2))
                .run(TuningListener.NONE);

        assertThat(result.evaluations()).isEqualTo(21);
        assertThat(result.rejected()).isGreaterThanOrEqualTo(10);
        assertThat((Integer) result.bestValues().get("buffers.b.capacity")).isLessThanOrEqualTo(5);
        assertThat(result.kpiDifferences().get("wip").mean()
                        - result.kpiDifferences().get("wip").halfWidth())
                .isLessThanOrEqualTo(0);
    }
}
