package io.linetwin.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.loop.Change;
import io.linetwin.loop.ParameterLimits;
import io.linetwin.loop.whatif.Candidate;
import io.linetwin.loop.whatif.CandidateContext;
import io.linetwin.model.LineState;
import io.linetwin.model.Scenario;
import io.linetwin.scenario.ScenarioLoader;
import io.linetwin.sim.LineSimulation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The press line's tuning section as the live loop's candidate: in the background, then one step toward it. */
final class TuningCandidatesTest {

    @Test
    void theTunedSettingJoinsALaterWhatIfAsOneStepTowardIt() throws Exception {
        Scenario scenario = ScenarioLoader.load(PressLine.library("press-line.yaml"));
        LineState start = new LineSimulation(scenario.line())
                .startingAt(scenario.experiment().startSecondsOfWeek())
                .snapshot(3600, 3, 0, Instant.parse("2026-11-30T07:00:00Z"))
                .withoutInFlight();
        CandidateContext context =
                new CandidateContext(scenario.line(), start, ParameterLimits.of(scenario.line()), Optional.of("press"));
        try (TuningCandidates tuning =
                new TuningCandidates(scenario, scenario.tuning().orElseThrow(), 2 * 3600)) {
            assertThat(tuning.candidates(context)).isEmpty();
            assertThat(tuning.skipped())
                    .containsExactly(
                            "tuned: the tuning section runs in the background; its result joins a later what-if");
            tuning.awaitRun();

            List<Candidate> candidates = tuning.candidates(context);

            // The tuner's best press speed lies well above 0.9; one command moves it one maxStep (0.2) from 0.7.
            assertThat(candidates).as(tuning.skipped().toString()).hasSize(1);
            assertThat(candidates.get(0).origin()).isEqualTo("tuning");
            assertThat(candidates.get(0).changes()).contains(new Change("press", "speed", 0.7, 0.9));
        }
    }
}
