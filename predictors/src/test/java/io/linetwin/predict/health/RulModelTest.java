package io.linetwin.predict.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real DJL training on the FD001 slice: a few hundred windows, a few epochs. */
final class RulModelTest {

    private static final TrainingSettings FAST = TrainingSettings.defaults()
            .withMaxEpochs(6)
            .withPatience(6)
            .withEnsembleSize(2)
            .withSeed(7);

    private static CmapssSet set;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadFixture() {
        set = Fixtures.fd001Slice();
    }

    @Test
    void trainingReducesTheLossOfEveryMember() {
        RulModel.Trained trained = RulModel.train(set.train(), 1, ModelKind.CNN_LSTM, FAST, line -> {});
        try (RulModel model = trained.model()) {
            assertThat(trained.report().trainLoss()).hasSize(2).allSatisfy(loss -> {
                assertThat(loss).hasSizeGreaterThanOrEqualTo(2);
                assertThat(loss[loss.length - 1]).isLessThan(loss[0]);
            });
            RulEvaluation evaluation = RulEvaluation.of(model, set);
            assertThat(evaluation.estimates()).extracting(RulEstimate::unitId).containsExactly("1", "2", "3", "4");
            assertThat(evaluation.rmse()).isFinite();
        }
    }

    @Test
    void aModelSavedBeforeTheAgeInputExistedLoadsWithoutIt() throws IOException {
        Path modelDir = dir.resolve("model-with-age");
        List<RulEstimate> before;
        RulModel.Trained trained = RulModel.train(set.train(), 1, ModelKind.CNN, FAST.withMaxEpochs(1), line -> {});
        try (RulModel model = trained.model()) {
            before = model.predictLast(set.test());
            model.save(modelDir);
        }
        Path manifest = modelDir.resolve(RulModel.MANIFEST);
        String json = Files.readString(manifest);
        assertThat(json).contains("\"ageInput\" : false", "\"ageScale\" : 0.0");
        assertThat(json)
                .contains(
                        "\"baselineCycles\" : 0",
                        "\"baselineKeepAbsolute\" : false",
                        "\"huberDelta\" : 0.0",
                        "\"secondsPerCycle\" : 0.0");
        Files.writeString(
                manifest,
                json.replaceAll(",\\s*\"ageInput\" : false", "")
                        .replaceAll(",\\s*\"ageScale\" : 0\\.0", "")
                        .replaceAll(",\\s*\"baselineCycles\" : 0", "")
                        .replaceAll(",\\s*\"baselineKeepAbsolute\" : false", "")
                        .replaceAll(",\\s*\"huberDelta\" : 0\\.0", "")
                        .replaceAll(",\\s*\"secondsPerCycle\" : 0\\.0", ""));

        try (RulModel loaded = RulModel.load(modelDir)) {
            assertThat(loaded.settings().ageInput()).isFalse();
            assertThat(loaded.preprocessing().ageScale()).isZero();
            assertThat(loaded.predictLast(set.test())).isEqualTo(before);
        }
        assertThat(Files.readString(manifest)).doesNotContain("age", "baseline", "huber", "secondsPerCycle");
        try (RulModel loaded = RulModel.load(modelDir)) {
            assertThat(loaded.settings().baselineCycles()).isZero();
            assertThat(loaded.settings().huberDelta()).isZero();
            assertThat(loaded.settings().secondsPerCycle()).isZero();
            assertThat(loaded.preprocessing().baselineCycles()).isZero();
        }
    }

    @Test
    void aDeepCnnWithBaselineAndHuberLossTrainsSavesAndLoads() throws IOException {
        Path modelDir = dir.resolve("deep-baseline");
        TrainingSettings settings = FAST.withMaxEpochs(1)
                .withEnsembleSize(1)
                .withAgeInput(true)
                .withBaseline(20, true)
                .withHuberDelta(0.1);
        List<RulEstimate> before;
        try (RulModel model = RulModel.train(set.train(), 1, ModelKind.CNN_DEEP, settings, line -> {})
                .model()) {
            assertThat(model.preprocessing().features())
                    .isEqualTo(2 * model.preprocessing().keptSensors().size() + 1);
            assertThat(model.preprocessing().baselineCycles()).isEqualTo(20);
            before = model.predictLast(set.test());
            assertThat(before).hasSize(4);
            model.save(modelDir);
        }
        try (RulModel loaded = RulModel.load(modelDir)) {
            assertThat(loaded.settings().baselineCycles()).isEqualTo(20);
            assertThat(loaded.settings().huberDelta()).isEqualTo(0.1);
            assertThat(loaded.predictLast(set.test())).isEqualTo(before);
        }
    }

    @Test
    void huberLossIsQuadraticInsideDeltaAndLinearBeyond() {
        try (ai.djl.ndarray.NDManager manager = ai.djl.ndarray.NDManager.newBaseManager(HealthRuntime.ENGINE)) {
            ai.djl.ndarray.NDList labels = new ai.djl.ndarray.NDList(manager.create(new float[] {0.05f, 0f}));
            ai.djl.ndarray.NDList predictions = new ai.djl.ndarray.NDList(manager.create(new float[][] {{0f}, {0.3f}}));

            float loss = new HuberLoss(0.1f).evaluate(labels, predictions).getFloat();

            // |d| 0.05: 0.5 * 0.05^2 = 0.00125; |d| 0.3: 0.5 * 0.1^2 + 0.1 * 0.2 = 0.025; mean 0.013125
            assertThat(loss).isCloseTo(0.013125f, org.assertj.core.api.Assertions.within(1e-6f));
        }
    }

    @Test
    void withTheAgeInputTheNetworkReadsOneMoreFeature() {
        RulModel.Trained trained = RulModel.train(
                set.train(),
                1,
                ModelKind.CNN_LSTM,
                FAST.withMaxEpochs(1).withEnsembleSize(1).withAgeInput(true),
                line -> {});
        try (RulModel model = trained.model()) {
            assertThat(model.preprocessing().features())
                    .isEqualTo(model.preprocessing().keptSensors().size() + 1);
            assertThat(model.preprocessing().ageScale())
                    .isEqualTo(set.train().units().stream()
                            .mapToDouble(u -> u.time()[u.length() - 1])
                            .max()
                            .orElseThrow());
            assertThat(model.predictLast(set.test())).hasSize(4);
        }
    }

    @Test
    void saveThenLoadGivesIdenticalPredictions() throws IOException {
        Path modelDir = dir.resolve("model");
        List<RulEstimate> before;
        RulModel.Trained trained = RulModel.train(set.train(), 1, ModelKind.CNN, FAST.withMaxEpochs(2), line -> {});
        try (RulModel model = trained.model()) {
            before = model.predictLast(set.test());
            model.save(modelDir);
        }
        try (RulModel loaded = RulModel.load(modelDir)) {
            assertThat(loaded.predictLast(set.test())).isEqualTo(before);
            assertThat(loaded.kind()).isEqualTo(ModelKind.CNN);
            assertThat(loaded.preprocessing().keptSensors())
                    .isEqualTo(Preprocessing.fit(set.train(), 1).keptSensors());
        }
        assertThat(Files.readString(modelDir.resolve(RulModel.MANIFEST))).contains("\"kind\" : \"CNN\"");
        assertThat(before)
                .allSatisfy(estimate -> assertThat(estimate.sdCycles()).isPositive());
    }

    @Test
    void theSameSeedTrainsTheSameModel() {
        TrainingSettings settings = FAST.withMaxEpochs(2).withEnsembleSize(1);
        List<RulEstimate> first;
        try (RulModel model = RulModel.train(set.train(), 1, ModelKind.LSTM, settings, line -> {})
                .model()) {
            first = model.predictLast(set.test());
        }
        try (RulModel model = RulModel.train(set.train(), 1, ModelKind.LSTM, settings, line -> {})
                .model()) {
            assertThat(model.predictLast(set.test())).isEqualTo(first);
        }
    }

    @Test
    void refusesToSaveIntoAFolderThatHoldsFiles() throws IOException {
        Files.writeString(dir.resolve("stale-0003.params"), "x");
        try (RulModel model = RulModel.train(
                        set.train(), 1, ModelKind.CNN, FAST.withMaxEpochs(1).withEnsembleSize(1), line -> {})
                .model()) {
            assertThatThrownBy(() -> model.save(dir))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("model folder must be new or empty, got " + dir + " with files in it");
        }
    }

    @Test
    void aSaveThatFailsHalfwayLeavesNothingBehind() throws IOException {
        RulModel model = RulModel.train(
                        set.train(), 1, ModelKind.CNN, FAST.withMaxEpochs(1).withEnsembleSize(1), line -> {})
                .model();
        model.close();

        assertThatThrownBy(() -> model.save(dir.resolve("model"))).isInstanceOf(RuntimeException.class);

        try (java.util.stream.Stream<Path> left = Files.list(dir)) {
            assertThat(left).as("neither the model folder nor a staging folder").isEmpty();
        }
    }

    @Test
    void loadingAFolderWithoutAManifestIsABadInput() {
        assertThatThrownBy(() -> RulModel.load(dir))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("model folder must contain health-model.json, got none in " + dir);
    }
}
