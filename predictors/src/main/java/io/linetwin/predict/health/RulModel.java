package io.linetwin.predict.health;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.translate.Batchifier;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
            list.add(
                    member.newPredictor(new WindowTranslator(manifest.settings().rulCap())));
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

    /** Every weight array of every member, for checks that look inside. */
    List<NDArray> parameterArrays() {
        List<NDArray> arrays = new ArrayList<>();
        for (Model member : members) {
            member.getBlock().getParameters().values().forEach(parameter -> arrays.add(parameter.getArray()));
        }
        return arrays;
    }

    /** NaN or infinite numbers training recovered from; empty after a clean run. */
    public List<TrainingRecovery> recoveries() {
        return manifest.recoveries();
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
     * A NaN or infinite loss or validation score sends a member back to its last good weights with a lower
     * learning rate (reported on {@code progress}, in the report and in the saved manifest).
     *
     * @param conditionCount operating conditions to cluster (6 for FD002/FD004, else 1)
     * @param progress       receives one line per epoch and one per recovery
     * @throws TrainingDivergedException when a member keeps producing non-finite numbers after
     *                                   {@link MemberTrainer#MAX_RECOVERIES} recoveries
     */
    public static Trained train(
            SensorDataset train,
            int conditionCount,
            ModelKind kind,
            TrainingSettings settings,
            Consumer<String> progress) {
        return train(train, conditionCount, kind, settings, progress, MemberTrainer.StepHook.NONE);
    }

    static Trained train(
            SensorDataset train,
            int conditionCount,
            ModelKind kind,
            TrainingSettings settings,
            Consumer<String> progress,
            MemberTrainer.StepHook hook) {
        long start = System.nanoTime();
        if (train.units().size() < 2) {
            throw new IllegalArgumentException("training data must have >= 2 units for a by-unit validation split, "
                    + "got " + train.units().size());
        }
        HealthRuntime.engine();
        Preprocessing preprocessing = Preprocessing.fit(
                train,
                conditionCount,
                settings.smoothing(),
                settings.ageInput(),
                settings.baselineCycles(),
                settings.baselineKeepAbsolute());
        List<Model> members = new ArrayList<>();
        List<double[]> losses = new ArrayList<>();
        List<double[]> validations = new ArrayList<>();
        List<TrainingRecovery> recoveries = new ArrayList<>();
        double[] best = new double[settings.ensembleSize()];
        int windows = 0;
        try {
            for (int m = 0; m < settings.ensembleSize(); m++) {
                long memberSeed = settings.seed() + 7919L * m;
                List<SensorDataset> split = splitByUnit(train, settings.validationFraction(), memberSeed);
                WindowSet trainWindows = RulProtocol.trainingWindows(
                        split.get(0), preprocessing, settings.window(), settings.rulCap(), settings.secondsPerCycle());
                WindowSet validationWindows = RulProtocol.trainingWindows(
                        split.get(1), preprocessing, settings.window(), settings.rulCap(), settings.secondsPerCycle());
                requireFinite(trainWindows);
                requireFinite(validationWindows);
                windows = trainWindows.count();
                Model model = Model.newInstance(WEIGHTS, HealthRuntime.ENGINE);
                members.add(model);
                model.setBlock(kind.build());
                MemberTrainer.History history = new MemberTrainer(
                                model,
                                settings,
                                trainWindows,
                                validationWindows,
                                m + 1,
                                settings.ensembleSize(),
                                progress,
                                hook)
                        .run(memberSeed);
                losses.add(history.loss());
                validations.add(history.validation());
                recoveries.addAll(history.recoveries());
                best[m] = history.best();
            }
        } catch (RuntimeException e) {
            members.forEach(Model::close);
            throw e;
        }
        double meanSquare = 0;
        for (double rmse : best) {
            meanSquare += rmse * rmse / best.length;
        }
        ModelManifest manifest = new ModelManifest(
                ModelManifest.FORMAT,
                kind,
                settings,
                preprocessing,
                settings.ensembleSize(),
                Math.sqrt(meanSquare),
                recoveries);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Trained(
                new RulModel(manifest, members),
                new TrainingReport(losses, validations, best, windows, seconds, recoveries));
    }

    /** Non-finite inputs are bad data, not a training fault: say where, before any epoch runs. */
    private static void requireFinite(WindowSet windows) {
        float[] inputs = windows.inputs();
        int stride = windows.window() * windows.features();
        for (int i = 0; i < inputs.length; i++) {
            if (!Float.isFinite(inputs[i])) {
                int w = i / stride;
                throw new IllegalArgumentException(String.format(
                        java.util.Locale.ROOT,
                        "training inputs must be finite, got %s in unit %s (window %d, step %d, feature %d)",
                        inputs[i],
                        windows.unitIds().get(w),
                        w,
                        i % stride / windows.features(),
                        i % windows.features()));
            }
        }
    }

    /** Splits units (not windows) so that no validation unit leaks into training. */
    static List<SensorDataset> splitByUnit(SensorDataset data, double validationFraction, long seed) {
        List<UnitHistory> units = new ArrayList<>(data.units());
        Collections.shuffle(units, new Random(seed));
        int validation = Math.max(1, Math.min(units.size() - 1, (int) Math.round(units.size() * validationFraction)));
        Set<String> held = new HashSet<>();
        for (int i = 0; i < validation; i++) {
            held.add(units.get(i).unitId());
        }
        List<UnitHistory> trainUnits = new ArrayList<>();
        List<UnitHistory> validationUnits = new ArrayList<>();
        for (UnitHistory unit : data.units()) {
            (held.contains(unit.unitId()) ? validationUnits : trainUnits).add(unit);
        }
        return List.of(
                new SensorDataset(data.source(), data.settingNames(), data.sensorNames(), trainUnits),
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
        if (windows.window() != settings().window()
                || windows.features() != preprocessing().features()) {
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
                        if (!Double.isFinite(perMember[m][i])) {
                            throw nonFinitePrediction(windows, i, m, perMember[m][i]);
                        }
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

    /** Bad input when the window holds a non-finite value, else a fault of the weights or the engine. */
    private RuntimeException nonFinitePrediction(WindowSet windows, int i, int member, double value) {
        String unit = windows.unitIds().get(i);
        int stride = windows.window() * windows.features();
        for (int k = i * stride; k < (i + 1) * stride; k++) {
            if (!Float.isFinite(windows.inputs()[k])) {
                return new IllegalArgumentException(
                        "inputs of unit " + unit + " must be finite, got " + windows.inputs()[k]);
            }
        }
        return new IllegalStateException("member " + (member + 1) + "/" + predictors.size() + " predicted " + value
                + " for unit " + unit + " from finite inputs");
    }

    /**
     * Writes the manifest and one weight folder per member into {@code dir}, which must be new or empty:
     * DJL loads the highest-numbered weight file in a folder, so stale files would win over new ones. Everything
     * is written into a staging folder beside {@code dir} first and renamed into place, so a failed save leaves
     * no half-written model.
     */
    public void save(Path dir) {
        Path staging = null;
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> entries = Files.list(dir)) {
                    if (entries.findAny().isPresent()) {
                        throw new IllegalArgumentException(
                                "model folder must be new or empty, got " + dir + " with files in it");
                    }
                }
            }
            Path absolute = dir.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            staging = Files.createDirectory(absolute.resolveSibling("." + absolute.getFileName() + ".partial-"
                    + ProcessHandle.current().pid() + "-" + System.nanoTime()));
            for (int m = 0; m < members.size(); m++) {
                members.get(m).save(staging.resolve(memberFolder(m)), WEIGHTS);
            }
            JSON.writeValue(staging.resolve(MANIFEST).toFile(), manifest);
            // rename(2) replaces an empty folder, so an empty dir given by the user is fine.
            Files.move(staging, absolute, StandardCopyOption.ATOMIC_MOVE);
            staging = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save model to " + dir + ": " + e.getMessage(), e);
        } finally {
            if (staging != null) {
                deleteQuietly(staging);
            }
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Best effort: the save already failed with the error that matters.
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
            throw new IllegalArgumentException(
                    manifestFile + ": expected a LineTwin health model manifest, got "
                            + e.getMessage().lines().findFirst().orElse("unreadable JSON"),
                    e);
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
