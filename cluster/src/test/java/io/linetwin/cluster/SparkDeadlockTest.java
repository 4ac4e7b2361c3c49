package io.linetwin.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.model.Scenario;
import io.linetwin.sim.LineDeadlockException;
import io.linetwin.sim.experiment.Candidate;
import io.linetwin.sim.experiment.LocalEngine;
import io.linetwin.sim.experiment.ReplicationOutcome;
import io.linetwin.sim.experiment.ReplicationTask;
import io.linetwin.sim.experiment.Replications;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A deadlock is an outcome, not a failure: the tuner drops the setting. It must survive the trip from a worker. */
final class SparkDeadlockTest {

    @Test
    void aDeadlockOnAnExecutorComesBackAsTheSameDeadlock() {
        ScenarioSource source = Scenarios.resource("deadlocking-loop.yaml");
        Scenario loop = Scenarios.load(source);
        List<ReplicationTask> tasks = new ArrayList<>();
        for (int r = 0; r < 4; r++) {
            tasks.add(new ReplicationTask(Candidate.baseline(loop, Optional.empty()), r));
            tasks.add(
                    new ReplicationTask(Candidate.of(loop.variants().get(0), loop.experiment(), Optional.empty()), r));
        }

        List<ReplicationOutcome> local = new LocalEngine(1).run(tasks, Replications.Progress.NONE);
        List<ReplicationOutcome> onSpark;
        try (SparkEngine engine = SparkEngine.start(new SparkSettings("local[2]", "deadlock", Map.of()), source)) {
            onSpark = engine.run(tasks, Replications.Progress.NONE);
        }

        assertThat(local.get(0)).isInstanceOf(ReplicationOutcome.Deadlocked.class);
        for (int i = 0; i < tasks.size(); i++) {
            if (local.get(i) instanceof ReplicationOutcome.Deadlocked expected) {
                LineDeadlockException actual = ((ReplicationOutcome.Deadlocked) onSpark.get(i)).deadlock();
                assertThat(actual).hasMessage(expected.deadlock().getMessage());
                assertThat(actual.chain()).isEqualTo(expected.deadlock().chain());
            } else {
                assertThat(onSpark.get(i).result()).isEqualTo(local.get(i).result());
            }
        }
    }
}
