package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

final class TrainingProgressTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong clock = new AtomicLong();
    private final StringWriter console = new StringWriter();
    private final StringWriter err = new StringWriter();

    private TrainingProgress progress(boolean enabled, int maxEpochs) {
        return new TrainingProgress(
                new PrintWriter(console, true),
                new ProgressReporter(new PrintWriter(err, true), "health train", enabled, clock::get),
                maxEpochs);
    }

    @Test
    void epochsOfAllMembersAgainstTheMostTheSettingsAllowGiveTheShareAndTheTimeLeft() {
        TrainingProgress progress = progress(true, 10);

        progress.accept("member 1/2 epoch 1 loss 0.10000 val-rmse 30.00 lr 1.00e-03");
        clock.set(3 * SECOND);
        progress.accept("member 1/2 epoch 5 loss 0.05000 val-rmse 20.00 lr 1.00e-03");
        clock.set(5 * SECOND);
        // member 1 stopped early after epoch 5: its remaining epochs count as done
        progress.accept("member 2/2 epoch 1 loss 0.10000 val-rmse 31.00 lr 1.00e-03");
        clock.set(7 * SECOND);
        progress.accept("member 2/2 epoch 1 batch 3 training loss NaN; restored the weights after epoch 0");
        progress.finished();

        assertThat(console.toString().lines()).hasSize(4).first().asString().startsWith("member 1/2 epoch 1 ");
        // The time left comes from the pace since the first epoch (done at once here): 20 % in 3 s, 75 % left.
        assertThat(err.toString().lines())
                .containsExactly(
                        "linetwin: health train: member 1/2 epoch 5, 25.0% done after 3s, about 12s left",
                        "linetwin: health train: member 2/2 epoch 1, 55.0% done after 5s, about 5s left",
                        "linetwin: health train: member 2/2 epoch 1, 55.0% done after 7s, about 6s left");
    }

    @Test
    void quietTrainingPrintsItsLinesAndNoProgress() {
        TrainingProgress progress = progress(false, 10);
        clock.set(10 * SECOND);

        progress.accept("member 1/1 epoch 3 loss 0.1 val-rmse 20.0 lr 1e-3");

        assertThat(console.toString()).startsWith("member 1/1 epoch 3 ");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void maxEpochsMustBePositive() {
        assertThatThrownBy(() -> progress(true, 0)).hasMessageContaining("maxEpochs must be >= 1, got 0");
    }
}
