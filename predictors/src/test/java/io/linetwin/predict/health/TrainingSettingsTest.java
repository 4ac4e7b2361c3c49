package io.linetwin.predict.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TrainingSettingsTest {

    @Test
    void theBuilderStartsFromTheDefaults() {
        TrainingSettings defaults = TrainingSettings.defaults();
        assertThat(defaults.window()).isEqualTo(RulProtocol.DEFAULT_WINDOW);
        assertThat(defaults.rulCap()).isEqualTo(RulProtocol.DEFAULT_RUL_CAP);
        assertThat(defaults.maxEpochs()).isEqualTo(40);
        assertThat(defaults.patience()).isEqualTo(8);
        assertThat(defaults.batchSize()).isEqualTo(128);
        assertThat(defaults.learningRate()).isEqualTo(1e-3);
        assertThat(defaults.validationFraction()).isEqualTo(0.2);
        assertThat(defaults.ensembleSize()).isEqualTo(3);
        assertThat(defaults.seed()).isEqualTo(42);
        assertThat(defaults.smoothing()).isEqualTo(0.1);
        assertThat(defaults.windowsPerEpoch()).isZero();
        assertThat(defaults.ageInput()).isFalse();
        assertThat(defaults.baselineCycles()).isZero();
        assertThat(defaults.baselineKeepAbsolute()).isFalse();
        assertThat(defaults.huberDelta()).isZero();
        assertThat(defaults.secondsPerCycle()).isZero();
        assertThat(TrainingSettings.builder().build()).isEqualTo(defaults);
    }

    @Test
    void aCopyChangesOnlyWhatItNames() {
        TrainingSettings tuned = TrainingSettings.builder()
                .seed(7)
                .huberDelta(0.5)
                .baselineCycles(10)
                .baselineKeepAbsolute(true)
                .build();
        assertThat(tuned.toBuilder().build()).isEqualTo(tuned);
        TrainingSettings longer = tuned.withMaxEpochs(99);
        assertThat(longer.maxEpochs()).isEqualTo(99);
        assertThat(longer.toBuilder().maxEpochs(tuned.maxEpochs()).build()).isEqualTo(tuned);
        TrainingSettings batch = tuned.withBatch(64, 0.01);
        assertThat(batch.toBuilder().batchSize(128).learningRate(1e-3).build()).isEqualTo(tuned);
    }

    @Test
    void buildChecksAsTheConstructorDoes() {
        assertThatThrownBy(() -> TrainingSettings.builder().patience(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("patience must be >= 1, got 0");
        assertThatThrownBy(() -> TrainingSettings.defaults().withSmoothing(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("smoothing must be in (0, 1], got 0.0");
    }
}
