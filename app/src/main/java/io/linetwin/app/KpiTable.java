package io.linetwin.app;

import io.linetwin.model.LineCalendar;
import io.linetwin.model.OutputUnits;
import io.linetwin.model.Scenario;
import io.linetwin.model.UnitName;
import io.linetwin.sim.MaterialResult;
import io.linetwin.sim.ReplicationResult;
import io.linetwin.sim.StateShares;
import io.linetwin.sim.experiment.Comparison;
import io.linetwin.sim.experiment.Estimate;
import io.linetwin.sim.experiment.ExperimentResult;
import io.linetwin.sim.experiment.Kpi;
import io.linetwin.sim.experiment.StationSummary;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * The human-readable tables of {@code run} and {@code compare}: figures in the scenario's units, numbers by
 * magnitude ({@link Numbers}), lead times in the unit that suits them, OEE in percent.
 */
final class KpiTable {

    private static final String ROW = "%-36s %12s   %s%n";

    private KpiTable() {
    }

    static void printRun(PrintWriter out, Scenario scenario, ExperimentResult result, OutputFigures figures,
            double startClockSeconds) {
        String bottleneck = result.bottleneck().orElse("none");
        int n = result.replications().size();
        out.printf(Locale.ROOT, "%s · %s · %d replication%s × %s after %s warm-up · seed %d%n",
                scenario.name(), result.variant(), n, n == 1 ? "" : "s",
                duration(result.experiment().horizonSeconds()), duration(result.experiment().warmupSeconds()),
                result.experiment().seed());
        LineCalendar calendar = result.experiment().calendar();
        double from = startClockSeconds + result.experiment().warmupSeconds();
        out.printf(Locale.ROOT, "statistics from %s to %s%s%n%n", calendar.format(from),
                calendar.format(from + result.experiment().horizonSeconds()),
                figures.hasShifts() ? " (" + Numbers.of(figures.productionHours()) + " h on shift)" : "");
        OutputUnits units = figures.units();
        String rate = units.oneUnit() ? units.line().plural() + "/h" : "parts/h, all products";
        out.printf(Locale.ROOT, ROW, "KPI", "mean", "95 % CI");
        row(out, "throughput [" + rate + "]", figures.perCalendarHour());
        if (figures.hasShifts()) {
            row(out, "  per production hour [" + rate + "]", figures.perProductionHour());
            String total = units.oneUnit() ? units.line().plural() : "parts";
            row(out, "  per shift [" + total + "]", figures.perShift().orElseThrow());
            row(out, "  per day [" + total + "]", figures.perDay());
            row(out, "  per week [" + total + "]", figures.perWeek());
        }
        if (figures.perCalendarHourByProduct().size() > 1) {
            figures.perCalendarHourByProduct().forEach((product, estimate) ->
                    row(out, "  " + product + " [" + units.product(product).plural() + "/h]", estimate));
        }
        if (figures.wipByUnit().size() > 1) {
            figures.wipByUnit().forEach((unit, estimate) -> row(out, "WIP [" + unit.plural() + "]", estimate));
        } else {
            String unit = figures.wipByUnit().keySet().stream().findFirst().map(UnitName::plural).orElse("parts");
            row(out, "WIP [" + unit + "]", result.estimate(Kpi.WIP));
        }
        Estimate lead = result.estimate(Kpi.LEAD_TIME_SECONDS);
        TimeUnit leadUnit = TimeUnit.suiting(lead.mean());
        row(out, "lead time [" + leadUnit.symbol + "]", lead, leadUnit.fromSeconds, Numbers::of);
        row(out, "OEE (bottleneck " + bottleneck + ")", result.estimate(Kpi.OEE), v -> v, Numbers::percent);
        out.println();
        printStations(out, result, units);
        printMaterialsAndFleet(out, result);
        out.printf(Locale.ROOT, "bottleneck: %s%n", bottleneck);
        out.printf(Locale.ROOT, "events: %,d in %.2f s (%,.0f events/s)%n", result.events(), result.wallSeconds(),
                result.wallSeconds() > 0 ? result.events() / result.wallSeconds() : 0);
        out.flush();
    }

    private static void printStations(PrintWriter out, ExperimentResult result, OutputUnits units) {
        Map<String, StationSummary> stations = result.stations();
        boolean showUnits = stations.keySet().stream().anyMatch(id -> !units.station(id).equals(UnitName.PART));
        String format = "%-16s %7s %7s %7s %7s %7s %7s %7s %10s %8s %7s%s%n";
        out.printf(Locale.ROOT, format, "station", "util", "working", "blocked", "starved", "down", "setup",
                "offShft", "good", "scrap", "OEE", showUnits ? "   unit" : "");
        for (StationSummary station : stations.values()) {
            StateShares s = station.states();
            out.printf(Locale.ROOT, format, station.id(), Numbers.percent(station.utilization()),
                    Numbers.percent(s.working()), Numbers.percent(s.blocked()), Numbers.percent(s.starved()),
                    Numbers.percent(s.down()), Numbers.percent(s.setup()), Numbers.percent(s.offShift()),
                    Numbers.of(station.good()), Numbers.of(station.scrap()), Numbers.percent(station.oee()),
                    showUnits ? "   " + units.station(station.id()).plural() : "");
        }
        out.println();
    }

    static void printComparisons(PrintWriter out, Scenario scenario, List<Comparison> comparisons, double minEffect) {
        if (comparisons.isEmpty()) {
            out.printf("%s has no variants to compare%n", scenario.name());
            out.flush();
            return;
        }
        ExperimentResult baseline = comparisons.get(0).baseline();
        OutputUnits units = OutputUnits.of(scenario.line(), scenario.output());
        out.printf(Locale.ROOT, "%s · paired comparison with the baseline · %d replications × %s · seed %d · "
                        + "relevant from a %s change%n", scenario.name(), baseline.replications().size(),
                duration(baseline.experiment().horizonSeconds()), baseline.experiment().seed(),
                Numbers.percent(minEffect));
        String format = "  %-26s %10s %10s %11s %8s   %-26s %s%n";
        for (Comparison comparison : comparisons) {
            out.printf(Locale.ROOT, "%n%s%n", comparison.variant().variant());
            out.printf(Locale.ROOT, format, "KPI", "baseline", "variant", "difference", "change",
                    "95 % CI of difference", "verdict");
            for (Kpi kpi : Kpi.values()) {
                Comparison.Difference difference = comparison.differences().get(kpi);
                boolean oee = kpi == Kpi.OEE;
                out.printf(Locale.ROOT, format, label(kpi, units),
                        oee ? Numbers.percent(comparison.baseline().estimate(kpi).mean())
                                : Numbers.of(comparison.baseline().estimate(kpi).mean()),
                        oee ? Numbers.percent(comparison.variant().estimate(kpi).mean())
                                : Numbers.of(comparison.variant().estimate(kpi).mean()),
                        oee ? points(difference.estimate().mean()) : Numbers.signed(difference.estimate().mean()),
                        Double.isNaN(comparison.relativeChange(kpi)) ? "-"
                                : Numbers.signedPercent(comparison.relativeChange(kpi)),
                        oee ? pointInterval(difference.estimate()) : signedInterval(difference.estimate()),
                        difference.verdict().text());
            }
        }
        out.flush();
    }

    /** Means over replications; only for lines that have materials or an AGV fleet. */
    private static void printMaterialsAndFleet(PrintWriter out, ExperimentResult result) {
        List<ReplicationResult> runs = result.replications();
        for (MaterialResult material : runs.get(0).materials()) {
            String id = material.id();
            out.printf(Locale.ROOT, "material %s: consumed %s, received %s, stock %s → %s, stock-outs %s%n", id,
                    Numbers.of(mean(runs, r -> r.material(id).orElseThrow().consumed())),
                    Numbers.of(mean(runs, r -> r.material(id).orElseThrow().receipts())),
                    Numbers.of(mean(runs, r -> r.material(id).orElseThrow().initialStock())),
                    Numbers.of(mean(runs, r -> r.material(id).orElseThrow().finalStock())),
                    Numbers.of(mean(runs, r -> r.material(id).orElseThrow().stockOuts())));
        }
        if (runs.get(0).transport().isPresent()) {
            out.printf(Locale.ROOT, "AGVs (%d): utilisation %s, empty travel %s, deliveries %s%n",
                    runs.get(0).transport().orElseThrow().vehicles(),
                    Numbers.percent(mean(runs, r -> r.transport().orElseThrow().utilization())),
                    Numbers.percent(mean(runs, r -> r.transport().orElseThrow().emptyTravelShare())),
                    Numbers.of(mean(runs, r -> r.transport().orElseThrow().deliveries())));
        }
    }

    private static double mean(List<ReplicationResult> runs, ToDoubleFunction<ReplicationResult> value) {
        return runs.stream().mapToDouble(value).average().orElse(0);
    }

    private static String label(Kpi kpi, OutputUnits units) {
        return switch (kpi) {
            case THROUGHPUT_PER_HOUR -> "throughput [" + (units.oneUnit() ? units.line().plural() : "parts") + "/h]";
            case WIP -> "WIP [all units]";
            case LEAD_TIME_SECONDS -> "lead time [s]";
            case OEE -> "OEE of the bottleneck";
        };
    }

    private static void row(PrintWriter out, String label, Estimate estimate) {
        row(out, label, estimate, v -> v, Numbers::of);
    }

    private static void row(PrintWriter out, String label, Estimate estimate, DoubleUnaryOperator scale,
            java.util.function.DoubleFunction<String> format) {
        if (!estimate.hasData()) {
            out.printf(Locale.ROOT, ROW, label, Numbers.NO_DATA, "(no part left the line in the window)");
            return;
        }
        String interval = estimate.ciLow().isEmpty() ? "(one replication: no CI)"
                : "[" + format.apply(scale.applyAsDouble(estimate.ciLow().getAsDouble())) + ", "
                        + format.apply(scale.applyAsDouble(estimate.ciHigh().getAsDouble())) + "]";
        out.printf(Locale.ROOT, ROW, label, format.apply(scale.applyAsDouble(estimate.mean())), interval);
    }

    /** A CI as "[low, high]" formatted by magnitude, or why there is none. */
    static String interval(Estimate estimate) {
        if (!estimate.hasData()) {
            return Numbers.NO_DATA;
        }
        if (estimate.ciLow().isEmpty()) {
            return "(one replication: no CI)";
        }
        return "[" + Numbers.of(estimate.ciLow().getAsDouble()) + ", " + Numbers.of(estimate.ciHigh().getAsDouble())
                + "]";
    }

    private static String signedInterval(Estimate estimate) {
        if (!estimate.hasData()) {
            return Numbers.NO_DATA;
        }
        if (estimate.ciLow().isEmpty()) {
            return "(one replication: no CI)";
        }
        return "[" + Numbers.signed(estimate.ciLow().getAsDouble()) + ", "
                + Numbers.signed(estimate.ciHigh().getAsDouble()) + "]";
    }

    /** An OEE difference in percentage points. */
    private static String points(double difference) {
        return Double.isNaN(difference) ? Numbers.NO_DATA : Numbers.signed(difference * 100) + " pt";
    }

    private static String pointInterval(Estimate estimate) {
        if (!estimate.hasData() || estimate.ciLow().isEmpty()) {
            return signedInterval(estimate);
        }
        return "[" + points(estimate.ciLow().getAsDouble()) + ", " + points(estimate.ciHigh().getAsDouble()) + "]";
    }

    /** The unit a lead time reads best in: seconds up to 2 min, minutes up to 2 h, then hours. */
    private enum TimeUnit {
        SECONDS("s", 1),
        MINUTES("min", 60),
        HOURS("h", 3600);

        private final String symbol;
        private final DoubleUnaryOperator fromSeconds;

        TimeUnit(String symbol, double seconds) {
            this.symbol = symbol;
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
