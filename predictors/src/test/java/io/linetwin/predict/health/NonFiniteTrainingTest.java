package io.linetwin.predict.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A NaN injected into the weights mid-training, the way a faulty native kernel would leave one: training notices at
 * the next batch or validation, goes back to the last good weights with half the learning rate, and finishes with
 * finite numbers; a fault that keeps coming back stops training after three recoveries, at once.
 */
final class NonFiniteTrainingTest {

    /** Small batches so that an epoch of the FD001 slice has several steps. */
    private static final TrainingSettings TINY = TrainingSettings.defaults()
            .withMaxEpochs(4)
            .withPatience(4)
            .withEnsembleSize(1)
            .withSeed(11)
            .withBatch(32, 1e-3);

    private static CmapssSet set;
    private static RulModel.Trained clean;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainCleanly() {
        set = Fixtures.fd001Slice();
        clean = RulModel.train(set.train(), 1, ModelKind.CNN, TINY, line -> {});
        clean.model().close();
    }

    @Test
    void aCleanRunReportsNoRecovery() {
        assertThat(clean.report().recoveries()).isEmpty();
        assertThat(clean.report().trainLoss().get(0)).hasSize(4);
        assertThat(batchesPerEpoch()).as("batches per epoch").isGreaterThanOrEqualTo(3);
    }

    @Test
    void aNanInTheWeightsIsCaughtAtTheNextBatchAndTrainingGoesOnFromTheLastGoodEpoch() throws IOException {
        List<String> progress = new ArrayList<>();
        AtomicBoolean fired = new AtomicBoolean();

        RulModel.Trained faulty =
                RulModel.train(set.train(), 1, ModelKind.CNN, TINY, progress::add, (member, epoch, batch, block) -> {
                    if (epoch == 2 && batch == 2 && !fired.getAndSet(true)) {
                        poison(block);
                    }
                });

        TrainingReport report = faulty.report();
        assertThat(report.recoveries()).hasSize(1);
        TrainingRecovery recovery = report.recoveries().get(0);
        assertThat(recovery.member()).isEqualTo(1);
        assertThat(recovery.epoch()).isEqualTo(2);
        assertThat(recovery.batch()).as("the batch after the poisoned step").isEqualTo(3);
        assertThat(recovery.signal()).isEqualTo(TrainingRecovery.Signal.TRAINING_LOSS);
        assertThat(recovery.value()).isNaN();
        assertThat(recovery.restoredEpoch()).isEqualTo(1);
        assertThat(recovery.learningRateBefore()).isCloseTo(1e-3, within(1e-9));
        assertThat(recovery.learningRateAfter()).isCloseTo(5e-4, within(1e-9));
        assertThat(progress)
                .contains("member 1/1 epoch 2 batch 3 training loss NaN; restored the weights after "
                        + "epoch 1, learning rate 1.00e-03 -> 5.00e-04 (recovery 1 of 3)");

        double[] loss = report.trainLoss().get(0);
        double[] validation = report.validationRmse().get(0);
        assertThat(loss)
                .as("one entry per completed epoch; the repeated one counts once")
                .hasSize(4);
        assertThat(Arrays.stream(loss).allMatch(Double::isFinite))
                .as(Arrays.toString(loss))
                .isTrue();
        assertThat(Arrays.stream(validation).allMatch(Double::isFinite))
                .as(Arrays.toString(validation))
                .isTrue();
        // The fault came after epoch 1, so epoch 1 is the clean run's, bit for bit (same seed, same process).
        assertThat(loss[0]).isEqualTo(clean.report().trainLoss().get(0)[0]);
        assertThat(validation[0]).isEqualTo(clean.report().validationRmse().get(0)[0]);
        assertThat(loss[3]).as("training still learns after the recovery").isLessThan(loss[0]);

        Path modelDir = dir.resolve("model");
        try (RulModel model = faulty.model()) {
            assertThat(finiteWeights(model)).isTrue();
            assertThat(model.recoveries()).isEqualTo(report.recoveries());
            List<RulEstimate> estimates = model.predictLast(set.test());
            assertThat(estimates).hasSize(4);
            model.save(modelDir);
        }
        assertThat(Files.readString(modelDir.resolve(RulModel.MANIFEST))).contains("\"signal\" : \"TRAINING_LOSS\"");
        try (RulModel loaded = RulModel.load(modelDir)) {
            assertThat(loaded.recoveries()).hasSize(1);
            assertThat(loaded.recoveries().get(0).where()).isEqualTo("epoch 2 batch 3 training loss NaN");
        }
    }

    @Test
    void aNanRightBeforeValidationIsCaughtByTheValidationScore() {
        int lastBatch = batchesPerEpoch();
        AtomicBoolean fired = new AtomicBoolean();

        RulModel.Trained faulty =
                RulModel.train(set.train(), 1, ModelKind.CNN, TINY, line -> {}, (member, epoch, batch, block) -> {
                    if (epoch == 3 && batch == lastBatch && !fired.getAndSet(true)) {
                        poison(block);
                    }
                });

        try (RulModel model = faulty.model()) {
            assertThat(faulty.report().recoveries()).singleElement().satisfies(recovery -> {
                assertThat(recovery.epoch()).isEqualTo(3);
                assertThat(recovery.batch()).isZero();
                assertThat(recovery.signal()).isEqualTo(TrainingRecovery.Signal.VALIDATION_RMSE);
                assertThat(recovery.restoredEpoch()).isEqualTo(2);
            });
            assertThat(Arrays.stream(faulty.report().validationRmse().get(0)).allMatch(Double::isFinite))
                    .isTrue();
            assertThat(faulty.report().bestValidationRmse()[0]).isFinite();
            assertThat(finiteWeights(model)).isTrue();
        }
    }

    @Test
    void aFaultThatKeepsComingBackStopsTrainingAfterThreeRecoveriesWithOneLine() {
        AtomicInteger stepsAfterTheFirstFault = new AtomicInteger();

        assertThatThrownBy(() -> RulModel.train(
                        set.train(), 1, ModelKind.CNN, TINY, line -> {}, (member, epoch, batch, block) -> {
                            if (epoch >= 2) {
                                stepsAfterTheFirstFault.incrementAndGet();
                                poison(block);
                            }
                        }))
                .isInstanceOfSatisfying(TrainingDivergedException.class, e -> {
                    assertThat(e.getMessage())
                            .hasLineCount(1)
                            .isEqualTo("training diverged: member 1/1 epoch 2 "
                                    + "batch 2 training loss NaN again after 3 recoveries (learning rate down to 1.25e-04, "
                                    + "first at epoch 2 batch 2 training loss NaN)");
                    assertThat(e.recoveries())
                            .extracting(TrainingRecovery::learningRateAfter)
                            .containsExactly((double) (1e-3f / 2), (double) (1e-3f / 4), (double) (1e-3f / 8));
                });
        // One poisoned step per attempt (the first and three retries), each caught at the very next batch.
        assertThat(stepsAfterTheFirstFault).hasValue(4);
    }

    @Test
    void nonFiniteSensorValuesAreBadInputNamingTheUnit() {
        List<double[][]> units = new ArrayList<>();
        for (int u = 0; u < 3; u++) {
            double[][] rows = new double[40][];
            for (int r = 0; r < rows.length; r++) {
                rows[r] = new double[] {0, r + u, Math.sin(r + u)};
            }
            units.add(rows);
        }
        units.get(1)[35][2] = Double.NaN;
        SensorDataset data = Fixtures.synthetic(units.toArray(double[][][]::new));

        assertThatThrownBy(() -> RulModel.train(data, 1, ModelKind.CNN, TINY.withSeed(3), line -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("training inputs must be finite, got NaN in unit 2 (window ");
    }

    @Test
    void aNanPredictionIsBlamedOnTheModelWhenTheInputsAreFiniteAndOnTheInputsOtherwise() {
        try (RulModel model = RulModel.train(set.train(), 1, ModelKind.CNN, TINY.withMaxEpochs(1), line -> {})
                .model()) {
            int stride = model.settings().window() * model.preprocessing().features();
            float[] inputs = new float[2 * stride];
            inputs[stride + 7] = Float.NaN;
            WindowSet windows = new WindowSet(
                    2,
                    model.settings().window(),
                    model.preprocessing().features(),
                    inputs,
                    new float[] {Float.NaN, Float.NaN},
                    List.of("a", "b"));
            assertThatThrownBy(() -> model.predict(windows))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("inputs of unit b must be finite, got NaN");

            NDArray weights = model.parameterArrays().get(0);
            float[] values = weights.toFloatArray();
            Arrays.fill(values, Float.NaN);
            weights.set(values);
            assertThatThrownBy(() -> model.predictLast(set.test()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("member 1/1 predicted NaN for unit 1 from finite inputs");
        }
    }

    private int batchesPerEpoch() {
        return (clean.report().trainingWindows() + TINY.batchSize() - 1) / TINY.batchSize();
    }

    /** Writes NaN into one weight, the way a faulty kernel would. */
    private static void poison(Block block) {
        Parameter first = block.getParameters().values().get(0);
        float[] values = first.getArray().toFloatArray();
        values[values.length / 2] = Float.NaN;
        first.getArray().set(values);
    }

    private static boolean finiteWeights(RulModel model) {
        return model.parameterArrays().stream().map(NDArray::toFloatArray).allMatch(values -> {
            for (float v : values) {
                if (!Float.isFinite(v)) {
                    return false;
                }
            }
            return true;
        });
    }
}
