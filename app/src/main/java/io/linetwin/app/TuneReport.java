package io.linetwin.app;

import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.LineTemplate;
import io.linetwin.model.Scenario;
import io.linetwin.model.TuningSpec;
import io.linetwin.model.TuningVariable;
import io.linetwin.predict.tuning.TunedSetting;
import io.linetwin.predict.tuning.TuningProgress;
import io.linetwin.predict.tuning.TuningResult;
import io.linetwin.sim.experiment.Estimate;
import io.linetwin.sim.experiment.Verdict;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The human-readable result of {@code tune}. */
final class TuneReport {

    /** The name of the variant the recommendation becomes, in the printed block and in {@code compare --tuned}. */
    static final String VARIANT = "tuned";

    private TuneReport() {
    }

    static void print(PrintWriter out, Scenario scenario, TuningSpec tuning, ExperimentSpec experiment,
            TuningResult result) {
        out.printf(Locale.ROOT, "%s · tuning %d variable%s · %s %s · %s%n", scenario.name(),
                tuning.variables().size(), tuning.variables().size() == 1 ? "" : "s",
                result.maximise() ? "maximise" : "minimise", result.objective(), result.method());
        out.printf(Locale.ROOT, "searched %d settings × %d replications of %s after %s warm-up · seed %d · %,d "
                + "replications in all%n", result.evaluations(), result.searchReplications(),
                KpiTable.duration(experiment.horizonSeconds()), KpiTable.duration(experiment.warmupSeconds()),
                experiment.seed(), result.replications());
        if (result.rejected() > 0) {
            out.printf(Locale.ROOT, "%d of them rejected: worse than the current setting on a guarded KPI, or unable "
                    + "to run%n", result.rejected());
        }
        if (result.stopped()) {
            out.println("stopped before the final selection: figures are over the search replications");
        } else {
            out.printf(Locale.ROOT, "final selection: Kim-Nelson on %d fresh replications of the winner, "
                    + "probability of correct selection %s within delta %s%s%n", result.best().objective().n(),
                    percent(result.pcs()), Numbers.of(result.delta()),
                    result.selectionCompleted() ? "" : " (estimated: the selection stopped at its replication limit)");
        }
        out.println();
        printSettings(out, tuning, result);
        out.println();
        printKpis(out, result);
        out.println();
        result.runnerUp().ifPresent(r -> out.printf(Locale.ROOT, "runner-up: %s%s → %s %s%n",
                r.isBaseline() ? "the current setting " : "", entries(r.values()), Numbers.of(
                        r.objective().mean()), KpiTable.interval(r.objective())));
        out.printf("verdict: %s%n", result.verdict());
        out.println();
        out.println("ready to paste into the scenario's variants:");
        out.println(variantsBlock(result.bestValues()));
        out.flush();
    }

    private static void printSettings(PrintWriter out, TuningSpec tuning, TuningResult result) {
        int width = Math.max(24, tuning.variables().stream().mapToInt(v -> v.path().length()).max().orElse(0));
        out.printf(Locale.ROOT, "%-" + width + "s %14s %14s%n", "setting", "current", "recommended");
        for (TuningVariable variable : tuning.variables()) {
            Object now = result.baseline().values().get(variable.path());
            Object tuned = result.best().values().get(variable.path());
            out.printf(Locale.ROOT, "%-" + width + "s %14s %14s%n", variable.path(),
                    now == null ? "(none)" : LineTemplate.text(now), LineTemplate.text(tuned));
        }
    }

    private static void printKpis(PrintWriter out, TuningResult result) {
        out.printf(Locale.ROOT, "%-30s %14s %14s %14s   %-31s %s%n", "KPI", "current", "recommended", "difference",
                "95 % CI of difference", "verdict");
        Estimate gain = result.objectiveGain();
        if (!TuningSpec.KPIS.contains(result.objective())) {
            row(out, result.objective() + " (objective)", result.baseline().objective(), result.best().objective(),
                    gain, result.maximise());
        }
        for (String kpi : TuningSpec.KPIS) {
            String label = kpi.equals(result.objective()) ? kpi + " (objective)" : kpi;
            row(out, label, result.baseline().kpis().get(kpi), result.best().kpis().get(kpi),
                    result.kpiDifferences().get(kpi), TuningSpec.higherIsBetter(kpi));
        }
    }

    private static void row(PrintWriter out, String label, Estimate current, Estimate tuned, Estimate difference,
            boolean higherIsBetter) {
        out.printf(Locale.ROOT, "%-30s %14s %14s %14s   %-31s %s%n", label, Numbers.of(current.mean()),
                Numbers.of(tuned.mean()), Numbers.signed(difference.mean()), KpiTable.interval(difference),
                Verdict.of(difference, higherIsBetter).text());
    }

    /** What Ctrl-C prints: the best setting so far, over the search replications. */
    static void printInterrupted(PrintWriter out, TuningSpec tuning, Optional<TuningProgress> latest) {
        if (latest.isEmpty() || latest.get().bestValues().isEmpty()) {
            out.println("interrupted before any setting was simulated");
            out.flush();
            return;
        }
        TuningProgress progress = latest.get();
        out.printf(Locale.ROOT, "interrupted after %d of %d settings (%s phase); best so far, %s %s over the search "
                + "replications (not yet checked by the final selection):%n", progress.evaluations(),
                progress.budget(), progress.phase(), tuning.objective().kpi(), Numbers.of(
                        progress.bestObjective()));
        out.println(variantsBlock(progress.bestValues().get()));
        out.flush();
    }

    static String variantsBlock(Map<String, Object> values) {
        return "variants:\n  - { name: " + VARIANT + ", set: " + entries(values) + " }";
    }

    private static String entries(Map<String, Object> values) {
        return values.entrySet().stream().map(e -> e.getKey() + ": " + LineTemplate.text(e.getValue()))
                .collect(Collectors.joining(", ", "{ ", " }"));
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%.3g", share);
    }
}
