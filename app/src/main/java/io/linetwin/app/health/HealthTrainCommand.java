package io.linetwin.app.health;

import io.linetwin.app.OutputFiles;
import io.linetwin.app.ProgressOptions;
import io.linetwin.app.TrainingProgress;
import io.linetwin.predict.health.CmapssReader;
import io.linetwin.predict.health.CmapssSet;
import io.linetwin.predict.health.ModelKind;
import io.linetwin.predict.health.RulModel;
import io.linetwin.predict.health.SensorCsvReader;
import io.linetwin.predict.health.SensorDataset;
import io.linetwin.predict.health.TrainingSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code linetwin health train}: fits scaling and an ensemble of RUL networks, saves them to a folder. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Train a RUL model on C-MAPSS (--data/--set), on a run-to-failure sensor CSV (--csv), or on",
            "the run-to-failure histories of a machine of an emulated line (--from-emulator SCENARIO --machine ID)."
        })
public final class HealthTrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", description = "C-MAPSS folder (train_FDxxx.txt, ...)")
    Path data;

    @Option(
            names = "--set",
            paramLabel = "FD00N",
            defaultValue = "FD001",
            description = "C-MAPSS set (default ${DEFAULT-VALUE})")
    String set;

    @Option(
            names = "--csv",
            paramLabel = "FILE",
            description = "sensor history CSV instead of C-MAPSS; every unit is taken to fail at its last row")
    Path csv;

    @Option(
            names = "--from-emulator",
            paramLabel = "SCENARIO",
            description = "emulate this scenario's line in memory (the emulator's sensor model) and train on the "
                    + "machine's lives from repair to failure")
    Path fromEmulator;

    @Option(
            names = "--machine",
            paramLabel = "ID",
            description = "with --from-emulator: the machine (a station with sensors; needed when several have them)")
    String machine;

    @Option(
            names = "--emulate-for",
            paramLabel = "D",
            defaultValue = "2000h",
            description = "with --from-emulator: line time to emulate (default ${DEFAULT-VALUE})")
    String emulateFor;

    @Option(
            names = "--sensor-interval",
            paramLabel = "D",
            defaultValue = "60s",
            description = "with --from-emulator: line time between readings, as the emulator's (default "
                    + "${DEFAULT-VALUE}); also the model's cycle")
    String sensorInterval;

    @Option(
            names = "--histories-out",
            paramLabel = "CSV",
            description = "with --from-emulator: also write the histories trained on, in the --csv format")
    Path historiesOut;

    @Option(
            names = "--seconds-per-cycle",
            paramLabel = "S",
            description = "label by time: the CSV's time column is in seconds and a cycle lasts S seconds (default: "
                    + "every row is a cycle; --from-emulator: the sensor interval)")
    Double secondsPerCycle;

    @Option(
            names = "--window",
            paramLabel = "N",
            description = "rows per input window (default 30; --from-emulator: 10)")
    Integer window;

    @Option(
            names = "--rul-cap",
            paramLabel = "CYCLES",
            description = "training labels are capped here (default 125; --from-emulator: the 95th percentile of the "
                    + "lives)")
    Integer rulCap;

    @Option(
            names = "--conditions",
            paramLabel = "K",
            description = "operating conditions to cluster for --csv (default 1; C-MAPSS sets pick 1 or 6)")
    Integer conditions;

    @Option(
            names = "--model",
            paramLabel = "KIND",
            description = "cnn, lstm, cnn-lstm, cnn-wide or cnn-deep (default cnn-lstm; --from-emulator: cnn)")
    String model;

    @Option(names = "--out", paramLabel = "MODELDIR", required = true, description = "new or empty folder")
    Path out;

    @Option(names = "--epochs", paramLabel = "N", description = "maximum epochs per member (default 40)")
    Integer epochs;

    @Option(names = "--ensemble", paramLabel = "M", description = "ensemble members (default 3)")
    Integer ensemble;

    @Option(names = "--seed", paramLabel = "S", description = "random seed (default 42)")
    Long seed;

    @Option(
            names = "--windows-per-epoch",
            paramLabel = "W",
            description = "windows drawn per epoch, 0 = all (default 0; the FD004 benchmark uses 16384)")
    Integer windowsPerEpoch;

    @Option(
            names = "--age-input",
            description = "also feed the unit's age (the time column) to the network, as the FD001 benchmark does")
    boolean ageInput;

    @Option(
            names = "--smoothing",
            paramLabel = "ALPHA",
            description = "causal exponential smoothing weight of the inputs, (0, 1], 1 = none (default 0.1; the FD001 "
                    + "benchmark's best uses 0.05)")
    Double smoothing;

    @Option(
            names = "--patience",
            paramLabel = "N",
            description = "stop a member after N epochs without validation improvement (default 8)")
    Integer patience;

    @Option(
            names = "--baseline",
            paramLabel = "K",
            description = "also feed each sensor relative to the mean of the unit's own first K cycles (a per-unit "
                    + "health baseline; the FD001 benchmark's best uses 30)")
    Integer baselineCycles;

    @Option(
            names = "--baseline-only",
            description = "with --baseline: feed only the relative sensors, not the absolute ones too")
    boolean baselineOnly;

    @Mixin
    ProgressOptions progress;

    @Override
    public Integer call() {
        return HealthCommand.guarded(spec, () -> {
            PrintWriter console = spec.commandLine().getOut();
            int sources = (csv != null ? 1 : 0) + (data != null ? 1 : 0) + (fromEmulator != null ? 1 : 0);
            if (sources != 1) {
                throw new IllegalArgumentException(
                        "give one of --data DIR, --csv FILE or --from-emulator SCENARIO, got "
                                + (sources == 0 ? "none" : sources));
            }
            // Before minutes of training: the model folder must be new or empty, and not the data.
            OutputFiles outputs = new OutputFiles()
                    .folder("--out", out)
                    .file("--histories-out", historiesOut)
                    .input(csv)
                    .input(data)
                    .input(fromEmulator)
                    .check();
            ModelKind kind = ModelKind.fromCliName(fromEmulator != null && model == null ? "cnn" : kindName());
            TrainingSettings settings = settings();
            requireNewOrEmpty(out);
            SensorDataset train;
            int conditionCount;
            String source;
            if (csv != null) {
                train = SensorCsvReader.read(csv);
                conditionCount = conditions == null ? 1 : conditions;
                source = csv.toString();
            } else if (data != null) {
                CmapssSet cmapss = CmapssReader.load(data, set);
                train = cmapss.train();
                conditionCount = conditions == null ? cmapss.operatingConditions() : conditions;
                source = set;
            } else {
                EmulatedTraining emulated = EmulatedTraining.prepare(
                        fromEmulator, machine, emulateFor, sensorInterval, seed, settings, rulCap != null, console);
                train = emulated.histories();
                settings = emulated.settings();
                conditionCount = 1;
                source = train.source();
                if (historiesOut != null) {
                    outputs.write(historiesOut, file -> SensorCsvWriter.write(train, file));
                }
            }
            TrainingProgress lines =
                    TrainingProgress.of(console, spec.commandLine().getErr(), progress, settings.maxEpochs());
            RulModel.Trained trained = RulModel.train(train, conditionCount, kind, settings, lines);
            lines.finished();
            try (RulModel result = trained.model()) {
                outputs.fillFolder(out, result::save);
            }
            int recoveries = trained.report().recoveries().size();
            console.println(String.format(
                    Locale.ROOT,
                    "trained %s on %s: %d members, %d windows, %.0f s, best validation RMSE %s%s; saved to %s",
                    kind.cliName(),
                    source,
                    settings.ensembleSize(),
                    trained.report().trainingWindows(),
                    trained.report().trainingSeconds(),
                    format(trained.report().bestValidationRmse()),
                    recoveries == 0
                            ? ""
                            : ", recovered from " + recoveries + " non-finite "
                                    + (recoveries == 1 ? "number" : "numbers") + " (see above)",
                    out));
            return HealthCommand.OK;
        });
    }

    private String kindName() {
        return model == null ? "cnn-lstm" : model;
    }

    private TrainingSettings settings() {
        boolean emulated = fromEmulator != null;
        TrainingSettings settings = TrainingSettings.defaults();
        if (emulated) {
            settings = EmulatedTraining.defaults();
        }
        if (epochs != null) {
            settings = settings.withMaxEpochs(epochs);
        }
        if (ensemble != null) {
            settings = settings.withEnsembleSize(ensemble);
        }
        if (seed != null) {
            settings = settings.withSeed(seed);
        }
        if (windowsPerEpoch != null) {
            settings = settings.withWindowsPerEpoch(windowsPerEpoch);
        }
        if (ageInput) {
            settings = settings.withAgeInput(true);
        }
        if (smoothing != null) {
            settings = settings.withSmoothing(smoothing);
        }
        if (patience != null) {
            settings = settings.withPatience(patience);
        }
        if (window != null) {
            settings = settings.withWindow(window);
        }
        if (rulCap != null) {
            settings = settings.withRulCap(rulCap);
        }
        if (secondsPerCycle != null) {
            if (!(secondsPerCycle > 0) || secondsPerCycle.isInfinite()) {
                throw new IllegalArgumentException(
                        "--seconds-per-cycle must be a number of seconds > 0, got " + secondsPerCycle);
            }
            settings = settings.withSecondsPerCycle(secondsPerCycle);
        }
        if (baselineCycles != null) {
            settings = settings.withBaseline(baselineCycles, !baselineOnly);
        } else if (baselineOnly) {
            throw new IllegalArgumentException("--baseline-only needs --baseline K, got none");
        }
        return settings;
    }

    /** Checked before minutes of training, not after: the model is saved into a new or empty folder only. */
    private static void requireNewOrEmpty(Path dir) throws IOException {
        if (Files.isRegularFile(dir)) {
            throw new IllegalArgumentException("--out must be a new or empty folder, got the file " + dir);
        }
        if (Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException(
                            "--out must be a new or empty folder, got " + dir + " with files in it");
                }
            }
        }
    }

    private static String format(double[] values) {
        StringBuilder text = new StringBuilder();
        for (double v : values) {
            text.append(text.length() == 0 ? "" : "/").append(String.format(Locale.ROOT, "%.2f", v));
        }
        return text.toString();
    }
}
