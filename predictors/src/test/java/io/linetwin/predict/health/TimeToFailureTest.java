package io.linetwin.predict.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;

final class TimeToFailureTest {

    private static final int SAMPLES = 200_000;

    @Test
    void samplesMatchTheEstimatesMeanAndSdScaledToSeconds() {
        TimeToFailure ttf = TimeToFailure.fromCycles(80, 20, 3600);
        SummaryStatistics stats = draw(ttf, new MersenneTwister(1));

        assertThat(ttf.meanSeconds()).isEqualTo(288_000);
        assertThat(ttf.sdSeconds()).isEqualTo(72_000);
        // 5 standard errors of the mean: sd / sqrt(n) = 161 s
        assertThat(stats.getMean()).isCloseTo(288_000, within(5 * 72_000 / Math.sqrt(SAMPLES)));
        assertThat(stats.getStandardDeviation()).isCloseTo(72_000, within(72_000 * 0.02));
        assertThat(stats.getMin()).isPositive();
    }

    @Test
    void cdfAndQuantileAgreeWithTheSamples() {
        TimeToFailure ttf = TimeToFailure.fromCycles(30, 15, 60);
        RandomGenerator random = new MersenneTwister(2);
        double horizon = 1200;
        int within = 0;
        for (int i = 0; i < SAMPLES; i++) {
            if (ttf.sample(random) <= horizon) {
                within++;
            }
        }
        double p = ttf.probabilityWithin(horizon);

        assertThat((double) within / SAMPLES).isCloseTo(p, within(5 * Math.sqrt(p * (1 - p) / SAMPLES)));
        assertThat(ttf.probabilityWithin(ttf.quantile(0.9))).isCloseTo(0.9, within(1e-9));
    }

    @Test
    void aShorterPredictedRulFailsTheMachineEarlierInDistribution() {
        TimeToFailure shortRul = TimeToFailure.fromCycles(10, 4, 600);
        TimeToFailure longRul = TimeToFailure.fromCycles(100, 20, 600);

        for (double hours : new double[] {1, 8, 24, 168}) {
            assertThat(shortRul.probabilityWithin(hours * 3600))
                    .isGreaterThanOrEqualTo(longRul.probabilityWithin(hours * 3600));
        }
        assertThat(shortRul.probabilityWithin(8 * 3600)).isGreaterThan(0.99);
        assertThat(longRul.probabilityWithin(8 * 3600)).isLessThan(0.01);
    }

    @Test
    void zeroSpreadIsAPointMassAndZeroRulIsFloored() {
        TimeToFailure exact = TimeToFailure.fromEstimate(new RulEstimate("m1", 12, 0), 10);
        TimeToFailure imminent = TimeToFailure.fromCycles(0, 0, 10);

        assertThat(exact.sample(new MersenneTwister(3))).isEqualTo(120);
        assertThat(exact.probabilityWithin(119.9)).isZero();
        assertThat(exact.probabilityWithin(120)).isEqualTo(1);
        assertThat(imminent.meanSeconds()).isEqualTo(TimeToFailure.MIN_MEAN_CYCLES * 10);
    }

    @Test
    void rejectsANonPositiveCycleLength() {
        assertThatThrownBy(() -> TimeToFailure.fromCycles(10, 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("secondsPerCycle must be finite and > 0, got 0.0");
    }

    private static SummaryStatistics draw(TimeToFailure ttf, RandomGenerator random) {
        SummaryStatistics stats = new SummaryStatistics();
        for (int i = 0; i < SAMPLES; i++) {
            stats.addValue(ttf.sample(random));
        }
        return stats;
    }
}
