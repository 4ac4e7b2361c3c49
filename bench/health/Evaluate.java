import io.linetwin.predict.health.CmapssReader;
import io.linetwin.predict.health.CmapssSet;
import io.linetwin.predict.health.RulEvaluation;
import io.linetwin.predict.health.RulModel;
import java.nio.file.Path;
import java.util.Locale;

/** Re-scores a saved model folder on a C-MAPSS test set. Arguments: DATA_DIR SET MODEL_DIR [--units]. */
public final class Evaluate {

    public static void main(String[] args) {
        CmapssSet set = CmapssReader.load(Path.of(args[0]), args[1]);
        try (RulModel model = RulModel.load(Path.of(args[2]))) {
            RulEvaluation.of(model, set);
            RulEvaluation eval = RulEvaluation.of(model, set);
            double meanSd = eval.estimates().stream().mapToDouble(e -> e.sdCycles()).average().orElse(0);
            int inside = 0;
            for (int i = 0; i < eval.truth().length; i++) {
                var e = eval.estimates().get(i);
                if (eval.truth()[i] >= e.lowerCycles() && eval.truth()[i] <= e.upperCycles()) {
                    inside++;
                }
            }
            if (args.length > 3 && args[3].equals("--units")) {
                for (int i = 0; i < eval.truth().length; i++) {
                    var e = eval.estimates().get(i);
                    System.out.println(String.format(Locale.ROOT, "UNIT %s true=%.0f pred=%.1f sd=%.1f length=%d",
                            e.unitId(), eval.truth()[i], e.meanCycles(), e.sdCycles(),
                            set.test().units().get(i).length()));
                }
            }
            System.out.println(String.format(Locale.ROOT,
                    "EVAL set=%s model=%s members=%d rmse=%.2f score=%.0f rmse_capped_truth=%.2f "
                            + "latency_us_per_unit=%.0f mean_sd=%.2f band80_coverage=%.2f",
                    args[1], model.kind().cliName(), model.settings().ensembleSize(), eval.rmse(), eval.score(),
                    eval.rmseCappedTruth(), eval.latencyMicrosPerUnit(), meanSd, (double) inside / eval.truth().length));
        }
    }
}
