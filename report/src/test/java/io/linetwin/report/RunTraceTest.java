package io.linetwin.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.linetwin.model.Scenario;
import io.linetwin.sim.ReplicationResult;
import io.linetwin.sim.experiment.Experiment;
import io.linetwin.sim.experiment.ExperimentResult;
import io.linetwin.sim.experiment.Replications;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class RunTraceTest {

    /** The charts are only as good as the collector: it must find the engine's own KPIs again from the trace. */
    @ParameterizedTest
    @ValueSource(strings = {"textbook-two-machine.yaml", "bottling-line.yaml", "smt-line.yaml"})
    void theTraceGivesBackTheEnginesWipAndThroughputExactly(String file) {
        Scenario scenario = Lines.load(file);
        scenario = scenario.withExperiment(scenario.experiment()
                .withHorizon(12 * 3600.0)
                .withWarmup(3 * 3600.0)
                .withReplications(3));
        RunSeries series = new RunSeries(
                scenario.line(),
                3,
                0,
                scenario.experiment().warmupSeconds(),
                scenario.experiment().horizonSeconds());
        ExperimentResult result = new Experiment(scenario.experiment(), 1, Replications.Progress.NONE)
                .tracing(series.listeners())
                .run(Scenario.BASELINE, scenario.line());

        List<RunTrace> traces = series.traces();
        for (int i = 0; i < traces.size(); i++) {
            ReplicationResult replication = result.replications().get(i);
            assertThat(traces.get(i).windowWip())
                    .as("WIP of replication %d", i)
                    .isCloseTo(replication.wip(), within(1e-6 * Math.max(1, replication.wip())));
            assertThat(traces.get(i).windowThroughputPerHour())
                    .as("throughput of replication %d", i)
                    .isCloseTo(replication.throughputPerHour(), within(1e-9));
        }
    }

    @Test
    void tracingChangesNoResult() {
        Scenario scenario = Lines.cell();
        Experiment plain = new Experiment(scenario.experiment(), 2, Replications.Progress.NONE);
        RunSeries series = new RunSeries(
                scenario.line(),
                3,
                0,
                scenario.experiment().warmupSeconds(),
                scenario.experiment().horizonSeconds());

        ExperimentResult untraced = plain.run(Scenario.BASELINE, scenario.line());
        ExperimentResult traced = plain.tracing(series.listeners()).run(Scenario.BASELINE, scenario.line());

        assertThat(traced.replications()).isEqualTo(untraced.replications());
    }

    @Test
    void slicesAddUpAndLevelSharesSumToOneWithinCapacity() {
        Scenario scenario = Lines.cell();
        RunSeries series = new RunSeries(
                scenario.line(),
                3,
                0,
                scenario.experiment().warmupSeconds(),
                scenario.experiment().horizonSeconds());
        ExperimentResult result = new Experiment(scenario.experiment(), 2, Replications.Progress.NONE)
                .tracing(series.listeners())
                .run(Scenario.BASELINE, scenario.line());

        // 9 h of run in 1 h slices; the parts finished over all slices are every good part of the run.
        assertThat(series.hours()).hasSize(9);
        RunTrace first = series.traces().get(0);
        double parts = java.util.Arrays.stream(first.throughputPerHour()).sum() * first.binSeconds() / 3600;
        assertThat(parts).isEqualTo(Math.rint(parts)).isPositive();
        Map<String, double[]> levels = series.levelShares(scenario.line());
        assertThat(levels).containsOnlyKeys("b1", "c1");
        assertThat(java.util.Arrays.stream(levels.get("b1")).sum()).isCloseTo(1, within(1e-9));
        assertThat(levels.get("b1").length).isLessThanOrEqualTo(5 + 1);
        assertThat(levels.get("c1").length).isLessThanOrEqualTo(8 + 1);
        assertThat(result.replications()).hasSize(3);
    }
}
