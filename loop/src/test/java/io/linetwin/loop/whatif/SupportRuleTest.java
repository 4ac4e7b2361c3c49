package io.linetwin.loop.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.loop.LoopKpi;
import io.linetwin.sim.experiment.Estimate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The three conditions of support, on paired differences with known intervals (n = 10). */
final class SupportRuleTest {

    private final SupportRule rule = new SupportRule(
            new WhatIfSettings(3600, 10, 1, LoopKpi.THROUGHPUT, 0.01, List.of(LoopKpi.SCRAP, LoopKpi.LEAD_TIME)));

    private static Map<LoopKpi, Estimate> differences(Estimate throughput, Estimate scrap, Estimate leadTime) {
        Map<LoopKpi, Estimate> d = new EnumMap<>(LoopKpi.class);
        d.put(LoopKpi.THROUGHPUT, throughput);
        d.put(LoopKpi.SCRAP, scrap);
        d.put(LoopKpi.LEAD_TIME, leadTime);
        d.put(LoopKpi.WIP, new Estimate(0, 1, 10));
        return d;
    }

    private static final Estimate NOTHING = new Estimate(0, 1, 10);

    @Test
    void aLargeSignificantGainWithNoGuardWorseIsSupported() {
        SupportRule.Judgement j =
                rule.judge(differences(new Estimate(10, 2, 10), NOTHING, new Estimate(-30, 5, 10)), 100);
        assertThat(j.supported()).isTrue();
        assertThat(j.relativeEffect()).isEqualTo(0.10);
    }

    @Test
    void anIntervalHoldingZeroIsNotSignificant() {
        SupportRule.Judgement j = rule.judge(differences(new Estimate(10, 12, 10), NOTHING, NOTHING), 100);
        assertThat(j.supported()).isFalse();
        assertThat(j.verdict()).isEqualTo("not significant (the interval holds 0)");
    }

    @Test
    void aSignificantGainBelowTheMinimumEffectIsTooSmall() {
        SupportRule.Judgement j = rule.judge(differences(new Estimate(0.5, 0.1, 10), NOTHING, NOTHING), 100);
        assertThat(j.supported()).isFalse();
        assertThat(j.verdict()).isEqualTo("too small (+0.5 % < 1 %)");
    }

    @Test
    void aSignificantLossIsWorse() {
        assertThat(rule.judge(differences(new Estimate(-10, 2, 10), NOTHING, NOTHING), 100)
                        .verdict())
                .isEqualTo("worse");
    }

    @Test
    void aGuardedKpiSignificantlyWorseBlocksAGain() {
        SupportRule.Judgement lead =
                rule.judge(differences(new Estimate(10, 2, 10), NOTHING, new Estimate(40, 10, 10)), 100);
        assertThat(lead.supported()).isFalse();
        assertThat(lead.verdict()).isEqualTo("leadTime significantly worse");

        SupportRule.Judgement scrap =
                rule.judge(differences(new Estimate(10, 2, 10), new Estimate(0.002, 0.001, 10), NOTHING), 100);
        assertThat(scrap.verdict()).isEqualTo("scrap significantly worse");

        SupportRule.Judgement notSignificant =
                rule.judge(differences(new Estimate(10, 2, 10), NOTHING, new Estimate(40, 50, 10)), 100);
        assertThat(notSignificant.supported()).isTrue();
    }

    @Test
    void aLowerIsBetterObjectiveCountsAFallAsTheGain() {
        SupportRule leadTime =
                new SupportRule(new WhatIfSettings(3600, 10, 1, LoopKpi.LEAD_TIME, 0.05, List.of(LoopKpi.THROUGHPUT)));
        Map<LoopKpi, Estimate> d = differences(NOTHING, NOTHING, new Estimate(-60, 10, 10));
        SupportRule.Judgement j = leadTime.judge(d, 600);
        assertThat(j.supported()).isTrue();
        assertThat(j.relativeEffect()).isEqualTo(0.10);
    }
}
