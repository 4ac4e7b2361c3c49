package io.linetwin.predict.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class RulProtocolTest {

    @Test
    void rmseMatchesAHandComputedValue() {
        // errors -10, 0, +10: sqrt(200 / 3)
        assertThat(RulProtocol.rmse(new double[] {10, 20, 30}, new double[] {20, 20, 20}))
                .isCloseTo(8.16496580927726, within(1e-12));
    }

    @Test
    void phmScorePenalisesLatePredictionsMoreThanEarlyOnes() {
        // d = -10: exp(10/13) - 1 = 1.1581055339; d = 0: 0; d = +10: e - 1 = 1.7182818285
        assertThat(RulProtocol.phmScore(new double[] {10, 20, 30}, new double[] {20, 20, 20}))
                .isCloseTo(2.876387362407491, within(1e-12));
        // d = -26: exp(2) - 1; d = +5: exp(0.5) - 1
        assertThat(RulProtocol.phmScore(new double[] {0, 55}, new double[] {26, 50}))
                .isCloseTo(7.037777369630778, within(1e-12));
        assertThat(RulProtocol.phmScore(new double[] {30}, new double[] {20}))
                .isGreaterThan(RulProtocol.phmScore(new double[] {10}, new double[] {20}));
    }

    @Test
    void trainingTargetsArePiecewiseLinearCappedAtTheCap() {
        float[] targets = RulProtocol.cappedTargets(130, 125);

        assertThat(targets[0]).isEqualTo(125f);
        assertThat(targets[4]).isEqualTo(125f);
        assertThat(targets[5]).isEqualTo(124f);
        assertThat(targets[129]).isEqualTo(0f);
    }

    @Test
    void aUnitShorterThanTheWindowIsPaddedByRepeatingItsFirstRow() {
        SensorDataset data = Fixtures.synthetic(new double[][] {{0, 1, 0}, {0, 2, 0}, {0, 3, 1}});
        Preprocessing preprocessing = Preprocessing.fit(data, 1);

        WindowSet windows = RulProtocol.lastWindows(data, preprocessing, 5, new double[] {40});

        assertThat(windows.count()).isEqualTo(1);
        assertThat(windows.window(0)).isDeepEqualTo(new float[][] {{0f}, {0f}, {0f}, {0.5f}, {1f}});
        assertThat(windows.targets()).containsExactly(40f);
    }

    @Test
    void trainingWindowsCoverEveryFullWindowOfEveryUnit() {
        CmapssSet set = Fixtures.fd001Slice();
        Preprocessing preprocessing = Preprocessing.fit(set.train(), 1);

        WindowSet windows = RulProtocol.trainingWindows(set.train(), preprocessing, 30, 125);

        assertThat(windows.count()).isEqualTo((128 - 29) + (135 - 29) + (137 - 29));
        assertThat(windows.targets()[0]).isEqualTo(98f);
        assertThat(windows.targets()[128 - 30]).isEqualTo(0f);
    }
}
