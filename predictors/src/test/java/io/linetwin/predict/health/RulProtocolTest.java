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
    void labelsByTimeCountTheTimeLeftNotTheRowsLeft() {
        // Readings taken while a machine works, timed in operating seconds: a gap from 120 s to 600 s. The unit
        // fails at its last row (660 s), so the first row has 660 s = 11 cycles of 60 s left, not 4 rows.
        UnitHistory unit = new UnitHistory(
                "m", new double[] {0, 60, 120, 600, 660}, new double[5][0], new double[][] {{1}, {2}, {3}, {4}, {5}});

        assertThat(RulProtocol.cappedTargets(unit, 125, 60)).containsExactly(11f, 10f, 9f, 1f, 0f);
        assertThat(RulProtocol.cappedTargets(unit, 5, 60)).containsExactly(5f, 5f, 5f, 1f, 0f);
        // 0 = one row per cycle, the C-MAPSS convention, whatever the time column says
        assertThat(RulProtocol.cappedTargets(unit, 125, 0)).containsExactly(4f, 3f, 2f, 1f, 0f);
    }

    @Test
    void settingsRefuseANegativeOrInfiniteCycle() {
        assertThat(TrainingSettings.defaults().secondsPerCycle()).isZero();
        assertThat(TrainingSettings.defaults().withSecondsPerCycle(60).secondsPerCycle())
                .isEqualTo(60);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> TrainingSettings.defaults().withSecondsPerCycle(-1))
                .hasMessage("secondsPerCycle must be finite and >= 0 (0 = one row per cycle), got -1.0");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> TrainingSettings.defaults().withSecondsPerCycle(Double.POSITIVE_INFINITY))
                .hasMessageStartingWith("secondsPerCycle must be finite");
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
