package io.linetwin.app;

import io.linetwin.model.Scenario;
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
import java.util.function.ToDoubleFunction;

/** The human-readable tables of {@code run} and {@code compare}. */
final class KpiTable {

    private KpiTable() {
    }

    static void printRun(PrintWriter out, Scenario scenario, ExperimentResult result) {
        String bottleneck = result.bottleneck().orElse("none");
        out.printf(Locale.ROOT, "%s · %s · %d replication%s × %s after %s warm-up · seed %d%n%n",
                scenario.name(), result.variant(), result.replications().size(),
                result.replications().size() == 1 ? "" : "s",
                duration(result.experiment().horizonSeconds()), duration(result.experiment().warmupSeconds()),
                result.experiment().seed());
        out.printf(Locale.ROOT, "%-28s %14s   %-31s%n", "KPI", "mean", "95 % CI");
        for (Kpi kpi : Kpi.values()) {
            Estimate estimate = result.estimate(kpi);
            out.printf(Locale.ROOT, "%-28s %14s   %-31s%n", label(kpi, bottleneck), number(estimate.mean()),
                    interval(estimate));
        }
        out.println();
        out.printf(Locale.ROOT, "%-16s %7s %7s %7s %7s %7s %7s %7s %12s %10s %7s%n", "station", "util", "working",
                "blocked", "starved", "down", "setup", "offShft", "good", "scrap", "OEE");
        for (StationSummary station : result.stations().values()) {
            StateShares s = station.states();
            out.printf(Locale.ROOT, "%-16s %7s %7s %7s %7s %7s %7s %7s %12s %10s %7s%n", station.id(),
                    percent(station.utilization()), percent(s.working()), percent(s.blocked()), percent(s.starved()),
                    percent(s.down()), percent(s.setup()), percent(s.offShift()), number(station.good()),
                    number(station.scrap()), percent(station.oee()));
        }
        out.println();
        printMaterialsAndFleet(out, result);
        out.printf(Locale.ROOT, "bottleneck: %s%n", bottleneck);
        out.printf(Locale.ROOT, "events: %,d in %.2f s (%,.0f events/s)%n", result.events(), result.wallSeconds(),
                result.wallSeconds() > 0 ? result.events() / result.wallSeconds() : 0);
        out.flush();
    }

    static void printComparisons(PrintWriter out, Scenario scenario, List<Comparison> comparisons) {
        if (comparisons.isEmpty()) {
            out.printf("%s has no variants to compare%n", scenario.name());
            out.flush();
            return;
        }
        ExperimentResult baseline = comparisons.get(0).baseline();
        out.printf(Locale.ROOT, "%s · paired comparison with the baseline · %d replications × %s · seed %d%n",
                scenario.name(), baseline.replications().size(), duration(baseline.experiment().horizonSeconds()),
                baseline.experiment().seed());
        for (Comparison comparison : comparisons) {
            out.printf(Locale.ROOT, "%n%s%n", comparison.variant().variant());
            out.printf(Locale.ROOT, "  %-24s %14s %14s %14s   %-31s %s%n", "KPI", "baseline", "variant", "difference",
                    "95 % CI of difference", "verdict");
            for (Kpi kpi : Kpi.values()) {
                Comparison.Difference difference = comparison.differences().get(kpi);
                out.printf(Locale.ROOT, "  %-24s %14s %14s %14s   %-31s %s%n", label(kpi, null),
                        number(comparison.baseline().estimate(kpi).mean()),
                        number(comparison.variant().estimate(kpi).mean()),
                        signed(difference.estimate().mean()), interval(difference.estimate()),
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
                    number(mean(runs, r -> r.material(id).orElseThrow().consumed())),
                    number(mean(runs, r -> r.material(id).orElseThrow().receipts())),
                    number(mean(runs, r -> r.material(id).orElseThrow().initialStock())),
                    number(mean(runs, r -> r.material(id).orElseThrow().finalStock())),
                    number(mean(runs, r -> r.material(id).orElseThrow().stockOuts())));
        }
        if (runs.get(0).transport().isPresent()) {
            out.printf(Locale.ROOT, "AGVs (%d): utilisation %.1f %%, empty travel %.1f %%, deliveries %s%n",
                    runs.get(0).transport().orElseThrow().vehicles(),
                    100 * mean(runs, r -> r.transport().orElseThrow().utilization()),
                    100 * mean(runs, r -> r.transport().orElseThrow().emptyTravelShare()),
                    number(mean(runs, r -> r.transport().orElseThrow().deliveries())));
        }
    }

    private static double mean(List<ReplicationResult> runs, ToDoubleFunction<ReplicationResult> value) {
        return runs.stream().mapToDouble(value).average().orElse(0);
    }

    private static String label(Kpi kpi, String bottleneck) {
        return switch (kpi) {
            case THROUGHPUT_PER_HOUR -> "throughput [parts/h]";
            case WIP -> "WIP [parts]";
            case LEAD_TIME_SECONDS -> "lead time [s]";
            case OEE -> bottleneck == null ? "OEE of the bottleneck" : "OEE (bottleneck " + bottleneck + ")";
        };
    }

    static String interval(Estimate estimate) {
        if (estimate.ciLow().isEmpty()) {
            return "(one replication: no CI)";
        }
        return "[" + number(estimate.ciLow().getAsDouble()) + ", " + number(estimate.ciHigh().getAsDouble()) + "]";
    }

    static String number(double value) {
        double magnitude = Math.abs(value);
        if (magnitude >= 1000) {
            return String.format(Locale.ROOT, "%,.1f", value);
        }
        if (magnitude >= 1 || value == 0) {
            return String.format(Locale.ROOT, "%.3f", value);
        }
        return String.format(Locale.ROOT, "%.4g", value);
    }

    static String signed(double value) {
        String text = number(value);
        return value > 0 ? "+" + text : text;
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    static String duration(double seconds) {
        if (seconds == 0) {
            return "0s";
        }
        double[] sizes = {86400, 3600, 60, 1};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (seconds >= sizes[i] && seconds % sizes[i] == 0) {
                return String.format(Locale.ROOT, "%.0f%s", seconds / sizes[i], units[i]);
            }
        }
        return String.format(Locale.ROOT, "%.3fs", seconds);
    }
}
