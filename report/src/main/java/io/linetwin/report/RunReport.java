package io.linetwin.report;

import io.linetwin.model.BufferSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.Scenario;
import io.linetwin.model.StationSpec;
import io.linetwin.report.html.ReportPage;
import io.linetwin.report.html.Table;
import io.linetwin.report.i18n.Messages;
import io.linetwin.report.svg.Histogram;
import io.linetwin.report.svg.LineDiagram;
import io.linetwin.report.svg.StateBars;
import io.linetwin.report.svg.StateColors;
import io.linetwin.report.svg.XyChart;
import io.linetwin.sim.StateShares;
import io.linetwin.sim.experiment.Estimate;
import io.linetwin.sim.experiment.ExperimentResult;
import io.linetwin.sim.experiment.Kpi;
import io.linetwin.sim.experiment.StationSummary;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The report of {@code linetwin run --report}: what was simulated, the line as a flow graph with its bottleneck,
 * the KPIs with their intervals, where each station's time went, throughput and WIP over time across the
 * replications, and how full each buffer ran. Every number comes from the {@link ExperimentResult} the JSON is
 * written from; table cells carry the exact value in data attributes.
 */
public final class RunReport {

    /**
     * @param series the run over time, when the experiment was traced
     * @param picture a 3D picture of the line (PNG), when a GL was available
     * @param line the line simulated (the variant's)
     */
    public record Input(
            Scenario scenario,
            LineSpec line,
            ExperimentResult result,
            Optional<RunSeries> series,
            Optional<byte[]> picture,
            ZonedDateTime generatedAt,
            String version,
            Optional<String> outputUnit) {

        /** A run of a line whose output is counted in parts. */
        public Input(
                Scenario scenario,
                LineSpec line,
                ExperimentResult result,
                Optional<RunSeries> series,
                Optional<byte[]> picture,
                ZonedDateTime generatedAt,
                String version) {
            this(scenario, line, result, series, picture, generatedAt, version, Optional.empty());
        }

        public Input {
            Objects.requireNonNull(outputUnit, "outputUnit");
            Objects.requireNonNull(scenario, "scenario");
            Objects.requireNonNull(line, "line");
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(series, "series");
            Objects.requireNonNull(picture, "picture");
            Objects.requireNonNull(generatedAt, "generatedAt");
            Objects.requireNonNull(version, "version");
        }
    }

    private RunReport() {}

    public static String html(Input in, Messages m) {
        ExperimentResult result = in.result();
        Optional<String> bottleneck = result.bottleneck();
        String title = Scenario.BASELINE.equals(result.variant())
                ? in.scenario().name()
                : in.scenario().name() + " / " + result.variant();
        ReportPage page = new ReportPage(m, m.get("run.kind"), title, Sections.runLine(m, result));
        Sections.scenario(page, m, in.scenario(), in.line(), result);
        kpis(page, m, result, in.outputUnit());
        page.section("line", m.get("section.line"), m.get("section.line.note"));
        Map<String, StationSummary> stations = result.stations();
        page.scroll(LineDiagram.render(
                in.line(),
                bottleneck,
                station -> look(m, station, stations.get(station.id())),
                buffer -> new LineDiagram.LinkLook(
                        Double.NaN,
                        Words.capacity(m, buffer.capacity()),
                        m.get("diagram.buffer.tooltip", buffer.id(), Words.capacity(m, buffer.capacity()))),
                Words.diagram(m),
                m.get("section.line")));
        page.endSection();
        in.picture()
                .ifPresent(png -> page.section("picture", m.get("section.picture"), m.get("section.picture.note"))
                        .picture(png, m.get("section.picture"))
                        .endSection());
        states(page, m, result, bottleneck);
        in.series().ifPresent(series -> overTime(page, m, series));
        in.series().ifPresent(series -> levels(page, m, in.line(), series));
        return page.finish(Sections.footer(
                m, in.generatedAt(), in.version(), result.experiment().seed()));
    }

    private static LineDiagram.StationLook look(Messages m, StationSpec station, StationSummary summary) {
        String fill = switch (station.kind()) {
            case SOURCE -> "#d9efe9";
            case SINK -> "#e3e3ee";
            default -> "#ffffff";
        };
        if (summary == null || !station.kind().processesParts()) {
            String kind = m.get("kind." + station.kind().name().toLowerCase(java.util.Locale.ROOT));
            return new LineDiagram.StationLook(fill, kind, station.id() + " · " + kind);
        }
        return new LineDiagram.StationLook(
                fill,
                m.get("diagram.utilisation", m.percent(summary.utilization())),
                m.get(
                        "diagram.station.tooltip",
                        station.id(),
                        m.percent(summary.utilization()),
                        m.percent(summary.oee()),
                        m.count(summary.good())));
    }

    private static void kpis(ReportPage page, Messages m, ExperimentResult result, Optional<String> unit) {
        page.section("kpis", m.get("section.kpis"), m.get("section.kpis.note"));
        StringBuilder cards = new StringBuilder("<div class=\"cards\">");
        String bottleneck = result.bottleneck().orElse(m.get("none"));
        Table table = new Table("kpis", m.get("col.kpi"), m.get("col.mean"), m.get("col.ciLow"), m.get("col.ciHigh"));
        for (Kpi kpi : Kpi.values()) {
            Estimate estimate = result.estimate(kpi);
            String label = kpi == Kpi.OEE
                    ? m.get("kpi.oee.of", bottleneck)
                    : kpi == Kpi.THROUGHPUT_PER_HOUR && unit.isPresent()
                            ? m.get("kpi.throughputPerHour.of", unit.get())
                            : Words.kpiWithUnit(m, kpi);
            java.util.function.DoubleFunction<String> shown = kpi == Kpi.OEE ? m::percent : m::number;
            String interval = estimate.ciLow().isEmpty()
                    ? m.get("ci.none")
                    : "[" + shown.apply(estimate.ciLow().getAsDouble()) + ", "
                            + shown.apply(estimate.ciHigh().getAsDouble()) + "]";
            cards.append(Sections.card(label, shown.apply(estimate.mean()), interval));
            table.row(
                    "",
                    List.of(
                            Table.text(label),
                            Table.number(shown.apply(estimate.mean()), "mean", estimate.mean()),
                            Table.number(
                                    estimate.ciLow().isPresent()
                                            ? shown.apply(estimate.ciLow().getAsDouble())
                                            : "–",
                                    "ci-low",
                                    estimate.ciLow().orElse(Double.NaN)),
                            Table.number(
                                    estimate.ciHigh().isPresent()
                                            ? shown.apply(estimate.ciHigh().getAsDouble())
                                            : "–",
                                    "ci-high",
                                    estimate.ciHigh().orElse(Double.NaN))),
                    "data-kpi",
                    kpi.key());
        }
        page.raw(cards.append("</div>").toString());
        page.raw("<div style=\"margin-top:12px\">").raw(table.end()).raw("</div>");
        page.endSection();
    }

    private static void states(ReportPage page, Messages m, ExperimentResult result, Optional<String> bottleneck) {
        page.section("states", m.get("section.states"), m.get("section.states.note"));
        List<StateBars.Row> rows = new ArrayList<>();
        Table table = new Table(
                "stations",
                m.get("col.station"),
                m.get("col.utilisation"),
                Words.state(m, "working"),
                Words.state(m, "blocked"),
                Words.state(m, "starved"),
                Words.state(m, "down"),
                Words.state(m, "setup"),
                Words.state(m, "offShift"),
                m.get("col.good"),
                m.get("col.scrap"),
                m.get("col.oee"));
        for (StationSummary station : result.stations().values()) {
            StateShares s = station.states();
            Map<String, Double> shares = new LinkedHashMap<>();
            shares.put("working", s.working());
            shares.put("blocked", s.blocked());
            shares.put("starved", s.starved());
            shares.put("down", s.down());
            shares.put("setup", s.setup());
            shares.put("offShift", s.offShift());
            boolean isBottleneck = bottleneck.filter(station.id()::equals).isPresent();
            rows.add(new StateBars.Row(
                    station.id(), shares, m.get("col.oee") + " " + m.percent(station.oee()), isBottleneck));
            List<Table.Cell> cells = new ArrayList<>();
            cells.add(Table.text(station.id()));
            cells.add(Table.number(m.percent(station.utilization()), "utilization", station.utilization()));
            for (String state : StateColors.STATES) {
                double value = shares.get(state);
                cells.add(Table.number(m.percent(value), "share", value));
            }
            cells.add(Table.number(m.number(station.good()), "good", station.good()));
            cells.add(Table.number(m.number(station.scrap()), "scrap", station.scrap()));
            cells.add(Table.number(m.percent(station.oee()), "oee", station.oee()));
            table.row(isBottleneck ? "highlight" : "", cells, "data-station", station.id());
        }
        page.scroll(StateBars.render(rows, state -> Words.state(m, state), m::percent, m.get("section.states")));
        page.raw("<div class=\"scroll\" style=\"margin-top:12px\">")
                .raw(table.end())
                .raw("</div>");
        page.endSection();
    }

    private static void overTime(ReportPage page, Messages m, RunSeries series) {
        page.section("over-time", m.get("section.overTime"), m.get("section.overTime.note"));
        double[] hours = series.hours();
        double warmupHours = (series.windowStartSeconds() - series.startSeconds()) / 3600;
        List<String> charts = new ArrayList<>();
        charts.add(bandChart(
                m, hours, warmupHours, series.throughput(), Words.kpiWithUnit(m, Kpi.THROUGHPUT_PER_HOUR), "#0b5cad"));
        charts.add(bandChart(m, hours, warmupHours, series.wip(), Words.kpiWithUnit(m, Kpi.WIP), "#8e44ad"));
        page.charts(charts);
        page.endSection();
    }

    private static String bandChart(
            Messages m, double[] hours, double warmupHours, RunSeries.Band band, String yTitle, String colour) {
        List<XyChart.Band> bands = new ArrayList<>();
        bands.add(new XyChart.Band(band.min(), band.max(), 0.15, m.get("chart.range")));
        if (!Double.isNaN(band.ciLow()[0])) {
            bands.add(new XyChart.Band(band.ciLow(), band.ciHigh(), 0.3, m.get("chart.ci")));
        }
        XyChart chart = new XyChart(m.get("chart.hours"), yTitle, m::tick, m::tick)
                .yFromZero()
                .add(new XyChart.Series(m.get("chart.mean"), colour, hours, band.mean(), false, bands));
        if (warmupHours > 0) {
            chart.shade(new XyChart.Region(0, warmupHours, m.get("chart.warmup")));
        }
        return chart.render(540, 300, yTitle);
    }

    private static void levels(ReportPage page, Messages m, LineSpec line, RunSeries series) {
        if (line.buffers().isEmpty()) {
            return;
        }
        page.section("buffers", m.get("section.buffers"), m.get("section.buffers.note"));
        Map<String, double[]> shares = series.levelShares(line);
        List<String> charts = new ArrayList<>();
        for (BufferSpec buffer : line.buffers()) {
            double[] byLevel = shares.get(buffer.id());
            int top = buffer.capacity() == BufferSpec.UNLIMITED
                    ? byLevel.length - 1
                    : Math.max(byLevel.length - 1, Math.min(buffer.capacity(), 1_000_000));
            int bins = Math.min(top + 1, 24);
            int width = (int) Math.ceil((top + 1) / (double) bins);
            int count = (int) Math.ceil((top + 1) / (double) width);
            int[] lows = new int[count];
            double[] binned = new double[count];
            for (int i = 0; i < count; i++) {
                lows[i] = i * width;
            }
            for (int level = 0; level < byLevel.length; level++) {
                binned[Math.min(count - 1, level / width)] += byLevel[level];
            }
            String title =
                    buffer.id() + " (" + m.get("col.capacity") + " " + Words.capacity(m, buffer.capacity()) + ")";
            charts.add(Histogram.render(
                    buffer.id(),
                    title,
                    lows,
                    top,
                    binned,
                    m.get("chart.level"),
                    v -> m.percent(v, 0),
                    m.get("chart.levels.of", buffer.id())));
        }
        page.charts(charts);
        page.endSection();
    }
}
