package io.linetwin.loop.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.loop.Change;
import io.linetwin.loop.Lines;
import io.linetwin.loop.LoopKpi;
import io.linetwin.loop.ParameterLimits;
import io.linetwin.model.LineState;
import io.linetwin.model.Scenario;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class WhatIfTest {

    private static Scenario scenario;
    private static LineState start;

    @BeforeAll
    static void pressLineAfterTwoHours() throws Exception {
        scenario = Lines.pressLine();
        start = Lines.pressLineAfter(scenario, 7200);
    }

    private static WhatIfResult run(WhatIfSettings settings, long seed, List<CandidateSource> sources) {
        WhatIf whatIf = new WhatIf(scenario.line(), scenario.experiment().startSecondsOfWeek(), settings);
        CandidatePlanner planner = new CandidatePlanner(sources, ParameterLimits.of(scenario.line()));
        return whatIf.run(start, seed, planner);
    }

    private static CandidateOutcome outcome(WhatIfResult result, String name) {
        return result.outcomes().stream()
                .filter(o -> o.candidate().name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void raisingTheSlowPressIsSupportedAndRaisingTheBlankerIsNot() {
        WhatIfResult result = run(
                WhatIfSettings.defaults(4 * 3600, 10, 2),
                5,
                List.of(new VariantCandidates(scenario), new BottleneckSpeedRule()));

        assertThat(result.bottleneck()).hasValue("press");
        CandidateOutcome press = outcome(result, "press-up-a-step");
        assertThat(press.candidate().changes()).containsExactly(new Change("press", "speed", 0.7, 0.9));
        assertThat(press.supported()).as(press.verdict()).isTrue();
        // 20 s strokes at 0.7 → 0.9 of rated: the press stops pacing the cell; the blanker (20 s) takes over.
        assertThat(press.relativeEffect()).isBetween(0.12, 0.30);
        assertThat(press.difference(LoopKpi.THROUGHPUT).ciLow().getAsDouble()).isPositive();
        assertThat(press.prediction().mean())
                .isEqualTo(
                        result.baseline().get(LoopKpi.THROUGHPUT).mean()
                                + press.difference(LoopKpi.THROUGHPUT).mean(),
                        org.assertj.core.api.Assertions.within(1e-9));

        CandidateOutcome blanker = outcome(result, "faster-blanker");
        assertThat(blanker.supported()).isFalse();
        assertThat(blanker.relativeEffect()).isLessThan(0.01);
        assertThat(result.supported()).extracting(o -> o.candidate().name()).containsExactly("press-up-a-step");
    }

    @Test
    void theBottleneckRuleProposesWhatTheVariantAlreadyHasAndIsLeftOut() {
        WhatIf whatIf = new WhatIf(
                scenario.line(), scenario.experiment().startSecondsOfWeek(), WhatIfSettings.defaults(3600, 4, 1));
        CandidatePlanner planner = new CandidatePlanner(
                List.of(new VariantCandidates(scenario), new BottleneckSpeedRule()),
                ParameterLimits.of(scenario.line()));
        WhatIf.Baseline baseline = whatIf.baseline(start, 3);
        List<Candidate> planned = planner.plan(new CandidateContext(
                scenario.line(), start, ParameterLimits.of(scenario.line()), baseline.bottleneck()));

        assertThat(planned).extracting(Candidate::name).containsExactly("press-up-a-step", "faster-blanker");
        assertThat(planner.dropped())
                .containsExactly(
                        "bigger-blank-buffer: buffers.b-blanks.capacity is not a station parameter",
                        "raise-press-speed: same change as press-up-a-step");
    }

    @Test
    void aSignificantButSmallEffectIsNotSupported() {
        WhatIfSettings strict =
                new WhatIfSettings(4 * 3600, 10, 2, LoopKpi.THROUGHPUT, 0.5, List.of(LoopKpi.SCRAP, LoopKpi.LEAD_TIME));
        CandidateOutcome press = outcome(run(strict, 5, List.of(new VariantCandidates(scenario))), "press-up-a-step");

        assertThat(press.difference(LoopKpi.THROUGHPUT).excludesZero()).isTrue();
        assertThat(press.supported()).isFalse();
        assertThat(press.verdict()).startsWith("too small");
    }

    @Test
    void theSameSeedGivesTheSameNumbersOnAnyNumberOfThreads() {
        List<CandidateSource> sources = List.of(new VariantCandidates(scenario));
        WhatIfResult one = run(WhatIfSettings.defaults(3600, 6, 1), 11, sources);
        WhatIfResult two = run(WhatIfSettings.defaults(3600, 6, 2), 11, sources);

        assertThat(two.baseline()).isEqualTo(one.baseline());
        for (int i = 0; i < one.outcomes().size(); i++) {
            assertThat(two.outcomes().get(i).differences())
                    .isEqualTo(one.outcomes().get(i).differences());
        }
    }

    @Test
    void aCandidateOnlyChangesTheParametersItNames() {
        LineState changed = WhatIf.withChanges(start, List.of(new Change("press", "speed", 0.7, 0.9)));

        assertThat(changed.parameters().get("press")).containsEntry("speed", 0.9);
        assertThat(changed.parameters().get("blanker"))
                .isEqualTo(start.parameters().get("blanker"));
        assertThat(changed.stations()).isEqualTo(start.stations());
        assertThat(changed.buffers()).isEqualTo(start.buffers());
        assertThat(start.parameters().getOrDefault("press", Map.of())).doesNotContainEntry("speed", 0.9);
    }

    @Test
    void aPredictionIntervalWidensForAShorterMeasurement() {
        Prediction p = new Prediction("throughputPerHour", 150, 3, 10, 8 * 3600);

        Prediction.Interval full = p.interval(8 * 3600);
        Prediction.Interval twoHours = p.interval(2 * 3600);
        // t(9) = 2.2622, √(1 + 1/10) = 1.0488; a quarter of the window doubles the half-width.
        assertThat(full.high() - 150).isCloseTo(3 * 2.2622 * 1.0488, org.assertj.core.api.Assertions.within(1e-3));
        assertThat(twoHours.high() - 150)
                .isCloseTo(2 * (full.high() - 150), org.assertj.core.api.Assertions.within(1e-9));
        assertThat(p.interval(16 * 3600)).isEqualTo(full);
    }
}
