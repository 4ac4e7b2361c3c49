package io.linetwin.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.cluster.ScenarioSource;
import io.linetwin.cluster.SparkEngine;
import io.linetwin.cluster.SparkSettings;
import io.linetwin.loop.ParameterLimits;
import io.linetwin.loop.whatif.BottleneckSpeedRule;
import io.linetwin.loop.whatif.CandidatePlanner;
import io.linetwin.loop.whatif.VariantCandidates;
import io.linetwin.loop.whatif.WhatIf;
import io.linetwin.loop.whatif.WhatIfResult;
import io.linetwin.loop.whatif.WhatIfSettings;
import io.linetwin.model.LineState;
import io.linetwin.model.Scenario;
import io.linetwin.scenario.ScenarioLoader;
import io.linetwin.sim.LineSimulation;
import io.linetwin.sim.experiment.Experiment;
import io.linetwin.sim.experiment.LocalEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The live loop's what-if on Spark: the twin's state and each candidate's changed start state travel to the
 * executors, and the verdicts, differences and predictions are the local engine's to the last bit.
 */
final class WhatIfOnSparkTest {

    @Test
    void aWhatIfOnSparkJudgesEveryCandidateExactlyAsTheLocalOne() throws Exception {
        Path file = library().resolve("press-line.yaml");
        Scenario scenario = ScenarioLoader.load(file);
        double startOfWeek = scenario.experiment().startSecondsOfWeek();
        LineState start = new LineSimulation(scenario.line())
                .startingAt(startOfWeek)
                .snapshot(7200, 99, 0, Instant.parse("2024-03-04T08:00:00Z"))
                .withoutInFlight();
        WhatIfSettings settings = WhatIfSettings.defaults(2 * 3600, 6, 2);
        CandidatePlanner planner = new CandidatePlanner(
                List.of(new VariantCandidates(scenario), new BottleneckSpeedRule()),
                ParameterLimits.of(scenario.line()));

        WhatIfResult local = new WhatIf(Experiment.baseline(scenario), startOfWeek, settings, new LocalEngine(2))
                .run(start, 5, planner);
        WhatIfResult onSpark;
        try (SparkEngine spark =
                SparkEngine.start(new SparkSettings("local[2]", "what-if", Map.of()), ScenarioSource.read(file))) {
            onSpark = new WhatIf(Experiment.baseline(scenario), startOfWeek, settings, spark).run(start, 5, planner);
        }

        assertThat(local.outcomes()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(onSpark.baseline()).isEqualTo(local.baseline());
        assertThat(onSpark.bottleneck()).isEqualTo(local.bottleneck());
        assertThat(onSpark.outcomes()).isEqualTo(local.outcomes());
        assertThat(onSpark.events()).isEqualTo(local.events());
    }

    private static Path library() {
        Path fromModule = Path.of("..", "scenarios");
        return Files.isDirectory(fromModule) ? fromModule : Path.of("scenarios");
    }
}
