package io.linetwin.app.health;

import io.linetwin.predict.health.CmapssReader;
import io.linetwin.predict.health.RulEstimate;
import io.linetwin.predict.health.RulModel;
import io.linetwin.predict.health.SensorCsvReader;
import io.linetwin.predict.health.SensorDataset;
import io.linetwin.predict.health.TimeToFailure;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code linetwin health predict}: RUL with an ensemble band per unit, as CSV on stdout; with
 * {@code --seconds-per-cycle} also the failure probabilities over the maintenance horizons.
 */
@Command(
        name = "predict",
        mixinStandardHelpOptions = true,
        description = "RUL (mean, sd, 80%% band) for the last window of each unit of a C-MAPSS test set or a CSV.")
public final class HealthPredictCommand implements Callable<Integer> {

    private static final double HOUR = 3600;

    @Spec
    CommandSpec spec;

    @Option(names = "--model-dir", paramLabel = "MODELDIR", required = true, description = "folder written by train")
    Path modelDir;

    @Option(names = "--data", paramLabel = "DIR", description = "C-MAPSS folder (uses test_FDxxx.txt)")
    Path data;

    @Option(
            names = "--set",
            paramLabel = "FD00N",
            defaultValue = "FD001",
            description = "C-MAPSS set (default ${DEFAULT-VALUE})")
    String set;

    @Option(names = "--csv", paramLabel = "FILE", description = "sensor history CSV (unit, time, sensor columns)")
    Path csv;

    @Option(
            names = "--seconds-per-cycle",
            paramLabel = "S",
            description = "operating seconds per cycle: adds P(failure) within 8 h, 24 h and 7 d")
    Double secondsPerCycle;

    @Override
    public Integer call() {
        return HealthCommand.guarded(spec, () -> {
            SensorDataset units;
            if (csv != null && data != null) {
                throw new IllegalArgumentException("give either --csv or --data, got both");
            } else if (csv != null) {
                units = SensorCsvReader.read(csv);
            } else if (data != null) {
                if (!set.matches("FD00[1-4]")) {
                    throw new IllegalArgumentException("set must be one of FD001..FD004, got " + set);
                }
                units = CmapssReader.readHistory(data.resolve("test_" + set + ".txt"));
            } else {
                throw new IllegalArgumentException("--data DIR or --csv FILE must be given, got neither");
            }
            if (secondsPerCycle != null && !(secondsPerCycle > 0)) {
                throw new IllegalArgumentException("--seconds-per-cycle must be > 0, got " + secondsPerCycle);
            }
            PrintWriter out = spec.commandLine().getOut();
            try (RulModel model = RulModel.load(modelDir)) {
                out.println("unit,rul_mean,rul_sd,rul_p10,rul_p90"
                        + (secondsPerCycle == null ? "" : ",ttf_mean_h,p_fail_8h,p_fail_24h,p_fail_7d"));
                for (RulEstimate estimate : model.predictLast(units)) {
                    StringBuilder line = new StringBuilder(String.format(
                            Locale.ROOT,
                            "%s,%.1f,%.1f,%.1f,%.1f",
                            estimate.unitId(),
                            estimate.meanCycles(),
                            estimate.sdCycles(),
                            estimate.lowerCycles(),
                            estimate.upperCycles()));
                    if (secondsPerCycle != null) {
                        TimeToFailure ttf = TimeToFailure.fromEstimate(estimate, secondsPerCycle);
                        line.append(String.format(
                                Locale.ROOT,
                                ",%.1f,%.3f,%.3f,%.3f",
                                ttf.meanSeconds() / HOUR,
                                ttf.probabilityWithin(8 * HOUR),
                                ttf.probabilityWithin(24 * HOUR),
                                ttf.probabilityWithin(168 * HOUR)));
                    }
                    out.println(line);
                }
            }
            return HealthCommand.OK;
        });
    }
}
