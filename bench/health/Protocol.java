import io.linetwin.predict.health.CmapssReader;
import io.linetwin.predict.health.CmapssSet;
import io.linetwin.predict.health.ModelKind;
import io.linetwin.predict.health.Preprocessing;
import io.linetwin.predict.health.RulEstimate;
import io.linetwin.predict.health.RulModel;
import io.linetwin.predict.health.RulProtocol;
import io.linetwin.predict.health.SensorDataset;
import io.linetwin.predict.health.TrainingSettings;
import io.linetwin.predict.health.UnitHistory;
import io.linetwin.predict.health.WindowSet;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The C-MAPSS protocol of bench/HEALTH.md, "Figures that hold up": settings are chosen in mode {@code select}, which
 * never opens a test file, and only the frozen recipe is run in mode {@code test}.
 *
 * <p>Usage: {@code Protocol DATA_DIR SET select|test key=value...}
 * <ul>
 * <li>{@code select}: a fixed by-unit split of the training file ({@value #SELECTION_FRACTION} of the units held out,
 * split seed {@value #SELECTION_SEED}, the same for every configuration); the model trains on the rest (its members
 * still draw their own early-stopping splits from that rest) and is scored on the held-out units cut at every cycle
 * whose true remaining life is at most {@value #MAX_CUT_RUL} cycles (a test unit is a trajectory "ending some time
 * prior to failure"; every such ending counts once).</li>
 * <li>{@code test}: trains on all training units, scores the last window of each test unit.</li>
 * </ul>
 * Both print the RMSE against the truth as given and against the truth capped at {@value #TRUTH_CAP}, the latter
 * also with predictions clipped at {@value #TRUTH_CAP} (a truth capped at 125 is never above it, so a prediction
 * above it is known to be wrong under that convention).
 *
 * <p>Keys: model (cnn-lstm), cap (125: training label cap), age (false), baseline (0, k or k+abs), smoothing (1 =
 * none), members (3), epochs (30), seed (42), patience (8), wpe (0: windows per epoch), batch (128), lr (0.001),
 * units (a file for the per-unit test predictions), out (a folder to save the model in).
 */
public final class Protocol {

    static final double SELECTION_FRACTION = 0.2;
    static final long SELECTION_SEED = 2026;
    static final int MAX_CUT_RUL = 200;
    static final int TRUTH_CAP = 125;

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args[0]);
        String set = args[1];
        String mode = args[2];
        Map<String, String> keys = new LinkedHashMap<>();
        for (int i = 3; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("arguments must be key=value, got " + args[i]);
            }
            keys.put(kv[0], kv[1]);
        }
        TrainingSettings settings = settings(keys);
        ModelKind kind = ModelKind.fromCliName(keys.getOrDefault("model", "cnn-lstm"));
        int conditions = set.equals("FD002") || set.equals("FD004") ? 6 : 1;
        System.out.println("settings " + settings);
        System.out.println("start " + java.time.Instant.now() + " load " + load());
        if (mode.equals("select")) {
            SensorDataset train = CmapssReader.readHistory(data.resolve("train_" + set + ".txt"));
            List<SensorDataset> split = hold(train);
            Timed timed = train(split.get(0), conditions, kind, settings, set);
            try (RulModel model = timed.model) {
                WindowSet cuts = cutPoints(split.get(1), model.preprocessing(), settings.window());
                double[] truth = toDouble(cuts.targets());
                double[] predicted = model.predict(cuts).stream().mapToDouble(RulEstimate::meanCycles).toArray();
                System.out.println(String.format(Locale.ROOT, "VALID set=%s %s units=%d cuts=%d %s %s",
                        set, tag(keys), split.get(1).units().size(), cuts.count(), scores(predicted, truth),
                        timed.line()));
            }
        } else if (mode.equals("test")) {
            CmapssSet cmapss = CmapssReader.load(data, set);
            Timed timed = train(cmapss.train(), conditions, kind, settings, set);
            try (RulModel model = timed.model) {
                List<RulEstimate> estimates = model.predictLast(cmapss.test());
                double[] predicted = estimates.stream().mapToDouble(RulEstimate::meanCycles).toArray();
                System.out.println(String.format(Locale.ROOT, "TEST set=%s %s units=%d %s %s", set, tag(keys),
                        predicted.length, scores(predicted, cmapss.testRul()), timed.line()));
                if (keys.containsKey("units")) {
                    StringBuilder table = new StringBuilder("unit\tlength\ttrue\tpredicted\tsd\n");
                    for (int i = 0; i < predicted.length; i++) {
                        table.append(String.format(Locale.ROOT, "%s\t%d\t%.0f\t%.3f\t%.3f%n",
                                estimates.get(i).unitId(), cmapss.test().units().get(i).length(),
                                cmapss.testRul()[i], predicted[i], estimates.get(i).sdCycles()));
                    }
                    Files.writeString(Path.of(keys.get("units")), table);
                }
                if (keys.containsKey("out")) {
                    model.save(Path.of(keys.get("out")));
                }
            }
        } else {
            throw new IllegalArgumentException("mode must be select or test, got " + mode);
        }
    }

    private static TrainingSettings settings(Map<String, String> keys) {
        TrainingSettings s = TrainingSettings.defaults().withMaxEpochs(30).withSmoothing(1.0);
        for (Map.Entry<String, String> e : keys.entrySet()) {
            String v = e.getValue();
            switch (e.getKey()) {
                case "model", "units", "out" -> { }
                case "cap" -> s = s.withRulCap(Integer.parseInt(v));
                case "age" -> s = s.withAgeInput(Boolean.parseBoolean(v));
                case "baseline" -> {
                    boolean abs = v.endsWith("+abs");
                    s = s.withBaseline(Integer.parseInt(abs ? v.substring(0, v.length() - 4) : v), abs);
                }
                case "smoothing" -> s = s.withSmoothing(Double.parseDouble(v));
                case "members" -> s = s.withEnsembleSize(Integer.parseInt(v));
                case "epochs" -> s = s.withMaxEpochs(Integer.parseInt(v));
                case "seed" -> s = s.withSeed(Long.parseLong(v));
                case "patience" -> s = s.withPatience(Integer.parseInt(v));
                case "wpe" -> s = s.withWindowsPerEpoch(Integer.parseInt(v));
                case "batch" -> s = s.withBatch(Integer.parseInt(v), s.learningRate());
                case "lr" -> s = s.withBatch(s.batchSize(), Double.parseDouble(v));
                default -> throw new IllegalArgumentException("unknown key " + e.getKey());
            }
        }
        return s;
    }

    private static String tag(Map<String, String> keys) {
        StringBuilder b = new StringBuilder();
        keys.forEach((k, v) -> {
            if (!k.equals("units") && !k.equals("out")) {
                b.append(b.length() == 0 ? "" : " ").append(k).append('=').append(v);
            }
        });
        return b.toString();
    }

    /** Same held-out units for every configuration: selection compares like with like. */
    static List<SensorDataset> hold(SensorDataset train) {
        List<UnitHistory> units = new ArrayList<>(train.units());
        Collections.shuffle(units, new Random(SELECTION_SEED));
        int held = (int) Math.round(units.size() * SELECTION_FRACTION);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < held; i++) {
            ids.add(units.get(i).unitId());
        }
        List<UnitHistory> rest = new ArrayList<>();
        List<UnitHistory> validation = new ArrayList<>();
        for (UnitHistory unit : train.units()) {
            (ids.contains(unit.unitId()) ? validation : rest).add(unit);
        }
        return List.of(new SensorDataset(train.source(), train.settingNames(), train.sensorNames(), rest),
                new SensorDataset(train.source(), train.settingNames(), train.sensorNames(), validation));
    }

    /** Every window of the held-out units whose true (uncapped) remaining life is at most MAX_CUT_RUL. */
    static WindowSet cutPoints(SensorDataset units, Preprocessing preprocessing, int window) {
        WindowSet all = RulProtocol.trainingWindows(units, preprocessing, window, Double.MAX_VALUE);
        int stride = window * all.features();
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < all.count(); i++) {
            if (all.targets()[i] <= MAX_CUT_RUL) {
                keep.add(i);
            }
        }
        float[] inputs = new float[keep.size() * stride];
        float[] targets = new float[keep.size()];
        List<String> ids = new ArrayList<>();
        for (int j = 0; j < keep.size(); j++) {
            int i = keep.get(j);
            System.arraycopy(all.inputs(), i * stride, inputs, j * stride, stride);
            targets[j] = all.targets()[i];
            ids.add(all.unitIds().get(i));
        }
        return new WindowSet(keep.size(), window, all.features(), inputs, targets, ids);
    }

    static String scores(double[] predicted, double[] truth) {
        double[] capped = new double[truth.length];
        double[] clipped = new double[truth.length];
        for (int i = 0; i < truth.length; i++) {
            capped[i] = Math.min(truth[i], TRUTH_CAP);
            clipped[i] = Math.min(predicted[i], TRUTH_CAP);
        }
        return String.format(Locale.ROOT,
                "rmse_given=%.3f score_given=%.1f rmse_capped=%.3f rmse_capped_clip=%.3f score_capped_clip=%.1f",
                RulProtocol.rmse(predicted, truth), RulProtocol.phmScore(predicted, truth),
                RulProtocol.rmse(predicted, capped), RulProtocol.rmse(clipped, capped),
                RulProtocol.phmScore(clipped, capped));
    }

    private static double[] toDouble(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    private record Timed(RulModel model, double wall, double cpu, int epochs, int windows) {
        String line() {
            return String.format(Locale.ROOT, "train_cpu_s=%.0f train_wall_s=%.0f load1_after=%s epochs_total=%d "
                    + "windows=%d", cpu, wall, load(), epochs, windows);
        }
    }

    private static Timed train(SensorDataset train, int conditions, ModelKind kind, TrainingSettings settings,
            String set) {
        long wallStart = System.nanoTime();
        long cpuStart = cpuNanos();
        RulModel.Trained trained = RulModel.train(train, conditions, kind, settings,
                line -> System.out.println(set + " " + line));
        int epochs = trained.report().trainLoss().stream().mapToInt(a -> a.length).sum();
        return new Timed(trained.model(), (System.nanoTime() - wallStart) / 1e9, (cpuNanos() - cpuStart) / 1e9,
                epochs, trained.report().trainingWindows());
    }

    private static String load() {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** The whole JVM's CPU time: PyTorch, JIT and GC threads included; what one free core would need. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
