package io.linetwin.app.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.LineCalendar;
import io.linetwin.predict.health.MaintenanceRisk;
import io.linetwin.sim.experiment.Estimate;
import java.util.List;

/**
 * The JSON of {@code health risk --json}: per machine the risks, the expected loss, the best window and the loss
 * at every candidate window, so a planner can see how much the best one saves over the others.
 */
public final class RiskJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RiskJson() {}

    /**
     * @param lookAheadStartSeconds engine time the look-ahead starts at (0, or a warm start's clock); times are
     *                              written in the scenario's calendar from there ("Sun 06:00", with a start date
     *                              "2026-12-13 Sun 06:00")
     */
    public static ObjectNode document(
            String scenario,
            ExperimentSpec experiment,
            double lookAheadStartSeconds,
            List<MaintenanceRisk.Report> reports) {
        return document(scenario, experiment, lookAheadStartSeconds, reports, "parts", Double.NaN);
    }

    /**
     * As above, with the unit the losses count ({@code "pallets"}: the line's output unit) and the maintenance's
     * duration (each window then has its {@code end}).
     */
    public static ObjectNode document(
            String scenario,
            ExperimentSpec experiment,
            double lookAheadStartSeconds,
            List<MaintenanceRisk.Report> reports,
            String unit,
            double maintenanceSeconds) {
        LineCalendar calendar = experiment.calendar();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("scenario", scenario);
        root.put("horizonSeconds", experiment.horizonSeconds());
        root.put("replications", experiment.replications());
        root.put("seed", experiment.seed());
        root.put("lookAheadStart", calendar.format(lookAheadStartSeconds));
        root.put("unit", unit);
        if (!Double.isNaN(maintenanceSeconds)) {
            number(root, "maintenanceSeconds", maintenanceSeconds);
        }
        ObjectNode machines = root.putObject("machines");
        for (MaintenanceRisk.Report report : reports) {
            ObjectNode machine = machines.putObject(report.machine());
            number(machine, "workingShare", report.workingShare());
            ObjectNode risk = machine.putObject("riskOfFailureWithin");
            number(risk, "8h", report.riskWithin8h());
            number(risk, "24h", report.riskWithin24h());
            number(risk, "7d", report.riskWithin7d());
            estimate(machine.putObject("expectedLossParts"), report.expectedLossParts());
            report.bestWindow()
                    .ifPresentOrElse(
                            best -> window(
                                    machine.putObject("bestWindow"),
                                    best,
                                    calendar,
                                    lookAheadStartSeconds,
                                    maintenanceSeconds),
                            () -> machine.putNull("bestWindow"));
            var windows = machine.putArray("windows");
            for (MaintenanceRisk.Window candidate : report.windows()) {
                window(windows.addObject(), candidate, calendar, lookAheadStartSeconds, maintenanceSeconds);
            }
        }
        return root;
    }

    private static void window(
            ObjectNode node,
            MaintenanceRisk.Window window,
            LineCalendar calendar,
            double lookAheadStartSeconds,
            double maintenanceSeconds) {
        number(node, "startSeconds", window.startSeconds());
        node.put("at", calendar.format(lookAheadStartSeconds + window.startSeconds()));
        if (!Double.isNaN(maintenanceSeconds)) {
            node.put("end", calendar.format(lookAheadStartSeconds + window.startSeconds() + maintenanceSeconds));
        }
        node.put("kind", window.kind().jsonName());
        estimate(node.putObject("lossParts"), window.lossParts());
    }

    private static void estimate(ObjectNode node, Estimate estimate) {
        number(node, "mean", estimate.mean());
        number(node, "ciLow", estimate.ciLow().orElse(Double.NaN));
        number(node, "ciHigh", estimate.ciHigh().orElse(Double.NaN));
    }

    /**
     * A number, or null where there is none: an estimate without data ({@link Estimate#NO_DATA}) has a NaN mean,
     * which Jackson would write as the string "NaN", and no reader of JSON takes an infinity either.
     */
    private static void number(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }
}
