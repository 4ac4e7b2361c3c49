import io.linetwin.predict.health.CmapssReader;
import io.linetwin.predict.health.CmapssSet;
import io.linetwin.predict.health.ModelKind;
import io.linetwin.predict.health.RulEvaluation;
import io.linetwin.predict.health.RulModel;
import io.linetwin.predict.health.TrainingSettings;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Trains and evaluates on full C-MAPSS sets; prints one result line per set and model.
 *
 * <p>Arguments: DATA_DIR MODEL[,MODEL...] SET[,SET...] [ENSEMBLE] [MAX_EPOCHS] [SEED] [SAVE_DIR] [SMOOTHING] [BATCH LR] [WINDOWS_PER_EPOCH]
 * [AGE_INPUT] [PATIENCE] [BASELINE: k or k+abs] [HUBER_DELTA].
 */
public final class HealthBenchmark {

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data/cmapss");
        String[] models = (args.length > 1 ? args[1] : "cnn,lstm").split(",");
        String[] sets = (args.length > 2 ? args[2] : "FD001,FD002,FD003,FD004").split(",");
        TrainingSettings settings = TrainingSettings.defaults();
        if (args.length > 3) {
            settings = settings.withEnsembleSize(Integer.parseInt(args[3]));
        }
        if (args.length > 4) {
            settings = settings.withMaxEpochs(Integer.parseInt(args[4]));
        }
        if (args.length > 5) {
            settings = settings.withSeed(Long.parseLong(args[5]));
        }
        Path saveDir = args.length > 6 && !args[6].isEmpty() ? Path.of(args[6]) : null;
        if (args.length > 7) {
            settings = settings.withSmoothing(Double.parseDouble(args[7]));
        }
        if (args.length > 9) {
            settings = settings.withBatch(Integer.parseInt(args[8]), Double.parseDouble(args[9]));
        }
        if (args.length > 10) {
            settings = settings.withWindowsPerEpoch(Integer.parseInt(args[10]));
        }
        if (args.length > 11) {
            settings = settings.withAgeInput(Boolean.parseBoolean(args[11]));
        }
        if (args.length > 12) {
            settings = settings.withPatience(Integer.parseInt(args[12]));
        }
        if (args.length > 13 && !args[13].isEmpty()) {
            // BASELINE: k (relative only) or k+abs (absolute and relative sensors), 0 for none
            String spec = args[13];
            boolean keepAbsolute = spec.endsWith("+abs");
            settings = settings.withBaseline(Integer.parseInt(keepAbsolute ? spec.substring(0, spec.length() - 4)
                    : spec), keepAbsolute);
        }
        if (args.length > 14) {
            settings = settings.withHuberDelta(Double.parseDouble(args[14]));
        }
        System.out.println("settings " + settings);
        for (String set : sets) {
            CmapssSet cmapss = CmapssReader.load(data, set);
            for (String name : models) {
                ModelKind kind = ModelKind.fromCliName(name);
                long wallStart = System.nanoTime();
                long cpuStart = processCpuNanos();
                RulModel.Trained trained = RulModel.train(cmapss.train(), cmapss.operatingConditions(), kind,
                        settings, line -> System.out.println(set + " " + name + " " + line));
                double trainWall = (System.nanoTime() - wallStart) / 1e9;
                double trainCpu = (processCpuNanos() - cpuStart) / 1e9;
                try (RulModel model = trained.model()) {
                    RulEvaluation eval = RulEvaluation.of(model, cmapss);
                    int epochs = trained.report().trainLoss().stream().mapToInt(a -> a.length).sum();
                    System.out.println(String.format(Locale.ROOT,
                            "RESULT set=%s model=%s members=%d rmse=%.2f score=%.0f rmse_capped_truth=%.2f train_wall_s=%.0f "
                                    + "train_cpu_s=%.0f load1_after=%.2f epochs_total=%d windows=%d latency_us_per_unit=%.0f",
                            set, name, settings.ensembleSize(), eval.rmse(), eval.score(), eval.rmseCappedTruth(),
                            trainWall, trainCpu, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                            epochs, trained.report().trainingWindows(),
                            eval.latencyMicrosPerUnit()));
                    if (saveDir != null) {
                        Path out = saveDir.resolve(set + "-" + name);
                        if (!Files.exists(out)) {
                            model.save(out);
                        }
                    }
                }
            }
        }
    }

    /**
     * CPU time of the whole JVM (every thread: PyTorch, JIT, GC): on a loaded machine the wall time says little,
     * the CPU time is what a quiet machine with one core per run would take.
     */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
