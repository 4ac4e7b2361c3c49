package io.linetwin.report;

import io.linetwin.model.Scenario;
import io.linetwin.report.html.ReportPage;
import io.linetwin.report.html.Table;
import io.linetwin.report.i18n.Messages;
import io.linetwin.report.svg.LineDiagram;
import io.linetwin.report.svg.Whiskers;
import io.linetwin.sim.experiment.Comparison;
import io.linetwin.sim.experiment.Estimate;
import io.linetwin.sim.experiment.ExperimentResult;
import io.linetwin.sim.experiment.Kpi;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The report of {@code linetwin compare --report}: the baseline line and KPIs, then per KPI every variant's paired
 * difference with its 95 % interval as a whisker against zero, and the table of differences and verdicts.
 */
public final class CompareReport {

    public record Input(Scenario scenario, List<Comparison> comparisons, ZonedDateTime generatedAt, String version) {
        public Input {
            Objects.requireNonNull(scenario, "scenario");
            comparisons = List.copyOf(comparisons);
            Objects.requireNonNull(generatedAt, "generatedAt");
            Objects.requireNonNull(version, "version");
        }
    }

    private CompareReport() {}

    public static String html(Input in, Messages m) {
        if (in.comparisons().isEmpty()) {
            ReportPage page =
                    new ReportPage(m, m.get("compare.kind"), in.scenario().name(), m.get("compare.none"));
            return page.finish(m.get("footer.short", "LineTwin"));
        }
        ExperimentResult baseline = in.comparisons().get(0).baseline();
        ReportPage page = new ReportPage(
                m, m.get("compare.kind"), in.scenario().name(), m.get("compare.line", Sections.runLine(m, baseline)));
        Sections.scenario(page, m, in.scenario(), in.scenario().line(), baseline);
        page.section("line", m.get("section.line"), m.get("compare.line.note"));
        page.scroll(LineDiagram.render(
                in.scenario().line(),
                baseline.bottleneck(),
                station -> new LineDiagram.StationLook(
                        "#ffffff",
                        m.get("kind." + station.kind().name().toLowerCase(java.util.Locale.ROOT)),
                        station.id()),
                buffer -> new LineDiagram.LinkLook(Double.NaN, Words.capacity(m, buffer.capacity()), buffer.id()),
                Words.diagram(m),
                m.get("section.line")));
        page.endSection();
        page.section("differences", m.get("section.differences"), m.get("section.differences.note"));
        List<String> charts = new ArrayList<>();
        for (Kpi kpi : Kpi.values()) {
            List<Whiskers.Row> rows = new ArrayList<>();
            for (Comparison comparison : in.comparisons()) {
                Comparison.Difference difference = comparison.differences().get(kpi);
                Estimate e = difference.estimate();
                rows.add(new Whiskers.Row(
                        comparison.variant().variant(),
                        e.mean(),
                        e.ciLow().orElse(Double.NaN),
                        e.ciHigh().orElse(Double.NaN),
                        Words.whiskerTone(difference.verdict()),
                        comparison.variant().variant() + ": " + signed(m, e.mean()) + " " + Words.interval(m, e) + " · "
                                + Words.verdict(m, difference.verdict())));
            }
            charts.add(Whiskers.render(
                    Words.kpiWithUnit(m, kpi), rows, m::tick, m.get("chart.differences.of", Words.kpi(m, kpi))));
        }
        page.charts(charts);
        page.endSection();
        for (Comparison comparison : in.comparisons()) {
            String variant = comparison.variant().variant();
            page.section("variant-" + variant, m.get("section.variant", variant), "");
            Table table = new Table(
                    "differences",
                    m.get("col.kpi"),
                    m.get("col.baseline"),
                    m.get("col.variant"),
                    m.get("col.difference"),
                    m.get("col.ciDifference"),
                    m.get("col.verdict"));
            for (Kpi kpi : Kpi.values()) {
                Comparison.Difference difference = comparison.differences().get(kpi);
                Estimate e = difference.estimate();
                double base = comparison.baseline().estimate(kpi).mean();
                double candidate = comparison.variant().estimate(kpi).mean();
                table.row(
                        "",
                        List.of(
                                Table.text(Words.kpiWithUnit(m, kpi)),
                                Table.number(m.number(base), "baseline-mean", base),
                                Table.number(m.number(candidate), "variant-mean", candidate),
                                Table.number(signed(m, e.mean()), "diff-mean", e.mean()),
                                new Table.Cell(
                                        Words.interval(m, e),
                                        "",
                                        false,
                                        "ci-low",
                                        e.ciLow().isPresent()
                                                ? Double.toString(e.ciLow().getAsDouble())
                                                : "",
                                        "ci-high",
                                        e.ciHigh().isPresent()
                                                ? Double.toString(e.ciHigh().getAsDouble())
                                                : ""),
                                Table.pill(Words.verdict(m, difference.verdict()), Words.tone(difference.verdict()))),
                        "data-variant",
                        variant,
                        "data-kpi",
                        kpi.key());
            }
            page.scroll(table.end());
            page.endSection();
        }
        return page.finish(Sections.footer(
                m, in.generatedAt(), in.version(), baseline.experiment().seed()));
    }

    static String signed(Messages m, double value) {
        String text = m.number(value);
        return value > 0 ? "+" + text : text;
    }
}
