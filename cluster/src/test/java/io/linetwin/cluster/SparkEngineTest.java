package io.linetwin.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.LineState;
import io.linetwin.model.Scenario;
import io.linetwin.sim.LineSimulation;
import io.linetwin.sim.experiment.Candidate;
import io.linetwin.sim.experiment.Comparison;
import io.linetwin.sim.experiment.Experiment;
import io.linetwin.sim.experiment.ExperimentResult;
import io.linetwin.sim.experiment.ReplicationTask;
import io.linetwin.sim.experiment.Replications;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Spark in local mode (executors are threads of this JVM, but every task and result still crosses Spark's
 * serialisation): the outcomes equal the local engine's bit for bit, with retried tasks too.
 */
final class SparkEngineTest {

    private static final ScenarioSource BOTTLING = Scenarios.library("bottling-line.yaml");

    private static Scenario scenario;
    private static SparkEngine spark;

    @BeforeAll
    static void startSpark() {
        Scenario loaded = Scenarios.load(BOTTLING);
        scenario = loaded.withExperiment(
                loaded.experiment().withHorizon(6 * 3600).withWarmup(3600).withReplications(6));
        // Three cores, and up to four attempts per task (local masters retry only when told to).
        spark = SparkEngine.failingFirstAttempts(
                new SparkSettings("local[3,4]", "SparkEngineTest", Map.of()), BOTTLING, 3);
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.close();
        }
    }

    @Test
    void aComparisonOnSparkEqualsTheLocalOneBitForBitThoughEveryThirdTaskFailedOnce() {
        AtomicInteger failedAttempts = new AtomicInteger();
        spark.context().sc().addSparkListener(new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (!end.taskInfo().successful()) {
                    failedAttempts.incrementAndGet();
                }
            }
        });
        List<Comparison> local =
                new Experiment(scenario.experiment(), 1, Replications.Progress.NONE).compareAll(scenario);
        List<Comparison> onSpark =
                new Experiment(scenario.experiment(), spark, Replications.Progress.NONE).compareAll(scenario);

        // 6 replications of the baseline and of each variant: every third task's first attempt failed
        int tasks = 6 * (1 + scenario.variants().size());
        assertThat(failedAttempts.get()).isEqualTo((tasks + 2) / 3);
        assertThat(onSpark).hasSameSizeAs(local).isNotEmpty();
        for (int v = 0; v < local.size(); v++) {
            assertSameReplications(onSpark.get(v).baseline(), local.get(v).baseline());
            assertSameReplications(onSpark.get(v).variant(), local.get(v).variant());
        }
    }

    @Test
    void aWarmStartedRunOnSparkEqualsTheLocalOne() {
        ExperimentSpec experiment = scenario.experiment();
        LineState state = new LineSimulation(scenario.line())
                .startingAt(experiment.startSecondsOfWeek())
                .snapshot(5 * 3600, 99, 0, Instant.parse("2024-03-04T11:00:00Z"));
        assertThat(state.inFlight().releaseSeconds()).isNotEmpty();

        ExperimentResult local = new Experiment(experiment, 2, Replications.Progress.NONE)
                .startingFrom(state)
                .run(Experiment.baseline(scenario));
        ExperimentResult onSpark = new Experiment(experiment, spark, Replications.Progress.NONE)
                .startingFrom(state)
                .run(Experiment.baseline(scenario));

        assertSameReplications(onSpark, local);
    }

    @Test
    void progressCountsUpToEveryTask() {
        List<int[]> reports = new ArrayList<>();
        new Experiment(scenario.experiment(), spark, (done, total) -> reports.add(new int[] {done, total}))
                .run(scenario.variants().get(0));

        assertThat(reports).isNotEmpty();
        assertThat(reports.get(reports.size() - 1)).containsExactly(6, 6);
        assertThat(reports).allSatisfy(r -> assertThat(r[0]).isBetween(1, 6));
    }

    @Test
    void aLineBuiltInCodeIsRefusedBeforeAnythingRuns() {
        Candidate inCode = Candidate.local("in-code", scenario.line(), scenario.experiment(), Optional.empty());

        assertThatThrownBy(() -> spark.run(List.of(new ReplicationTask(inCode, 0)), Replications.Progress.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("built in code");
    }

    private static void assertSameReplications(ExperimentResult actual, ExperimentResult expected) {
        assertThat(actual.variant()).isEqualTo(expected.variant());
        assertThat(actual.replications()).hasSize(expected.replications().size());
        for (int r = 0; r < expected.replications().size(); r++) {
            assertThat(actual.replications().get(r))
                    .as("replication %d of %s", r, expected.variant())
                    .isEqualTo(expected.replications().get(r));
        }
    }
}
