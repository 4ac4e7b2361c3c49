package io.linetwin.sim.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class EstimateTest {

    @Test
    void intervalUsesStudentTWithNMinusOneDegreesOfFreedom() {
        // mean 3, sample sd sqrt(2.5), se = sqrt(2.5/5); t(0.975, 4) = 2.776445105
        Estimate estimate = Estimate.of(new double[] {1, 2, 3, 4, 5});

        assertThat(estimate.mean()).isEqualTo(3.0);
        assertThat(estimate.halfWidth()).isCloseTo(2.776445105 * Math.sqrt(0.5), within(1e-8));
        assertThat(estimate.ciLow().getAsDouble()).isCloseTo(3 - 1.963243, within(1e-6));
        assertThat(estimate.ciHigh().getAsDouble()).isCloseTo(3 + 1.963243, within(1e-6));
    }

    @Test
    void oneObservationHasNoInterval() {
        Estimate estimate = Estimate.of(new double[] {7});

        assertThat(estimate.mean()).isEqualTo(7);
        assertThat(estimate.ciLow()).isEmpty();
        assertThat(estimate.ciHigh()).isEmpty();
        assertThat(estimate.excludesZero()).isFalse();
    }

    @Test
    void identicalObservationsGiveAZeroWidthInterval() {
        Estimate estimate = Estimate.of(new double[] {2, 2, 2});

        assertThat(estimate.halfWidth()).isZero();
        assertThat(estimate.excludesZero()).isTrue();
    }

    @Test
    void noObservationsIsAnError() {
        assertThatThrownBy(() -> Estimate.of(new double[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("estimate needs >= 1 observation, got 0");
    }

    @Test
    void verdictFollowsTheSignAndTheKpiDirection() {
        Estimate up = Estimate.of(new double[] {1.0, 1.2, 0.9, 1.1});
        Estimate down = Estimate.of(new double[] {-1.0, -1.2, -0.9, -1.1});
        Estimate straddles = Estimate.of(new double[] {-1.0, 1.0, -0.5, 0.6});

        assertThat(Verdict.of(up, true)).isEqualTo(Verdict.BETTER);
        assertThat(Verdict.of(up, false)).isEqualTo(Verdict.WORSE);
        assertThat(Verdict.of(down, false)).isEqualTo(Verdict.BETTER);
        assertThat(Verdict.of(straddles, true)).isEqualTo(Verdict.NO_SIGNIFICANT_DIFFERENCE);
    }

    @Test
    void aDifferenceBelowTheMinimumEffectIsNoRelevantDifference() {
        // +1.05 ± 0.2 on a baseline of 100 (a 1.05 % change): significant, and relevant only above 1 %.
        Estimate up = Estimate.of(new double[] {1.0, 1.2, 0.9, 1.1});

        assertThat(Verdict.of(up, true, 100, 0.01)).isEqualTo(Verdict.BETTER);
        assertThat(Verdict.of(up, true, 100, 0.02)).isEqualTo(Verdict.NO_RELEVANT_DIFFERENCE);
        assertThat(Verdict.of(up, false, 100, 0.02)).isEqualTo(Verdict.NO_RELEVANT_DIFFERENCE);
        assertThat(Verdict.of(up, false, 100, 0.01)).isEqualTo(Verdict.WORSE);
        // A baseline of 0: any significant change is relevant.
        assertThat(Verdict.of(up, true, 0, 0.5)).isEqualTo(Verdict.BETTER);
        assertThat(Verdict.of(Estimate.of(new double[] {-1.0, 1.0, -0.5, 0.6}), true, 100, 0))
                .isEqualTo(Verdict.NO_SIGNIFICANT_DIFFERENCE);
        assertThat(Verdict.of(Estimate.NO_DATA, true, 100, 0.01)).isEqualTo(Verdict.NO_DATA);
    }

    @Test
    void replicationsWithoutTheQuantityAreLeftOutAndNoneAtAllIsNoData() {
        Estimate some = Estimate.ofPresent(new double[] {2, Double.NaN, 4});
        Estimate none = Estimate.ofPresent(new double[] {Double.NaN, Double.NaN});

        assertThat(some.n()).isEqualTo(2);
        assertThat(some.mean()).isEqualTo(3.0);
        assertThat(none.hasData()).isFalse();
        assertThat(none.ciLow()).isEmpty();
        assertThat(Verdict.of(none, true)).isEqualTo(Verdict.NO_DATA);
    }

    @Test
    void anIntervalIsCutToTheRangeOfItsQuantity() {
        // An OEE near 1: the t-interval passes 1, which no replication and no mean can.
        Estimate oee = Estimate.of(new double[] {0.99, 1.0, 0.95, 1.0}).within(0, 1);

        assertThat(oee.ciHigh().getAsDouble()).isEqualTo(1.0);
        assertThat(oee.ciLow().getAsDouble()).isCloseTo(0.985 - oee.halfWidth(), within(1e-12));
        assertThat(Kpi.OEE
                        .estimate(new double[] {0.99, 1.0, 0.95, 1.0})
                        .ciHigh()
                        .getAsDouble())
                .isEqualTo(1.0);
    }
}
