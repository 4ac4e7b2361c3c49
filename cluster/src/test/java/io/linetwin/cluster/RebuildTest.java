package io.linetwin.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * A worker that cannot load the scenario fails its task with a message; that message is all the user sees of it
 * (the driver prints its first line), so it must carry what the local path prints: position, key and stable code.
 */
class RebuildTest {

    private static final String TWO_MACHINES = """
            schema: linetwin/v1
            name: two
            line:
              id: t:two
              stations:
                - { id: m1, kind: machine, process: { dist: exponential, mean: fast } }
                - { id: m2, kind: machine, process: { dist: exponential, mean: 1s } }
              buffers:
                - { id: b, from: m1, to: m2, capacity: -3 }
            experiment: { horizon: 1d, replications: 2, seed: 7 }
            """;

    @Test
    void aWorkerThatCannotLoadTheFileSaysWhereAndWhichCode() {
        ScenarioSource broken = new ScenarioSource("plant/two.yaml", TWO_MACHINES);

        assertThatThrownBy(() -> Rebuild.scenario(broken))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the scenario does not load on this worker: plant/two.yaml:6:68 "
                        + "stations.m1.process.mean: expected a duration like \"1.2s\", got \"fast\" "
                        + "[scenario.value.format] (and 1 more)");
    }

    @Test
    void aFileThatLoadsIsRebuiltAndKept() {
        ScenarioSource good = new ScenarioSource(
                "plant/two.yaml", TWO_MACHINES.replace("fast", "1s").replace("-3", "3"));

        assertThat(Rebuild.scenario(good)).isSameAs(Rebuild.scenario(good));
        assertThat(Rebuild.scenario(good).line().buffers().get(0).capacity()).isEqualTo(3);
    }
}
