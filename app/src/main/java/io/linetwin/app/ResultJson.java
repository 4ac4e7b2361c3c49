package io.linetwin.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.LineCalendar;
import io.linetwin.model.OutputUnits;
import io.linetwin.model.Scenario;
import io.linetwin.model.StationStatus;
import io.linetwin.model.UnitName;
import io.linetwin.sim.MaterialResult;
import io.linetwin.sim.PartBalance;
import io.linetwin.sim.ReplicationResult;
import io.linetwin.sim.StateShares;
import io.linetwin.sim.TransportResult;
import io.linetwin.sim.experiment.Comparison;
import io.linetwin.sim.experiment.Estimate;
import io.linetwin.sim.experiment.ExperimentResult;
import io.linetwin.sim.experiment.Kpi;
import io.linetwin.sim.experiment.StationSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON documents that scripts and reports rely on: docs/cli.md and docs/schemas/. */
final class ResultJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultJson() {}

    /**
     * The document of {@code run --json} (docs/schemas/run.schema.json).
     *
     * @param startClockSeconds engine time the replications started at (0, or a warm start's clock)
     */
    static ObjectNode run(Scenario scenario, ExperimentResult result, OutputFigures figures, double startClockSeconds) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("scenario", scenario.name());
        root.put("variant", result.variant());
        root.put("replications", result.replications().size());
        root.put("horizonSeconds", result.experiment().horizonSeconds());
        root.put("warmupSeconds", result.experiment().warmupSeconds());
        LineCalendar calendar = result.experiment().calendar();
        root.put("start", calendar.format(startClockSeconds));
        ObjectNode kpis = root.putObject("kpis");
        for (Kpi kpi : Kpi.values()) {
            estimate(kpis.putObject(kpi.key()), result.estimate(kpi));
        }
        output(root.putObject("output"), figures);
        ObjectNode wip = root.putObject("wipByUnit");
        figures.wipByUnit().forEach((unit, estimate) -> estimate(wip.putObject(unit.singular()), estimate));
        ObjectNode stations = root.putObject("stations");
        for (StationSummary summary : result.stations().values()) {
            ObjectNode station = stations.putObject(summary.id());
            station.put("utilization", summary.utilization());
            states(station.putObject("states"), summary.states());
            station.put("good", summary.good());
            station.put("scrap", summary.scrap());
            station.put("unit", figures.units().station(summary.id()).singular());
            station.put("oee", summary.oee());
            station.put("availability", summary.availability());
            station.put("performance", summary.performance());
            station.put("quality", summary.quality());
            station.put("plannedStop", summary.plannedStop());
        }
        result.bottleneck().ifPresentOrElse(b -> root.put("bottleneck", b), () -> root.putNull("bottleneck"));
        if (!result.replications().get(0).materials().isEmpty()) {
            materials(root.putObject("materials"), result.replications());
        }
        if (result.replications().get(0).transport().isPresent()) {
            List<TransportResult> fleets = result.replications().stream()
                    .map(r -> r.transport().orElseThrow())
                    .toList();
            ObjectNode transport = root.putObject("transport");
            transport.put("vehicles", fleets.get(0).vehicles());
            transport.put(
                    "utilization",
                    fleets.stream()
                            .mapToDouble(TransportResult::utilization)
                            .average()
                            .orElseThrow());
            transport.put(
                    "emptyTravelShare",
                    fleets.stream()
                            .mapToDouble(TransportResult::emptyTravelShare)
                            .average()
                            .orElseThrow());
            transport.put(
                    "deliveries",
                    fleets.stream()
                            .mapToLong(TransportResult::deliveries)
                            .average()
                            .orElseThrow());
        }
        balance(
                root.putObject("balance"),
                result.balance(),
                result.replications().size());
        ObjectNode meta = root.putObject("meta");
        meta.put("events", result.events());
        meta.put("wallSeconds", result.wallSeconds());
        meta.put("eventsPerSecond", result.wallSeconds() > 0 ? result.events() / result.wallSeconds() : 0);
        meta.put("seed", result.experiment().seed());
        meta.put("version", Main.version());
        return root;
    }

    /** The line's output in its unit: per calendar and production hour, per shift, day and week, per product. */
    private static void output(ObjectNode node, OutputFigures figures) {
        OutputUnits units = figures.units();
        unit(node, units.line());
        estimate(node.putObject("perCalendarHour"), figures.perCalendarHour());
        estimate(node.putObject("perProductionHour"), figures.perProductionHour());
        node.put("productionHours", figures.productionHours());
        figures.perShift()
                .ifPresentOrElse(e -> estimate(node.putObject("perShift"), e), () -> node.putNull("perShift"));
        estimate(node.putObject("perDay"), figures.perDay());
        estimate(node.putObject("perWeek"), figures.perWeek());
        ObjectNode byProduct = node.putObject("byProduct");
        figures.perCalendarHourByProduct().forEach((product, estimate) -> {
            ObjectNode entry = byProduct.putObject(product);
            unit(entry, units.product(product));
            estimate(entry.putObject("perCalendarHour"), estimate);
        });
    }

    private static void unit(ObjectNode node, UnitName unit) {
        node.put("unit", unit.singular());
        node.put("plural", unit.plural());
    }

    /**
     * Only for lines with materials (the document of other lines is unchanged): per material the means over
     * replications of the whole-run balance (initialStock + receipts - consumed = finalStock), orders, stock-outs,
     * and by station the units consumed and the seconds of the window it waited for the material.
     */
    private static void materials(ObjectNode node, List<ReplicationResult> replications) {
        int n = replications.size();
        for (MaterialResult first : replications.get(0).materials()) {
            String id = first.id();
            List<MaterialResult> all =
                    replications.stream().map(r -> r.material(id).orElseThrow()).toList();
            ObjectNode material = node.putObject(id);
            material.put(
                    "initialStock",
                    all.stream().mapToDouble(MaterialResult::initialStock).sum() / n);
            material.put(
                    "receipts",
                    all.stream().mapToDouble(MaterialResult::receipts).sum() / n);
            material.put(
                    "consumed",
                    all.stream().mapToDouble(MaterialResult::consumed).sum() / n);
            material.put(
                    "finalStock",
                    all.stream().mapToDouble(MaterialResult::finalStock).sum() / n);
            material.put(
                    "orders", all.stream().mapToDouble(MaterialResult::orders).sum() / n);
            material.put(
                    "stockOuts",
                    all.stream().mapToDouble(MaterialResult::stockOuts).sum() / n);
            ObjectNode consumed = material.putObject("consumedByStation");
            ObjectNode starved = material.putObject("starvedSecondsByStation");
            for (String station : first.consumedByStation().keySet()) {
                consumed.put(
                        station,
                        all.stream()
                                        .mapToDouble(m -> m.consumedByStation().get(station))
                                        .sum()
                                / n);
                starved.put(
                        station,
                        all.stream()
                                        .mapToDouble(
                                                m -> m.starvedSecondsByStation().get(station))
                                        .sum()
                                / n);
            }
        }
    }

    /**
     * Per node (station, buffer, conveyor, AGV move; scenario ids) the part balance over the window, as means over
     * replications: stockAtStart + in - out - scrapped - assembled = stockAtEnd. Lines with products add the
     * same per product under {@code byProduct}.
     */
    private static void balance(ObjectNode node, List<PartBalance> rows, int replications) {
        Map<String, List<PartBalance>> byNode = new LinkedHashMap<>();
        rows.forEach(row ->
                byNode.computeIfAbsent(row.node(), n -> new ArrayList<>()).add(row));
        byNode.forEach((id, productRows) -> {
            ObjectNode entry = node.putObject(id);
            entry.put("kind", productRows.get(0).kind());
            balanceFields(
                    entry,
                    productRows.stream()
                            .reduce((a, b) -> new PartBalance(
                                    a.node(),
                                    a.kind(),
                                    "",
                                    a.stockAtStart() + b.stockAtStart(),
                                    a.in() + b.in(),
                                    a.out() + b.out(),
                                    a.scrapped() + b.scrapped(),
                                    a.assembled() + b.assembled(),
                                    a.stockAtEnd() + b.stockAtEnd()))
                            .orElseThrow(),
                    replications);
            if (!productRows.get(0).product().isEmpty()) {
                ObjectNode byProduct = entry.putObject("byProduct");
                productRows.forEach(row -> balanceFields(byProduct.putObject(row.product()), row, replications));
            }
        });
    }

    private static void balanceFields(ObjectNode node, PartBalance row, int replications) {
        double n = replications;
        node.put("stockAtStart", row.stockAtStart() / n);
        node.put("in", row.in() / n);
        node.put("out", row.out() / n);
        node.put("scrapped", row.scrapped() / n);
        node.put("assembled", row.assembled() / n);
        node.put("stockAtEnd", row.stockAtEnd() / n);
    }

    /**
     * The document of {@code compare --json} (docs/schemas/compare.schema.json): the run's metadata, the baseline's
     * KPIs, and per variant its KPIs and the paired differences with their verdicts.
     */
    static ObjectNode compare(Scenario scenario, List<Comparison> comparisons, double minEffect) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("scenario", scenario.name());
        ExperimentSpec experiment = scenario.experiment();
        root.put("replications", experiment.replications());
        root.put("horizonSeconds", experiment.horizonSeconds());
        root.put("warmupSeconds", experiment.warmupSeconds());
        root.put("start", experiment.calendar().format(0));
        root.put("minEffect", minEffect);
        OutputUnits units = OutputUnits.of(scenario.line(), scenario.output());
        unit(root.putObject("output"), units.line());
        if (comparisons.isEmpty()) {
            root.putNull("baseline");
        } else {
            kpis(
                    root.putObject("baseline").putObject("kpis"),
                    comparisons.get(0).baseline());
        }
        ObjectNode variants = root.putObject("variants");
        long events = comparisons.isEmpty() ? 0 : comparisons.get(0).baseline().events();
        double wall = comparisons.isEmpty() ? 0 : comparisons.get(0).baseline().wallSeconds();
        for (Comparison comparison : comparisons) {
            ObjectNode variant = variants.putObject(comparison.variant().variant());
            kpis(variant.putObject("kpis"), comparison.variant());
            ObjectNode differences = variant.putObject("differences");
            for (Kpi kpi : Kpi.values()) {
                Comparison.Difference difference = comparison.differences().get(kpi);
                ObjectNode node = differences.putObject(kpi.key());
                number(node, "diffMean", difference.estimate().mean());
                interval(node, difference.estimate());
                number(node, "changePercent", 100 * comparison.relativeChange(kpi));
                node.put("verdict", difference.verdict().text());
            }
            events += comparison.variant().events();
            wall += comparison.variant().wallSeconds();
        }
        ObjectNode meta = root.putObject("meta");
        meta.put("events", events);
        meta.put("wallSeconds", wall);
        meta.put("seed", experiment.seed());
        meta.put("version", Main.version());
        return root;
    }

    private static void kpis(ObjectNode node, ExperimentResult result) {
        for (Kpi kpi : Kpi.values()) {
            estimate(node.putObject(kpi.key()), result.estimate(kpi));
        }
    }

    /** A number, or null where there is none (NaN: no data). */
    private static void number(ObjectNode node, String key, double value) {
        if (Double.isNaN(value)) {
            node.putNull(key);
        } else {
            node.put(key, value);
        }
    }

    /** Writes {@code document} to {@code file} atomically (see {@link OutputFiles}), checked by the caller. */
    static void write(ObjectNode document, Path file, OutputFiles outputs) throws IOException {
        outputs.write(file, out -> MAPPER.writeValue(out, document));
    }

    /** As {@link #write(ObjectNode, Path, OutputFiles)}, for a caller that checked nothing: still atomic. */
    static void write(ObjectNode document, Path file) throws IOException {
        write(document, file, new OutputFiles());
    }

    /** {@code {mean, ciLow, ciHigh}}; a mean of no data is null, like a missing interval. */
    static void estimate(ObjectNode node, Estimate estimate) {
        number(node, "mean", estimate.mean());
        interval(node, estimate);
    }

    static void interval(ObjectNode node, Estimate estimate) {
        if (estimate.ciLow().isPresent()) {
            node.put("ciLow", estimate.ciLow().getAsDouble());
            node.put("ciHigh", estimate.ciHigh().getAsDouble());
        } else {
            node.putNull("ciLow");
            node.putNull("ciHigh");
        }
    }

    private static void states(ObjectNode node, StateShares states) {
        for (StationStatus status : StationStatus.values()) {
            node.put(status.json(), states.of(status));
        }
    }
}
