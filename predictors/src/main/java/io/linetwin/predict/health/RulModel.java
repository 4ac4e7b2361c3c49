package io.linetwin.predict.health;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.inference.Predictor;
import ai.djl.translate.Batchifier;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * An ensemble of RUL networks with the input scaling they were trained with. Each member sees a different
 * seed and a different by-unit validation split, so the ensemble spread reflects both initialisation and data.
 */
public final class RulModel implements AutoCloseable {

    static final String MANIFEST = "health-model.json";
    private static final String WEIGHTS = "rul";
    private static final int PREDICT_CHUNK = 1024;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ModelManifest manifest;
    private final List<Model> members;
    private final List<Predictor<float[][], Float>> predictors;

    private RulModel(ModelManifest manifest, List<Model> members) {
        this.manifest = manifest;
        this.members = List.copyOf(members);
        List<Predictor<float[][], Float>> list = new ArrayList<>();
        for (Model member : members) {
            list.add(member.newPredictor(new WindowTranslator(manifest.settings().rulCap())));
        }
        this.predictors = List.copyOf(list);
    }

    public ModelKind kind() {
        return manifest.kind();
    }

    public TrainingSettings settings() {
        return manifest.settings();
    }

    /** Validation error not explained by the ensemble spread, in cycles. */
    public double residualSdCycles() {
        return manifest.residualSdCycles();
    }

    public Preprocessing preprocessing() {
        return manifest.preprocessing();
    }

    /** A trained model and how its training went. */
    public record Trained(RulModel model, TrainingReport report) {
        public Trained {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(report, "report");
        }
    }

    /**
     * Fits the scaling on {@code train}, then trains {@code settings.ensembleSize()} members with early stopping.
     *
     * @param conditionCount operating conditions to cluster (6 for FD002/FD004, else 1)
     * @param progress       receives one line per epoch
     */
    public static Trained train(SensorDataset train, int conditionCount, ModelKind kind, TrainingSettings settings,
            Consumer<String> progress) {
        long start = System.nanoTime();
        if (train.units().size() < 2) {
            throw new IllegalArgumentException("training data must have >= 2 units for a by-unit validation split, "
                    + "got " + train.units().size());
        }
        HealthRuntime.engine();
        Preprocessing preprocessing = Preprocessing.fit(train, conditionCount, settings.smoothing(),
                settings.ageInput(), settings.baselineCycles(), settings.baselineKeepAbsolute());
        List<Model> members = new ArrayList<>();
        List<double[]> losses = new ArrayList<>();
        List<double[]> validations = new ArrayList<>();
        double[] best = new double[settings.ensembleSize()];
        int windows = 0;
        try {
            for (int m = 0; m < settings.ensembleSize(); m++) {
                long memberSeed = settings.seed() + 7919L * m;
                List<SensorDataset> split = splitByUnit(train, settings.validationFraction(), memberSeed);
                WindowSet trainWindows = RulProtocol.trainingWindows(split.get(0), preprocessing, settings.window(),
                        settings.rulCap());
                WindowSet validationWindows = RulProtocol.trainingWindows(split.get(1), preprocessing,
                        settings.window(), settings.rulCap());
                windows = trainWindows.count();
                Model model = Model.newInstance(WEIGHTS, HealthRuntime.ENGINE);
                members.add(model);
                model.setBlock(kind.build());
                MemberHistory history = trainMember(model, trainWindows, validationWindows, settings, memberSeed,
                        line -> progress.accept("member " + members.size() + "/" + settings.ensembleSize() + " "
                                + line));
                losses.add(history.loss);
                validations.add(history.validation);
                best[m] = history.best;
            }
        } catch (RuntimeException e) {
            members.forEach(Model::close);
            throw e;
        }
        double meanSquare = 0;
        for (double rmse : best) {
            meanSquare += rmse * rmse / best.length;
        }
        ModelManifest manifest = new ModelManifest(ModelManifest.FORMAT, kind, settings, preprocessing,
                settings.ensembleSize(), Math.sqrt(meanSquare));
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Trained(new RulModel(manifest, members),
                new TrainingReport(losses, validations, best, windows, seconds));
    }

    private record MemberHistory(double[] loss, double[] validation, double best) {
    }

    private static MemberHistory trainMember(Model model, WindowSet train, WindowSet validation,
            TrainingSettings settings, long seed, Consumer<String> progress) {
        HealthRuntime.engine().setRandomSeed((int) seed);
        PlateauTracker learningRate = new PlateauTracker((float) settings.learningRate());
        // The training loop computes its loss itself (mean squared error, or Huber when huberDelta > 0).
        HuberLoss huber = settings.huberDelta() > 0 ? new HuberLoss((float) settings.huberDelta()) : null;
        DefaultTrainingConfig config = new DefaultTrainingConfig(huber != null ? huber : Loss.l2Loss())
                .optOptimizer(Optimizer.adam().optLearningRateTracker(learningRate).build());
        int window = train.window();
        int features = train.features();
        float cap = settings.rulCap();
        List<Double> lossHistory = new ArrayList<>();
        List<Double> validationHistory = new ArrayList<>();
        try (Trainer trainer = model.newTrainer(config)) {
            trainer.initialize(new Shape(settings.batchSize(), window, features));
            Random shuffle = new Random(seed);
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < train.count(); i++) {
                order.add(i);
            }
            int stride = window * features;
            double bestRmse = Double.POSITIVE_INFINITY;
            List<float[]> bestWeights = snapshot(model);
            int sinceBest = 0;
            for (int epoch = 1; epoch <= settings.maxEpochs(); epoch++) {
                Collections.shuffle(order, shuffle);
                int epochWindows = settings.windowsPerEpoch() == 0 ? order.size()
                        : Math.min(order.size(), settings.windowsPerEpoch());
                double lossSum = 0;
                for (int from = 0; from < epochWindows; from += settings.batchSize()) {
                    int size = Math.min(settings.batchSize(), epochWindows - from);
                    float[] x = new float[size * stride];
                    float[] y = new float[size];
                    for (int b = 0; b < size; b++) {
                        int i = order.get(from + b);
                        System.arraycopy(train.inputs(), i * stride, x, b * stride, stride);
                        y[b] = train.targets()[i] / cap;
                    }
                    // A sub-manager per batch: temporaries on the trainer's manager otherwise pile up to GBs.
                    try (NDManager batch = trainer.getManager().newSubManager()) {
                        NDArray input = batch.create(x, new Shape(size, window, features));
                        NDArray label = batch.create(y, new Shape(size, 1));
                        try (GradientCollector collector = trainer.newGradientCollector()) {
                            NDArray prediction = trainer.forward(new NDList(input)).singletonOrThrow();
                            NDArray loss = huber != null ? huber.evaluate(new NDList(label), new NDList(prediction))
                                    : prediction.sub(label).square().mean();
                            lossSum += loss.getFloat() * size;
                            collector.backward(loss);
                        }
                        trainer.step();
                    }
                }
                double epochLoss = lossSum / epochWindows;
                double rmse = validationRmse(trainer, validation, cap);
                lossHistory.add(epochLoss);
                validationHistory.add(rmse);
                if (rmse < bestRmse - 1e-4) {
                    bestRmse = rmse;
                    bestWeights = snapshot(model);
                    sinceBest = 0;
                } else {
                    sinceBest++;
                    if (sinceBest == Math.max(1, settings.patience() / 2)) {
                        learningRate.halve();
                    }
                }
                progress.accept(String.format(java.util.Locale.ROOT,
                        "epoch %d loss %.5f val-rmse %.2f lr %.2e", epoch, epochLoss, rmse, learningRate.value));
                if (sinceBest >= settings.patience()) {
                    break;
                }
            }
            restore(model, bestWeights);
            return new MemberHistory(toArray(lossHistory), toArray(validationHistory), bestRmse);
        }
    }

    private static double validationRmse(Trainer trainer, WindowSet validation, float cap) {
        int stride = validation.window() * validation.features();
        double sum = 0;
        for (int from = 0; from < validation.count(); from += PREDICT_CHUNK) {
            int size = Math.min(PREDICT_CHUNK, validation.count() - from);
            float[] x = new float[size * stride];
            System.arraycopy(validation.inputs(), from * stride, x, 0, size * stride);
            try (NDManager batch = trainer.getManager().newSubManager()) {
                NDArray input = batch.create(x, new Shape(size, validation.window(), validation.features()));
                float[] out = trainer.evaluate(new NDList(input)).singletonOrThrow().toFloatArray();
                for (int b = 0; b < size; b++) {
                    double d = Math.max(0, out[b] * cap) - validation.targets()[from + b];
                    sum += d * d;
                }
            }
        }
        return Math.sqrt(sum / validation.count());
    }

    private static List<float[]> snapshot(Model model) {
        List<float[]> weights = new ArrayList<>();
        for (Pair<String, Parameter> parameter : model.getBlock().getParameters()) {
            weights.add(parameter.getValue().getArray().toFloatArray());
        }
        return weights;
    }

    private static void restore(Model model, List<float[]> weights) {
        int i = 0;
        for (Pair<String, Parameter> parameter : model.getBlock().getParameters()) {
            parameter.getValue().getArray().set(FloatBuffer.wrap(weights.get(i++)));
        }
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Splits units (not windows) so that no validation unit leaks into training. */
    static List<SensorDataset> splitByUnit(SensorDataset data, double validationFraction, long seed) {
        List<UnitHistory> units = new ArrayList<>(data.units());
        Collections.shuffle(units, new Random(seed));
        int validation = Math.max(1, Math.min(units.size() - 1,
                (int) Math.round(units.size() * validationFraction)));
        Set<String> held = new HashSet<>();
        for (int i = 0; i < validation; i++) {
            held.add(units.get(i).unitId());
        }
        List<UnitHistory> trainUnits = new ArrayList<>();
        List<UnitHistory> validationUnits = new ArrayList<>();
        for (UnitHistory unit : data.units()) {
            (held.contains(unit.unitId()) ? validationUnits : trainUnits).add(unit);
        }
        return List.of(new SensorDataset(data.source(), data.settingNames(), data.sensorNames(), trainUnits),
                new SensorDataset(data.source(), data.settingNames(), data.sensorNames(), validationUnits));
    }

    /** RUL estimates for the last window of each unit in {@code data}. */
    public List<RulEstimate> predictLast(SensorDataset data) {
        return predict(RulProtocol.lastWindows(data, preprocessing(), settings().window(), null));
    }

    /**
     * RUL estimates for every window of {@code windows}: the ensemble mean, and an sd combining the spread between
     * members with the residual validation error.
     */
    public List<RulEstimate> predict(WindowSet windows) {
        if (windows.window() != settings().window() || windows.features() != preprocessing().features()) {
            throw new IllegalArgumentException("windows must be " + settings().window() + " x "
                    + preprocessing().features() + ", got " + windows.window() + " x " + windows.features());
        }
        double[][] perMember = new double[predictors.size()][windows.count()];
        for (int m = 0; m < predictors.size(); m++) {
            for (int from = 0; from < windows.count(); from += PREDICT_CHUNK) {
                int to = Math.min(windows.count(), from + PREDICT_CHUNK);
                List<float[][]> batch = new ArrayList<>();
                for (int i = from; i < to; i++) {
                    batch.add(windows.window(i));
                }
                try {
                    List<Float> out = predictors.get(m).batchPredict(batch);
                    for (int i = from; i < to; i++) {
                        perMember[m][i] = out.get(i - from);
                    }
                } catch (TranslateException e) {
                    throw new IllegalStateException("inference failed: " + e.getMessage(), e);
                }
            }
        }
        List<RulEstimate> estimates = new ArrayList<>();
        for (int i = 0; i < windows.count(); i++) {
            double mean = 0;
            for (double[] member : perMember) {
                mean += member[i];
            }
            mean /= perMember.length;
            double variance = 0;
            for (double[] member : perMember) {
                variance += (member[i] - mean) * (member[i] - mean);
            }
            double spread = perMember.length > 1 ? variance / (perMember.length - 1) : 0.0;
            // Members agree far more closely than they match the truth (an 80 % band from the spread alone
            // covered ~25 % of FD001 test units), so the validation error is added as an independent term.
            double sd = Math.sqrt(spread + manifest.residualSdCycles() * manifest.residualSdCycles());
            estimates.add(new RulEstimate(windows.unitIds().get(i), mean, sd));
        }
        return estimates;
    }

    /**
     * Writes the manifest and one weight folder per member into {@code dir}, which must be new or empty:
     * DJL loads the highest-numbered weight file in a folder, so stale files would win over new ones.
     */
    public void save(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalArgumentException("model folder must be new or empty, got " + dir
                                + " with files in it");
                    }
                }
            }
            Files.createDirectories(dir);
            for (int m = 0; m < members.size(); m++) {
                members.get(m).save(dir.resolve(memberFolder(m)), WEIGHTS);
            }
            JSON.writeValue(dir.resolve(MANIFEST).toFile(), manifest);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save model to " + dir + ": " + e.getMessage(), e);
        }
    }

    public static RulModel load(Path dir) {
        Path manifestFile = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new IllegalArgumentException("model folder must contain " + MANIFEST + ", got none in " + dir);
        }
        ModelManifest manifest;
        try {
            manifest = JSON.readValue(manifestFile.toFile(), ModelManifest.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(manifestFile + ": expected a LineTwin health model manifest, got "
                    + e.getMessage().lines().findFirst().orElse("unreadable JSON"), e);
        }
        HealthRuntime.engine();
        List<Model> members = new ArrayList<>();
        try {
            for (int m = 0; m < manifest.members(); m++) {
                Model model = Model.newInstance(WEIGHTS, HealthRuntime.ENGINE);
                members.add(model);
                model.setBlock(manifest.kind().build());
                model.load(dir.resolve(memberFolder(m)), WEIGHTS);
            }
        } catch (IOException | MalformedModelException e) {
            members.forEach(Model::close);
            throw new IllegalArgumentException("cannot load model weights from " + dir + ": " + e.getMessage(), e);
        }
        return new RulModel(manifest, members);
    }

    private static String memberFolder(int m) {
        return "member-" + m;
    }

    @Override
    public void close() {
        predictors.forEach(Predictor::close);
        members.forEach(Model::close);
    }

    /** A learning rate the training loop halves on a validation plateau. */
    /**
     * Huber loss, mean over the batch: 0.5 d^2 for |d| <= delta, delta (|d| - delta / 2) beyond; the squared part
     * matches DJL's L2 loss (0.5 d^2).
     */
    static final class HuberLoss extends Loss {

        private final float delta;

        HuberLoss(float delta) {
            super("HuberLoss");
            this.delta = delta;
        }

        @Override
        public NDArray evaluate(NDList labels, NDList predictions) {
            NDArray label = labels.singletonOrThrow();
            NDArray error = predictions.singletonOrThrow().reshape(label.getShape()).sub(label).abs();
            NDArray quadratic = error.minimum(delta);
            NDArray linear = error.sub(quadratic);
            return quadratic.square().mul(0.5f).add(linear.mul(delta)).mean();
        }
    }

    private static final class PlateauTracker implements Tracker {
        private float value;

        PlateauTracker(float value) {
            this.value = value;
        }

        void halve() {
            value /= 2;
        }

        @Override
        public float getNewValue(int numUpdate) {
            return value;
        }
    }

    /** One window in, one RUL in cycles out; STACK batches windows so batchPredict runs one forward pass. */
    private static final class WindowTranslator implements Translator<float[][], Float> {
        private final float cap;

        WindowTranslator(float cap) {
            this.cap = cap;
        }

        @Override
        public NDList processInput(TranslatorContext ctx, float[][] window) {
            return new NDList(ctx.getNDManager().create(window));
        }

        @Override
        public Float processOutput(TranslatorContext ctx, NDList list) {
            return Math.max(0f, list.singletonOrThrow().toFloatArray()[0] * cap);
        }

        @Override
        public Batchifier getBatchifier() {
            return Batchifier.STACK;
        }
    }
}
