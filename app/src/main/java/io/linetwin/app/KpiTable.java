package io.linetwin.app;

import io.linetwin.model.LineCalendar;
import io.linetwin.model.OutputUnits;
import io.linetwin.model.Scenario;
import io.linetwin.model.UnitName;
import io.linetwin.report.Words;
import io.linetwin.report.i18n.Lang;
import io.linetwin.report.i18n.Messages;
import io.linetwin.report.i18n.TextWidth;
import io.linetwin.sim.MaterialResult;
import io.linetwin.sim.ReplicationResult;
import io.linetwin.sim.StateShares;
import io.linetwin.sim.experiment.Comparison;
import io.linetwin.sim.experiment.Estimate;
import io.linetwin.sim.experiment.ExperimentResult;
import io.linetwin.sim.experiment.Kpi;
import io.linetwin.sim.experiment.StationSummary;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * The human-readable tables of {@code run} and {@code compare}: figures in the scenario's units, numbers by
 * magnitude ({@link Numbers}), lead times in the unit that suits them, OEE in percent; every word from the
 * messages of the chosen language, columns padded by terminal width so Chinese tables line up too.
 */
final class KpiTable {

    private static final int[] ROW = {-36, 12};
    private static final int[] STATION = {-16, 7, 7, 7, 7, 7, 7, 7, 10, 8, 7};
    private static final int[] COMPARE = {-26, 10, 10, 11, 8};
    private static final Messages ENGLISH = Messages.of(Lang.EN);

    private KpiTable() {}

    static void printRun(
            PrintWriter out,
            Scenario scenario,
            ExperimentResult result,
            OutputFigures figures,
            double startClockSeconds) {
        printRun(out, scenario, result, figures, startClockSeconds, ENGLISH);
    }

    static void printRun(
            PrintWriter out,
            Scenario scenario,
            ExperimentResult result,
            OutputFigures figures,
            double startClockSeconds,
            Messages m) {
        String bottleneck = result.bottleneck().orElse(m.get("cli.none"));
        int n = result.replications().size();
        out.println(m.get(
                "cli.run.header",
                scenario.name(),
                variant(m, result.variant()),
                m.get(n == 1 ? "cli.replication" : "cli.replications", n),
                duration(m, result.experiment().horizonSeconds()),
                duration(m, result.experiment().warmupSeconds()),
                result.experiment().seed()));
        LineCalendar calendar = result.experiment().calendar();
        double from = startClockSeconds + result.experiment().warmupSeconds();
        out.println(m.get(
                "cli.statistics",
                calendar(m, calendar.format(from)),
                calendar(m, calendar.format(from + result.experiment().horizonSeconds())),
                figures.hasShifts() ? m.get("cli.onShift", Numbers.of(figures.productionHours())) : ""));
        out.println();
        OutputUnits units = figures.units();
        String rate = units.oneUnit() ? m.get("cli.perHour", plural(m, units.line())) : m.get("cli.rate.all");
        line(out, ROW, "   " + m.get("cli.ci"), m.get("cli.kpi"), m.get("cli.mean"));
        row(out, m, m.get("cli.throughput", rate), figures.perCalendarHour());
        if (figures.hasShifts()) {
            row(out, m, m.get("cli.perProductionHour", rate), figures.perProductionHour());
            String total = units.oneUnit() ? plural(m, units.line()) : m.get("cli.parts");
            row(out, m, m.get("cli.perShift", total), figures.perShift().orElseThrow());
            row(out, m, m.get("cli.perDay", total), figures.perDay());
            row(out, m, m.get("cli.perWeek", total), figures.perWeek());
        }
        if (figures.perCalendarHourByProduct().size() > 1) {
            figures.perCalendarHourByProduct()
                    .forEach((product, estimate) -> row(
                            out,
                            m,
                            m.get("cli.byProduct", product, m.get("cli.perHour", plural(m, units.product(product)))),
                            estimate));
        }
        if (figures.wipByUnit().size() > 1) {
            figures.wipByUnit().forEach((unit, estimate) -> row(out, m, m.get("cli.wip", plural(m, unit)), estimate));
        } else {
            String unit = figures.wipByUnit().keySet().stream()
                    .findFirst()
                    .map(u -> plural(m, u))
                    .orElse(m.get("cli.parts"));
            row(out, m, m.get("cli.wip", unit), result.estimate(Kpi.WIP));
        }
        Estimate lead = result.estimate(Kpi.LEAD_TIME_SECONDS);
        TimeUnit leadUnit = TimeUnit.suiting(lead.mean());
        row(out, m, m.get("cli.leadTime", m.get(leadUnit.key)), lead, leadUnit.fromSeconds, Numbers::of);
        row(out, m, m.get("cli.oee", bottleneck), result.estimate(Kpi.OEE), v -> v, Numbers::percent);
        out.println();
        printStations(out, m, result, units);
        printMaterialsAndFleet(out, m, result);
        out.println(m.get("cli.bottleneck", bottleneck));
        out.println(m.get(
                "cli.events",
                String.format(Locale.ROOT, "%,d", result.events()),
                String.format(Locale.ROOT, "%.2f", result.wallSeconds()),
                String.format(
                        Locale.ROOT, "%,.0f", result.wallSeconds() > 0 ? result.events() / result.wallSeconds() : 0)));
        out.flush();
    }

    private static void printStations(PrintWriter out, Messages m, ExperimentResult result, OutputUnits units) {
        Map<String, StationSummary> stations = result.stations();
        boolean showUnits =
                stations.keySet().stream().anyMatch(id -> !units.station(id).equals(UnitName.PART));
        line(
                out,
                STATION,
                showUnits ? "   " + m.get("cli.col.unit") : "",
                m.get("cli.col.station"),
                m.get("cli.col.util"),
                m.get("cli.col.working"),
                m.get("cli.col.blocked"),
                m.get("cli.col.starved"),
                m.get("cli.col.down"),
                m.get("cli.col.setup"),
                m.get("cli.col.offShift"),
                m.get("cli.col.good"),
                m.get("cli.col.scrap"),
                m.get("cli.col.oee"));
        for (StationSummary station : stations.values()) {
            StateShares s = station.states();
            line(
                    out,
                    STATION,
                    showUnits ? "   " + plural(m, units.station(station.id())) : "",
                    station.id(),
                    Numbers.percent(station.utilization()),
                    Numbers.percent(s.working()),
                    Numbers.percent(s.blocked()),
                    Numbers.percent(s.starved()),
                    Numbers.percent(s.down()),
                    Numbers.percent(s.setup()),
                    Numbers.percent(s.offShift()),
                    Numbers.of(station.good()),
                    Numbers.of(station.scrap()),
                    Numbers.percent(station.oee()));
        }
        out.println();
    }

    static void printComparisons(PrintWriter out, Scenario scenario, List<Comparison> comparisons, double minEffect) {
        printComparisons(out, scenario, comparisons, minEffect, ENGLISH);
    }

    static void printComparisons(
            PrintWriter out, Scenario scenario, List<Comparison> comparisons, double minEffect, Messages m) {
        if (comparisons.isEmpty()) {
            out.println(m.get("cli.compare.none", scenario.name()));
            out.flush();
            return;
        }
        ExperimentResult baseline = comparisons.get(0).baseline();
        OutputUnits units = OutputUnits.of(scenario.line(), scenario.output());
        out.println(m.get(
                "cli.compare.header",
                scenario.name(),
                baseline.replications().size(),
                duration(m, baseline.experiment().horizonSeconds()),
                baseline.experiment().seed(),
                Numbers.percent(minEffect)));
        for (Comparison comparison : comparisons) {
            out.println();
            out.println(comparison.variant().variant());
            List<String[]> rows = new ArrayList<>();
            compareLine(
                    rows,
                    m.get("cli.kpi"),
                    m.get("cli.col.baseline"),
                    m.get("cli.col.variant"),
                    m.get("cli.col.difference"),
                    m.get("cli.col.change"),
                    m.get("cli.col.ciDifference"),
                    m.get("cli.col.verdict"));
            for (Kpi kpi : Kpi.values()) {
                Comparison.Difference difference = comparison.differences().get(kpi);
                boolean oee = kpi == Kpi.OEE;
                compareLine(
                        rows,
                        label(m, kpi, units),
                        noData(
                                m,
                                oee
                                        ? Numbers.percent(comparison
                                                .baseline()
                                                .estimate(kpi)
                                                .mean())
                                        : Numbers.of(comparison
                                                .baseline()
                                                .estimate(kpi)
                                                .mean())),
                        noData(
                                m,
                                oee
                                        ? Numbers.percent(comparison
                                                .variant()
                                                .estimate(kpi)
                                                .mean())
                                        : Numbers.of(comparison
                                                .variant()
                                                .estimate(kpi)
                                                .mean())),
                        noData(
                                m,
                                oee
                                        ? points(m, difference.estimate().mean())
                                        : Numbers.signed(difference.estimate().mean())),
                        Double.isNaN(comparison.relativeChange(kpi))
                                ? "-"
                                : Numbers.signedPercent(comparison.relativeChange(kpi)),
                        noData(
                                m,
                                oee
                                        ? pointInterval(m, difference.estimate())
                                        : signedInterval(m, difference.estimate())),
                        Words.verdict(m, difference.verdict()));
            }
            printCompareRows(out, rows);
        }
        out.flush();
    }

    /** One row of a comparison: KPI, baseline, variant, difference, change, interval, verdict. */
    private static void compareLine(
            List<String[]> rows,
            String kpi,
            String base,
            String variant,
            String difference,
            String change,
            String interval,
            String verdict) {
        rows.add(new String[] {kpi, base, variant, difference, change, interval, verdict});
    }

    /**
     * "  KPI  baseline ... 95 % CI of difference verdict": two spaces in, the columns at their usual widths (the
     * interval 26) or wider where a cell needs it (a difference in percentage points, "+3.316 个百分点"), so that
     * every row of the table lines up.
     */
    private static void printCompareRows(PrintWriter out, List<String[]> rows) {
        int[] widths = new int[COMPARE.length + 1];
        for (int i = 0; i < widths.length; i++) {
            int usual = i < COMPARE.length ? COMPARE[i] : -26;
            int widest = Math.abs(usual);
            for (String[] row : rows) {
                widest = Math.max(widest, TextWidth.of(row[i]));
            }
            widths[i] = usual < 0 ? -widest : widest;
        }
        for (String[] row : rows) {
            StringBuilder text = new StringBuilder("  ");
            for (int i = 0; i < COMPARE.length; i++) {
                text.append(i == 0 ? "" : " ").append(TextWidth.pad(row[i], widths[i]));
            }
            text.append("   ")
                    .append(TextWidth.pad(row[COMPARE.length], widths[COMPARE.length]))
                    .append(' ')
                    .append(row[COMPARE.length + 1]);
            out.println(text);
        }
    }

    /** Cells padded to {@code widths} (negative: left-aligned), separated by a space, then {@code tail} as is. */
    private static void line(PrintWriter out, int[] widths, String tail, String... cells) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            text.append(i == 0 ? "" : " ").append(TextWidth.pad(cells[i], widths[i]));
        }
        out.println(text.append(tail));
    }

    /** Means over replications; only for lines that have materials or an AGV fleet. */
    private static void printMaterialsAndFleet(PrintWriter out, Messages m, ExperimentResult result) {
        List<ReplicationResult> runs = result.replications();
        for (MaterialResult material : runs.get(0).materials()) {
            String id = material.id();
            out.println(m.get(
                    "cli.material",
                    id,
                    Numbers.of(mean(runs, r -> r.material(id).orElseThrow().consumed())),
                    Numbers.of(mean(runs, r -> r.material(id).orElseThrow().receipts())),
                    Numbers.of(mean(runs, r -> r.material(id).orElseThrow().initialStock())),
                    Numbers.of(mean(runs, r -> r.material(id).orElseThrow().finalStock())),
                    Numbers.of(mean(runs, r -> r.material(id).orElseThrow().stockOuts()))));
        }
        if (runs.get(0).transport().isPresent()) {
            out.println(m.get(
                    "cli.agvs",
                    runs.get(0).transport().orElseThrow().vehicles(),
                    Numbers.percent(mean(runs, r -> r.transport().orElseThrow().utilization())),
                    Numbers.percent(mean(runs, r -> r.transport().orElseThrow().emptyTravelShare())),
                    Numbers.of(mean(runs, r -> r.transport().orElseThrow().deliveries()))));
        }
    }

    /** The baseline in the reader's word; a variant keeps its name from the scenario. */
    private static String variant(Messages m, String name) {
        return Scenario.BASELINE.equals(name) ? m.get("baseline") : name;
    }

    /** A unit's plural; the default unit, "parts", in the reader's word. */
    private static String plural(Messages m, UnitName unit) {
        return unit.equals(UnitName.PART) ? m.get("cli.parts") : unit.plural();
    }

    private static String calendar(Messages m, String text) {
        return m.calendar(text);
    }

    private static String noData(Messages m, String cell) {
        return cell.equals(Numbers.NO_DATA) ? m.get("cli.noData") : cell;
    }

    /** "7d", "1d8h" in English; the reader's units otherwise. */
    private static String duration(Messages m, double seconds) {
        return m.lang() == Lang.EN ? duration(seconds) : m.duration(seconds);
    }

    private static double mean(List<ReplicationResult> runs, ToDoubleFunction<ReplicationResult> value) {
        return runs.stream().mapToDouble(value).average().orElse(0);
    }

    private static String label(Messages m, Kpi kpi, OutputUnits units) {
        return switch (kpi) {
            case THROUGHPUT_PER_HOUR ->
                m.get(
                        "cli.throughput",
                        m.get("cli.perHour", units.oneUnit() ? plural(m, units.line()) : m.get("cli.parts")));
            case WIP -> m.get("cli.label.wip");
            case LEAD_TIME_SECONDS -> m.get("cli.leadTime", m.get("cli.unit.s"));
            case OEE -> m.get("cli.label.oee");
        };
    }

    private static void row(PrintWriter out, Messages m, String label, Estimate estimate) {
        row(out, m, label, estimate, v -> v, Numbers::of);
    }

    private static void row(
            PrintWriter out,
            Messages m,
            String label,
            Estimate estimate,
            DoubleUnaryOperator scale,
            java.util.function.DoubleFunction<String> format) {
        if (!estimate.hasData()) {
            line(out, ROW, "   " + m.get("cli.noneLeft"), label, m.get("cli.noData"));
            return;
        }
        String interval = estimate.ciLow().isEmpty()
                ? m.get("ci.none")
                : "[" + format.apply(scale.applyAsDouble(estimate.ciLow().getAsDouble())) + ", "
                        + format.apply(scale.applyAsDouble(estimate.ciHigh().getAsDouble())) + "]";
        line(out, ROW, "   " + interval, label, format.apply(scale.applyAsDouble(estimate.mean())));
    }

    /** As {@link #interval(Estimate)}, the words in the reader's language. */
    static String interval(Messages m, Estimate estimate) {
        if (!estimate.hasData()) {
            return m.get("cli.noData");
        }
        if (estimate.ciLow().isEmpty()) {
            return m.get("ci.none");
        }
        return interval(estimate);
    }

    /** A CI as "[low, high]" formatted by magnitude, or why there is none. */
    static String interval(Estimate estimate) {
        if (!estimate.hasData()) {
            return Numbers.NO_DATA;
        }
        if (estimate.ciLow().isEmpty()) {
            return "(one replication: no CI)";
        }
        return "[" + Numbers.of(estimate.ciLow().getAsDouble()) + ", "
                + Numbers.of(estimate.ciHigh().getAsDouble()) + "]";
    }

    private static String signedInterval(Messages m, Estimate estimate) {
        if (!estimate.hasData()) {
            return m.get("cli.noData");
        }
        if (estimate.ciLow().isEmpty()) {
            return m.get("ci.none");
        }
        return "[" + Numbers.signed(estimate.ciLow().getAsDouble()) + ", "
                + Numbers.signed(estimate.ciHigh().getAsDouble()) + "]";
    }

    /** An OEE difference in percentage points. */
    private static String points(Messages m, double difference) {
        return Double.isNaN(difference) ? m.get("cli.noData") : m.get("cli.points", Numbers.signed(difference * 100));
    }

    private static String pointInterval(Messages m, Estimate estimate) {
        if (!estimate.hasData() || estimate.ciLow().isEmpty()) {
            return signedInterval(m, estimate);
        }
        return "[" + points(m, estimate.ciLow().getAsDouble()) + ", "
                + points(m, estimate.ciHigh().getAsDouble()) + "]";
    }

    /** The unit a lead time reads best in: seconds up to 2 min, minutes up to 2 h, then hours. */
    private enum TimeUnit {
        SECONDS("cli.unit.s", 1),
        MINUTES("cli.unit.min", 60),
        HOURS("cli.unit.h", 3600);

        private final String key;
        private final DoubleUnaryOperator fromSeconds;

        TimeUnit(String key, double seconds) {
            this.key = key;
            this.fromSeconds = v -> v / seconds;
        }

        static TimeUnit suiting(double seconds) {
            if (Double.isNaN(seconds) || seconds < 120) {
                return SECONDS;
            }
            return seconds < 7200 ? MINUTES : HOURS;
        }
    }

    static String duration(double seconds) {
        if (seconds == 0) {
            return "0s";
        }
        double[] sizes = {86400, 3600, 60, 1};
        String[] units = {"d", "h", "m", "s"};
        StringBuilder text = new StringBuilder();
        double rest = seconds;
        for (int i = 0; i < sizes.length; i++) {
            if (rest >= sizes[i]) {
                double whole = Math.floor(rest / sizes[i]);
                text.append(String.format(Locale.ROOT, "%.0f%s", whole, units[i]));
                rest -= whole * sizes[i];
            }
        }
        if (rest > 1e-9) {
            return Numbers.of(seconds) + "s";
        }
        return text.toString();
    }
}
