package io.linetwin.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.model.LineState;
import io.linetwin.model.Scenario;
import io.linetwin.scenario.ScenarioLoader;
import io.linetwin.sim.LineSimulation;
import io.linetwin.sim.ReplicationResult;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One traced run to an instant shows the line as the engine's own snapshot of that instant does. */
final class TraceRecorderTest {

    @ParameterizedTest
    @CsvSource({
        "bottling-line.yaml, 3917.3",
        "bottling-line.yaml, 40321.9",
        "bottling-line.yaml, 187654.2",
        "bottling-line.yaml, 633600",
        "automotive-body.yaml, 52345.6",
        "automotive-body.yaml, 151234.5",
        "smt-line.yaml, 20000.1",
        "smt-line.yaml, 90001.7",
        "textbook-two-machine.yaml, 7777.7"
    })
    void theTracedViewEqualsTheSnapshotsView(String file, double at) throws Exception {
        Scenario scenario = ScenarioLoader.load(Path.of("..", "scenarios", file));
        LineSimulation simulation = new LineSimulation(scenario.line())
                .startingAt(scenario.experiment().startSecondsOfWeek());
        long seed = scenario.experiment().seed();
        double warmup = Math.min(scenario.experiment().warmupSeconds(), at / 2);
        TraceRecorder recorder = new TraceRecorder(scenario.line());

        ReplicationResult upTo = simulation.run(warmup, at - warmup, seed, 0, recorder);
        LineView traced = recorder.view(at, upTo);
        LineState state = simulation.snapshot(at, seed, 0, Instant.EPOCH);
        LineView engine = LineView.atInstant(scenario.line(), state, upTo);

        assertThat(traced.stations()).isEqualTo(engine.stations());
        assertThat(traced.bufferLevels()).isEqualTo(engine.bufferLevels());
        assertThat(traced.bufferLevels().values().stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .as("a line that is not empty")
                .isPositive();
        assertThat(traced.kpis()).isEqualTo(engine.kpis());
    }
}
