package io.linetwin.app.health;

import io.linetwin.predict.health.CmapssReader;
import io.linetwin.predict.health.CmapssSet;
import io.linetwin.predict.health.RulEvaluation;
import io.linetwin.predict.health.RulModel;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code linetwin health eval}: RMSE and PHM08 score on the last window of each C-MAPSS test unit. */
@Command(
        name = "eval",
        mixinStandardHelpOptions = true,
        description = "Score a saved model on a C-MAPSS test set: RMSE and PHM08 score vs the true RUL.")
public final class HealthEvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", required = true, description = "C-MAPSS folder")
    Path data;

    @Option(
            names = "--set",
            paramLabel = "FD00N",
            defaultValue = "FD001",
            description = "C-MAPSS set (default ${DEFAULT-VALUE})")
    String set;

    @Option(names = "--model-dir", paramLabel = "MODELDIR", required = true, description = "folder written by train")
    Path modelDir;

    @Override
    public Integer call() {
        return HealthCommand.guarded(spec, () -> {
            CmapssSet cmapss = CmapssReader.load(data, set);
            try (RulModel model = RulModel.load(modelDir)) {
                RulEvaluation evaluation = RulEvaluation.of(model, cmapss);
                spec.commandLine()
                        .getOut()
                        .println(String.format(
                                Locale.ROOT,
                                "%s %s: RMSE %.2f cycles, PHM08 score %.1f, %d test units, %.0f us per unit",
                                set,
                                model.kind().cliName(),
                                evaluation.rmse(),
                                evaluation.score(),
                                evaluation.truth().length,
                                evaluation.latencyMicrosPerUnit()));
            }
            return HealthCommand.OK;
        });
    }
}
