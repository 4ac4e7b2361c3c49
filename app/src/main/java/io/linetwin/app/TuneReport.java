package io.linetwin.app;

import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.LineTemplate;
import io.linetwin.model.Scenario;
import io.linetwin.model.TuningSpec;
import io.linetwin.model.TuningVariable;
import io.linetwin.predict.tuning.TuningProgress;
import io.linetwin.predict.tuning.TuningResult;
import io.linetwin.report.TuningReport;
import io.linetwin.report.Words;
import io.linetwin.report.i18n.Lang;
import io.linetwin.report.i18n.Messages;
import io.linetwin.report.i18n.TextWidth;
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

    private static final Messages ENGLISH = Messages.of(Lang.EN);

    private TuneReport() {}

    static void print(
            PrintWriter out, Scenario scenario, TuningSpec tuning, ExperimentSpec experiment, TuningResult result) {
        print(out, scenario, tuning, experiment, result, ENGLISH);
    }

    static void print(
            PrintWriter out,
            Scenario scenario,
            TuningSpec tuning,
            ExperimentSpec experiment,
            TuningResult result,
            Messages m) {
        int variables = tuning.variables().size();
        out.println(m.get(
                "cli.tune.header",
                scenario.name(),
                m.get(variables == 1 ? "cli.tune.variable" : "cli.tune.variables", variables),
                m.get(result.maximise() ? "tune.maximise" : "tune.minimise"),
                result.objective(),
                result.method()));
        out.println(m.get(
                "cli.tune.searched",
                result.evaluations(),
                result.searchReplications(),
                duration(m, experiment.horizonSeconds()),
                duration(m, experiment.warmupSeconds()),
                experiment.seed(),
                String.format(Locale.ROOT, "%,d", result.replications())));
        if (result.rejected() > 0) {
            out.println(m.get("cli.tune.rejected", result.rejected()));
        }
        if (result.stopped()) {
            out.println(m.get("cli.tune.stopped"));
        } else {
            out.println(m.get(
                    "cli.tune.selection",
                    result.best().objective().n(),
                    percent(result.pcs()),
                    Numbers.of(result.delta()),
                    result.selectionCompleted() ? "" : m.get("cli.tune.estimated")));
        }
        out.println();
        printSettings(out, m, tuning, result);
        out.println();
        printKpis(out, m, result);
        out.println();
        result.runnerUp()
                .ifPresent(r -> out.println(m.get(
                        "cli.tune.runnerUp",
                        r.isBaseline() ? m.get("cli.tune.runnerUp.current") : "",
                        entries(r.values()),
                        Numbers.of(r.objective().mean()),
                        KpiTable.interval(m, r.objective()))));
        out.println(
                m.get("cli.tune.verdict", m.lang() == Lang.EN ? result.verdict() : TuningReport.verdict(m, result)));
        out.println();
        out.println(m.get("cli.tune.paste"));
        out.println(variantsBlock(result.bestValues()));
        out.flush();
    }

    private static void printSettings(PrintWriter out, Messages m, TuningSpec tuning, TuningResult result) {
        int width = Math.max(
                24,
                tuning.variables().stream()
                        .mapToInt(v -> v.path().length())
                        .max()
                        .orElse(0));
        out.println(
                TextWidth.pad(m.get("cli.tune.setting"), -width) + " " + TextWidth.pad(m.get("cli.tune.current"), 14)
                        + " " + TextWidth.pad(m.get("cli.tune.recommended"), 14));
        for (TuningVariable variable : tuning.variables()) {
            Object now = result.baseline().values().get(variable.path());
            Object tuned = result.best().values().get(variable.path());
            out.println(TextWidth.pad(variable.path(), -width) + " "
                    + TextWidth.pad(now == null ? m.get("cli.tune.none") : LineTemplate.text(now), 14) + " "
                    + TextWidth.pad(LineTemplate.text(tuned), 14));
        }
    }

    private static void printKpis(PrintWriter out, Messages m, TuningResult result) {
        kpiLine(
                out,
                m.get("cli.kpi"),
                m.get("cli.tune.current"),
                m.get("cli.tune.recommended"),
                m.get("cli.col.difference"),
                m.get("cli.col.ciDifference"),
                m.get("cli.col.verdict"));
        Estimate gain = result.objectiveGain();
        if (!TuningSpec.KPIS.contains(result.objective())) {
            row(
                    out,
                    m,
                    m.get("cli.tune.objective", result.objective()),
                    result.baseline().objective(),
                    result.best().objective(),
                    gain,
                    result.maximise());
        }
        for (String kpi : TuningSpec.KPIS) {
            String name = m.lang() == Lang.EN ? kpi : m.get("kpi." + kpi);
            String label = kpi.equals(result.objective()) ? m.get("cli.tune.objective", name) : name;
            row(
                    out,
                    m,
                    label,
                    result.baseline().kpis().get(kpi),
                    result.best().kpis().get(kpi),
                    result.kpiDifferences().get(kpi),
                    TuningSpec.higherIsBetter(kpi));
        }
    }

    private static void row(
            PrintWriter out,
            Messages m,
            String label,
            Estimate current,
            Estimate tuned,
            Estimate difference,
            boolean higherIsBetter) {
        kpiLine(
                out,
                label,
                Numbers.of(current.mean()),
                Numbers.of(tuned.mean()),
                Numbers.signed(difference.mean()),
                KpiTable.interval(m, difference),
                Words.verdict(m, Verdict.of(difference, higherIsBetter)));
    }

    private static void kpiLine(
            PrintWriter out,
            String label,
            String current,
            String tuned,
            String difference,
            String interval,
            String verdict) {
        out.println(TextWidth.pad(label, -30) + " " + TextWidth.pad(current, 14) + " " + TextWidth.pad(tuned, 14) + " "
                + TextWidth.pad(difference, 14) + "   " + TextWidth.pad(interval, -31) + " " + verdict);
    }

    private static String duration(Messages m, double seconds) {
        return m.lang() == Lang.EN ? KpiTable.duration(seconds) : m.duration(seconds);
    }

    /** What Ctrl-C prints: the best setting so far, over the search replications. */
    static void printInterrupted(PrintWriter out, TuningSpec tuning, Optional<TuningProgress> latest) {
        printInterrupted(out, tuning, latest, ENGLISH);
    }

    static void printInterrupted(PrintWriter out, TuningSpec tuning, Optional<TuningProgress> latest, Messages m) {
        if (latest.isEmpty() || latest.get().bestValues().isEmpty()) {
            out.println(m.get("cli.tune.interrupted.none"));
            out.flush();
            return;
        }
        TuningProgress progress = latest.get();
        out.println(m.get(
                "cli.tune.interrupted",
                progress.evaluations(),
                progress.budget(),
                progress.phase(),
                tuning.objective().kpi(),
                Numbers.of(progress.bestObjective())));
        out.println(variantsBlock(progress.bestValues().get()));
        out.flush();
    }

    static String variantsBlock(Map<String, Object> values) {
        return "variants:\n  - { name: " + VARIANT + ", set: " + entries(values) + " }";
    }

    private static String entries(Map<String, Object> values) {
        return values.entrySet().stream()
                .map(e -> e.getKey() + ": " + LineTemplate.text(e.getValue()))
                .collect(Collectors.joining(", ", "{ ", " }"));
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "n/a" : String.format(Locale.ROOT, "%.3g", share);
    }
}
