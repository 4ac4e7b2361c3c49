package io.linetwin.app.health;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.linetwin.model.ExperimentSpec;
import io.linetwin.predict.health.MaintenanceRisk;
import io.linetwin.sim.experiment.Estimate;
import java.util.List;
import java.util.Locale;

/**
 * The JSON of {@code health risk --json}: per machine the risks, the expected loss, the best window and the loss
 * at every candidate window, so a planner can see how much the best one saves over the others.
 */
public final class RiskJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

    private RiskJson() {
    }

    /**
     * @param lookAheadStartSecondsOfWeek where the look-ahead starts, seconds after Monday 00:00
     */
    public static ObjectNode document(String scenario, ExperimentSpec experiment, double lookAheadStartSecondsOfWeek,
            List<MaintenanceRisk.Report> reports) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("scenario", scenario);
        root.put("horizonSeconds", experiment.horizonSeconds());
        root.put("replications", experiment.replications());
        root.put("seed", experiment.seed());
        root.put("lookAheadStart", calendar(lookAheadStartSecondsOfWeek));
        ObjectNode machines = root.putObject("machines");
        for (MaintenanceRisk.Report report : reports) {
            ObjectNode machine = machines.putObject(report.machine());
            machine.put("workingShare", report.workingShare());
            ObjectNode risk = machine.putObject("riskOfFailureWithin");
            risk.put("8h", report.riskWithin8h());
            risk.put("24h", report.riskWithin24h());
            risk.put("7d", report.riskWithin7d());
            estimate(machine.putObject("expectedLossParts"), report.expectedLossParts());
            report.bestWindow().ifPresentOrElse(
                    best -> window(machine.putObject("bestWindow"), best, lookAheadStartSecondsOfWeek),
                    () -> machine.putNull("bestWindow"));
            var windows = machine.putArray("windows");
            for (MaintenanceRisk.Window candidate : report.windows()) {
                window(windows.addObject(), candidate, lookAheadStartSecondsOfWeek);
            }
        }
        return root;
    }

    /** A time of week such as "Sun 06:00" for seconds after Monday 00:00 (wrapping to later weeks). */
    public static String calendar(double secondsOfWeek) {
        long minutes = Math.round(secondsOfWeek / 60) % (7 * 24 * 60);
        return String.format(Locale.ROOT, "%s %02d:%02d", DAYS[(int) (minutes / (24 * 60))],
                (minutes / 60) % 24, minutes % 60);
    }

    private static void window(ObjectNode node, MaintenanceRisk.Window window, double startOfWeek) {
        node.put("startSeconds", window.startSeconds());
        node.put("at", calendar(startOfWeek + window.startSeconds()));
        node.put("kind", window.kind().jsonName());
        estimate(node.putObject("lossParts"), window.lossParts());
    }

    private static void estimate(ObjectNode node, Estimate estimate) {
        node.put("mean", estimate.mean());
        if (estimate.ciLow().isPresent()) {
            node.put("ciLow", estimate.ciLow().getAsDouble());
            node.put("ciHigh", estimate.ciHigh().getAsDouble());
        } else {
            node.putNull("ciLow");
            node.putNull("ciHigh");
        }
    }
}
