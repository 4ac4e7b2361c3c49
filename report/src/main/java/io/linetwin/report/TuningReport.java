package io.linetwin.report;

import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.LineTemplate;
import io.linetwin.model.Scenario;
import io.linetwin.model.TuningSpec;
import io.linetwin.model.TuningVariable;
import io.linetwin.predict.tuning.TunedSetting;
import io.linetwin.predict.tuning.TuningResult;
import io.linetwin.report.html.ReportPage;
import io.linetwin.report.html.Table;
import io.linetwin.report.i18n.Messages;
import io.linetwin.report.svg.Bars;
import io.linetwin.report.svg.XyChart;
import io.linetwin.sim.experiment.Estimate;
import io.linetwin.sim.experiment.Verdict;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The report of {@code linetwin tune --report}: the verdict, the recommended settings against the current ones, the
 * search's trajectory (best objective after each setting simulated), the winner against the runner-up and the
 * current setting with their intervals, every KPI's paired difference, and the variants block to paste.
 */
public final class TuningReport {

    public record Input(
            Scenario scenario,
            TuningSpec tuning,
            ExperimentSpec experiment,
            TuningResult result,
            String variantsBlock,
            ZonedDateTime generatedAt,
            String version) {
        public Input {
            Objects.requireNonNull(scenario, "scenario");
            Objects.requireNonNull(tuning, "tuning");
            Objects.requireNonNull(experiment, "experiment");
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(variantsBlock, "variantsBlock");
            Objects.requireNonNull(generatedAt, "generatedAt");
            Objects.requireNonNull(version, "version");
        }
    }

    private TuningReport() {}

    public static String html(Input in, Messages m) {
        TuningResult r = in.result();
        ExperimentSpec e = in.experiment();
        ReportPage page = new ReportPage(
                m,
                m.get("tune.kind"),
                in.scenario().name(),
                m.get(
                        "tune.line",
                        m.get(r.maximise() ? "tune.maximise" : "tune.minimise"),
                        r.objective(),
                        r.method(),
                        m.count(r.evaluations()),
                        m.count(r.replications())));
        page.section("verdict", m.get("section.verdict"), "");
        page.banner(verdict(m, r), r.supportedGain() ? "good" : "neutral");
        List<String[]> pairs = new ArrayList<>();
        pairs.add(new String[] {
            m.get("tune.searched"),
            m.get(
                    "tune.searched.value",
                    m.count(r.evaluations()),
                    m.count(r.searchReplications()),
                    m.duration(e.horizonSeconds()),
                    m.duration(e.warmupSeconds()),
                    Long.toString(e.seed()))
        });
        if (r.rejected() > 0) {
            pairs.add(new String[] {m.get("tune.rejected"), m.count(r.rejected())});
        }
        if (!r.stopped()) {
            pairs.add(new String[] {
                m.get("tune.selection"),
                m.get(
                        "tune.selection.value",
                        m.count(r.best().objective().n()),
                        Double.isNaN(r.pcs()) ? "–" : m.number(r.pcs()),
                        m.number(r.delta()))
            });
        }
        page.summary(pairs);
        page.endSection();

        page.section("settings", m.get("section.settings"), "");
        Table settings = new Table(
                "settings",
                m.get("col.setting"),
                m.get("col.current"),
                m.get("col.recommended"),
                m.get("col.runnerUp"));
        for (TuningVariable variable : in.tuning().variables()) {
            Object now = r.baseline().values().get(variable.path());
            Object tuned = r.best().values().get(variable.path());
            Object second =
                    r.runnerUp().map(s -> s.values().get(variable.path())).orElse(null);
            settings.row(
                    Objects.equals(now, tuned) ? "" : "highlight",
                    List.of(
                            Table.text(variable.path()),
                            Table.cell(now == null ? m.get("none") : LineTemplate.text(now)),
                            Table.cell(tuned == null ? m.get("none") : LineTemplate.text(tuned)),
                            Table.cell(second == null ? "–" : LineTemplate.text(second))),
                    "data-path",
                    variable.path());
        }
        page.scroll(settings.end());
        page.endSection();

        page.section("trajectory", m.get("section.trajectory"), m.get("section.trajectory.note"));
        List<String> charts = new ArrayList<>();
        if (!r.trajectory().isEmpty()) {
            double[] x = r.trajectory().stream()
                    .mapToDouble(TuningResult.Step::evaluation)
                    .toArray();
            double[] y = r.trajectory().stream()
                    .mapToDouble(TuningResult.Step::bestObjective)
                    .toArray();
            charts.add(new XyChart(m.get("chart.evaluations"), r.objective(), m::tick, m::tick)
                    .add(new XyChart.Series(m.get("chart.bestSoFar"), "#0b5cad", x, y, true, List.of()))
                    .render(560, 280, m.get("section.trajectory")));
        }
        List<Bars.Bar> bars = new ArrayList<>();
        bars.add(bar(m, m.get("col.current"), r.baseline(), r.best().isBaseline()));
        if (!r.best().isBaseline()) {
            bars.add(bar(m, m.get("col.recommended"), r.best(), true));
        }
        r.runnerUp().filter(s -> !s.isBaseline()).ifPresent(s -> bars.add(bar(m, m.get("col.runnerUp"), s, false)));
        charts.add(Bars.render(bars, r.objective(), m::tick, m.get("chart.winner")));
        page.charts(charts);
        page.endSection();

        page.section("kpis", m.get("section.tuneKpis"), m.get("section.tuneKpis.note"));
        Table kpis = new Table(
                "kpis",
                m.get("col.kpi"),
                m.get("col.current"),
                m.get("col.recommended"),
                m.get("col.difference"),
                m.get("col.ciDifference"),
                m.get("col.verdict"));
        if (!TuningSpec.KPIS.contains(r.objective())) {
            kpiRow(
                    kpis,
                    m,
                    r.objective(),
                    r.baseline().objective(),
                    r.best().objective(),
                    r.objectiveGain(),
                    r.maximise());
        }
        for (String kpi : TuningSpec.KPIS) {
            kpiRow(
                    kpis,
                    m,
                    kpi,
                    r.baseline().kpis().get(kpi),
                    r.best().kpis().get(kpi),
                    r.kpiDifferences().get(kpi),
                    TuningSpec.higherIsBetter(kpi));
        }
        page.scroll(kpis.end());
        page.endSection();

        page.section("paste", m.get("section.paste"), m.get("section.paste.note"));
        page.preformatted(in.variantsBlock());
        page.endSection();
        return page.finish(Sections.footer(m, in.generatedAt(), in.version(), e.seed()));
    }

    /** The tuning's verdict in the reader's words. */
    public static String verdict(Messages m, TuningResult r) {
        if (r.stopped()) {
            return m.get("tune.verdict.stopped");
        }
        if (r.supportedGain()) {
            return m.get("tune.verdict.gain");
        }
        if (r.best().isBaseline()) {
            return m.get(r.selectionCompleted() ? "tune.verdict.optimal" : "tune.verdict.kept");
        }
        return m.get("tune.verdict.none");
    }

    private static Bars.Bar bar(Messages m, String name, TunedSetting setting, boolean highlighted) {
        Estimate o = setting.objective();
        return new Bars.Bar(
                name,
                o.mean(),
                o.ciLow().orElse(Double.NaN),
                o.ciHigh().orElse(Double.NaN),
                highlighted,
                name + ": " + m.number(o.mean()) + " " + Words.interval(m, o));
    }

    private static void kpiRow(
            Table table,
            Messages m,
            String kpi,
            Estimate current,
            Estimate tuned,
            Estimate difference,
            boolean higherIsBetter) {
        if (current == null || tuned == null || difference == null) {
            return;
        }
        Verdict verdict = Verdict.of(difference, higherIsBetter);
        String label = m.has("kpi." + kpi + ".unit") ? m.get("kpi." + kpi + ".unit") : kpi;
        table.row(
                "",
                List.of(
                        Table.text(label),
                        Table.number(m.number(current.mean()), "current", current.mean()),
                        Table.number(m.number(tuned.mean()), "recommended", tuned.mean()),
                        Table.number(CompareReport.signed(m, difference.mean()), "diff-mean", difference.mean()),
                        Table.cell(Words.interval(m, difference)),
                        Table.pill(Words.verdict(m, verdict), Words.tone(verdict))),
                "data-kpi",
                kpi);
    }
}
