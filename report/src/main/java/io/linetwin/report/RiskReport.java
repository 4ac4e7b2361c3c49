package io.linetwin.report;

import io.linetwin.predict.health.MaintenanceRisk;
import io.linetwin.predict.health.TimeToFailure;
import io.linetwin.report.html.ReportPage;
import io.linetwin.report.html.Table;
import io.linetwin.report.i18n.Messages;
import io.linetwin.report.svg.Bars;
import io.linetwin.report.svg.XyChart;
import io.linetwin.sim.experiment.Estimate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleFunction;

/**
 * The report of {@code linetwin health risk --report}: per machine the risk of failure over the look-ahead as a
 * curve (the 8 h / 24 h / 7 d figures are points of it), the parts a failure costs, and the loss at every candidate
 * maintenance window against running to failure, the best one marked.
 */
public final class RiskReport {

    private static final String[] COLOURS = {"#c62828", "#0b5cad", "#2e7d32", "#8e44ad", "#ef6c00", "#00838f"};
    private static final int CURVE_POINTS = 97;

    /**
     * @param calendar the line calendar's English text of the instant given in seconds after the look-ahead's start
     *     ("Sun 06:00", "2026-11-30 Mon 06:00"), as the CLI and the JSON write it
     */
    public record Input(
            String scenario,
            double horizonSeconds,
            int replications,
            long seed,
            DoubleFunction<String> calendar,
            MaintenanceRisk risk,
            List<MaintenanceRisk.Report> reports,
            Map<String, TimeToFailure> timesToFailure,
            ZonedDateTime generatedAt,
            String version) {
        public Input {
            Objects.requireNonNull(scenario, "scenario");
            Objects.requireNonNull(risk, "risk");
            reports = List.copyOf(reports);
            timesToFailure = Map.copyOf(timesToFailure);
            for (MaintenanceRisk.Report report : reports) {
                if (!timesToFailure.containsKey(report.machine())) {
                    throw new IllegalArgumentException("no time to failure for machine " + report.machine());
                }
            }
        }
    }

    private RiskReport() {}

    public static String html(Input in, Messages m) {
        DoubleFunction<String> calendar = seconds -> m.calendar(in.calendar().apply(seconds));
        ReportPage page = new ReportPage(
                m,
                m.get("risk.kind"),
                in.scenario(),
                m.get(
                        "risk.line",
                        m.duration(in.horizonSeconds()),
                        calendar.apply(0),
                        m.count(in.replications()),
                        Long.toString(in.seed())));
        page.section("summary", m.get("section.riskSummary"), m.get("section.riskSummary.note"));
        Table table = new Table(
                "risks",
                m.get("col.machine"),
                m.get("col.risk8h"),
                m.get("col.risk24h"),
                m.get("col.risk7d"),
                m.get("col.expectedLoss"),
                m.get("col.bestWindow"),
                m.get("col.lossThen"));
        for (MaintenanceRisk.Report r : in.reports()) {
            Estimate loss = r.expectedLossParts();
            table.row(
                    "",
                    List.of(
                            Table.text(r.machine()),
                            Table.number(m.percent(r.riskWithin8h(), 0), "risk", r.riskWithin8h()),
                            Table.number(m.percent(r.riskWithin24h(), 0), "risk", r.riskWithin24h()),
                            Table.number(m.percent(r.riskWithin7d(), 0), "risk", r.riskWithin7d()),
                            Table.number(m.count(loss.mean()) + " " + Words.interval(m, loss), "loss", loss.mean()),
                            Table.cell(r.bestWindow()
                                    .map(w -> calendar.apply(w.startSeconds()) + " ("
                                            + m.get("window." + w.kind().jsonName()) + ")")
                                    .orElse(m.get("risk.runToFail"))),
                            Table.cell(r.bestWindow()
                                    .map(w -> m.count(w.lossParts().mean()) + " " + Words.interval(m, w.lossParts()))
                                    .orElse("–"))),
                    "data-machine",
                    r.machine());
        }
        page.scroll(table.end());
        page.endSection();

        page.section("risk-over-time", m.get("section.riskCurve"), m.get("section.riskCurve.note"));
        XyChart curves = new XyChart(
                        m.get("chart.hoursAhead"), m.get("chart.probability"), m::tick, v -> m.percent(v, 0))
                .yRange(0, 1);
        int colour = 0;
        for (MaintenanceRisk.Report r : in.reports()) {
            TimeToFailure ttf = in.timesToFailure().get(r.machine());
            double[] hours = new double[CURVE_POINTS];
            double[] risk = new double[CURVE_POINTS];
            for (int i = 0; i < CURVE_POINTS; i++) {
                double seconds = in.horizonSeconds() * i / (CURVE_POINTS - 1);
                hours[i] = seconds / 3600;
                risk[i] = in.risk().riskWithin(ttf, r.workingShare(), seconds);
            }
            curves.add(
                    new XyChart.Series(r.machine(), COLOURS[colour++ % COLOURS.length], hours, risk, false, List.of()));
        }
        page.raw(curves.render(760, 300, m.get("section.riskCurve")));
        page.endSection();

        page.section("windows", m.get("section.windows"), m.get("section.windows.note"));
        for (MaintenanceRisk.Report r : in.reports()) {
            List<Bars.Bar> bars = new ArrayList<>();
            Estimate failure = r.expectedLossParts();
            bars.add(new Bars.Bar(
                    m.get("risk.runToFail"),
                    failure.mean(),
                    failure.ciLow().orElse(Double.NaN),
                    failure.ciHigh().orElse(Double.NaN),
                    false,
                    m.get("risk.runToFail") + ": " + m.count(failure.mean()) + " " + Words.interval(m, failure)));
            for (MaintenanceRisk.Window w : r.windows()) {
                Estimate loss = w.lossParts();
                String name = calendar.apply(w.startSeconds());
                boolean best = r.bestWindow()
                        .map(b -> b.startSeconds() == w.startSeconds())
                        .orElse(false);
                bars.add(new Bars.Bar(
                        name,
                        loss.mean(),
                        loss.ciLow().orElse(Double.NaN),
                        loss.ciHigh().orElse(Double.NaN),
                        best,
                        name + " (" + m.get("window." + w.kind().jsonName()) + "): " + m.count(loss.mean()) + " "
                                + Words.interval(m, loss)));
            }
            page.raw("<h3>" + io.linetwin.report.html.Xml.escape(m.get("chart.windowsOf", r.machine())) + "</h3>");
            page.scroll(Bars.render(bars, m.get("chart.lostParts"), m::count, m.get("chart.windowsOf", r.machine())));
        }
        page.endSection();
        return page.finish(Sections.footer(m, in.generatedAt(), in.version(), in.seed()));
    }
}
