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

    /** Spark's report of the failed task, as the driver gets it: its prefix, the worker's class name, the trace. */
    @Test
    void theDriverPrintsTheWorkersLineWithoutSparksPrefix() {
        String worker = "the scenario does not load on this worker: plant/two.yaml:6:68 stations.m1.process.mean: "
                + "expected a duration like \"1.2s\", got \"fast\" [scenario.value.format]";
        RuntimeException spark = new RuntimeException("Job aborted due to stage failure: Task 0 in stage 0.0 failed 4 "
                + "times, most recent failure: Lost task 0.3 in stage 0.0 (TID 3) (10.0.0.7 executor 1): "
                + "java.lang.IllegalStateException: " + worker
                + "\n\tat io.linetwin.cluster.Rebuild.scenario(Rebuild.java:47)");

        assertThat(new SparkEngine.SparkJobException(spark)).hasMessage("the Spark job failed: " + worker);
        assertThat(new SparkEngine.SparkJobException(new RuntimeException("executor lost\nmore")))
                .hasMessage("the Spark job failed: executor lost");
    }

    @Test
    void aFileThatLoadsIsRebuiltAndKept() {
        ScenarioSource good = new ScenarioSource(
                "plant/two.yaml", TWO_MACHINES.replace("fast", "1s").replace("-3", "3"));

        assertThat(Rebuild.scenario(good)).isSameAs(Rebuild.scenario(good));
        assertThat(Rebuild.scenario(good).line().buffers().get(0).capacity()).isEqualTo(3);
    }
}
