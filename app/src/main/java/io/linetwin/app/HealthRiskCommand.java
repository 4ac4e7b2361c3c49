package io.linetwin.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.linetwin.app.health.RiskJson;
import io.linetwin.model.Distribution;
import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.FailureSpec;
import io.linetwin.model.LineCalendar;
import io.linetwin.model.LineState;
import io.linetwin.model.Scenario;
import io.linetwin.model.StationKind;
import io.linetwin.model.StationSpec;
import io.linetwin.predict.health.MaintenanceRisk;
import io.linetwin.predict.health.MaintenanceWindows;
import io.linetwin.predict.health.TimeToFailure;
import io.linetwin.sim.experiment.Estimate;
import io.linetwin.twin.LineDescriptors;
import io.linetwin.twin.RulReadings;
import io.linetwin.twin.Snapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code linetwin health risk}: what each predicted failure costs the line and when to maintain. */
@Command(name = "risk", mixinStandardHelpOptions = true,
        description = {"Per machine with a remaining-life estimate: risk of failure within 8 h / 24 h / 7 d,",
            "expected parts lost over the look-ahead (--horizon) by simulation with vs without the failure,",
            "and the maintenance window that loses least among the shift calendar's breaks, nights and weekends",
            "(every --window-step for a line without shifts)."})
public final class HealthRiskCommand implements Callable<Integer> {

    /** Spread assumed when an estimate comes without one. */
    private static final double DEFAULT_CV = 0.3;
    private static final double DEFAULT_REPAIR_SECONDS = 2 * 3600;

    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions options;

    @Mixin
    WarmStartOptions warmStart;

    @Mixin
    ProgressOptions progress;

    @Option(names = "--rul", paramLabel = "MACHINE=MEAN[,SD]",
            description = "Remaining useful life of a machine in operating time, e.g. filler=30h,8h "
                    + "(SD defaults to 30 %% of the mean). Repeat for several machines. With --from-twin, the "
                    + "twin's health/rul estimates are used for machines not named here.")
    List<String> estimates = new ArrayList<>();

    @Option(names = "--repair", paramLabel = "D",
            description = "Repair time of the predicted failure (default: the MTTR of the machine's first failure "
                    + "mode, else 2h).")
    String repair;

    @Option(names = "--maintenance", paramLabel = "D", defaultValue = "2h",
            description = "Duration of a planned maintenance (default ${DEFAULT-VALUE}).")
    String maintenance;

    @Option(names = "--window-step", paramLabel = "D", defaultValue = "6h",
            description = "Spacing of the candidate maintenance starts over the look-ahead for a line without a "
                    + "shift calendar (default ${DEFAULT-VALUE}); a line with shifts is maintained when it stops.")
    String windowStep;

    @Option(names = "--json", paramLabel = "OUT",
            description = "Also write the report as JSON to OUT, with the loss at every candidate window.")
    Path json;

    @Override
    public Integer call() throws Exception {
        Scenario scenario = options.load();
        Optional<LineState> start = warmStart.resolve(scenario, scenario.line());
        ExperimentSpec experiment = scenario.experiment();
        double maintenanceSeconds = ScenarioOptions.duration("--maintenance", maintenance);
        double lookAheadStart = MaintenanceRisk.lookAheadStartSecondsOfWeek(experiment, start);
        List<MaintenanceWindows.Candidate> windows;
        try {
            double step = ScenarioOptions.duration("--window-step", windowStep);
            windows = MaintenanceWindows.of(scenario.line().shifts(), lookAheadStart, experiment.horizonSeconds(),
                    maintenanceSeconds, step);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--window-step: " + e.getMessage());
        }
        Map<String, Estimated> byMachine = new LinkedHashMap<>();
        for (String estimate : estimates) {
            Estimated parsed = parse(estimate, scenario);
            byMachine.put(parsed.machine().id(), parsed);
        }
        fromTwin(scenario).forEach(byMachine::putIfAbsent);
        if (byMachine.isEmpty()) {
            throw new BadInputException("health risk: no remaining-life estimate: give --rul MACHINE=MEAN[,SD] or a "
                    + "--from-twin snapshot whose machines carry health/rul");
        }
        // The line as it is once, then per machine its failure and each candidate window.
        int batches = 1 + byMachine.size() * (1 + windows.size());
        ProgressReporter reporter = progress.reporter(spec.commandLine().getErr(), "health risk")
                .expecting(batches * experiment.replications());
        MaintenanceRisk risk = new MaintenanceRisk(scenario.line(), experiment, start, options.threads(), reporter);
        double clock = start.map(LineState::clockSeconds).orElse(0.0);
        List<MaintenanceRisk.Report> reports = new ArrayList<>();
        for (Estimated estimated : byMachine.values()) {
            reports.add(risk.assess(estimated.machine().id(), estimated.timeToFailure(),
                    repairOf(estimated.machine()), maintenanceSeconds, windows));
        }
        print(spec.commandLine().getOut(), scenario, experiment, clock, reports);
        if (json != null) {
            write(RiskJson.document(scenario.name(), experiment, clock, reports), json);
        }
        return ExitCode.OK;
    }

    private static void write(ObjectNode document, Path file) throws BadInputException {
        try {
            ResultJson.write(document, file);
        } catch (IOException e) {
            throw new BadInputException("--json: cannot write " + file + ": " + e.getMessage());
        }
    }

    private record Estimated(StationSpec machine, TimeToFailure timeToFailure) {
    }

    /** The twin's latest estimates for the line's machines, when the look-ahead starts from a twin snapshot. */
    private Map<String, Estimated> fromTwin(Scenario scenario) throws BadInputException {
        Map<String, Estimated> estimated = new LinkedHashMap<>();
        Optional<Snapshot> snapshot = warmStart.twinSnapshot();
        if (snapshot.isEmpty()) {
            return estimated;
        }
        try {
            RulReadings.of(snapshot.get(), LineDescriptors.of(scenario.line())).forEach((id, reading) ->
                    scenario.line().station(id)
                            .filter(s -> s.kind() == StationKind.MACHINE || s.kind() == StationKind.ASSEMBLY)
                            .ifPresent(machine -> estimated.put(id, new Estimated(machine, new TimeToFailure(
                                    Math.max(reading.seconds(), 1), reading.sdSeconds().orElse(
                                            DEFAULT_CV * reading.seconds()))))));
        } catch (RuntimeException e) {
            throw new BadInputException("--from-twin: " + e.getMessage());
        }
        return estimated;
    }

    private Estimated parse(String estimate, Scenario scenario) throws BadInputException {
        int equals = estimate.indexOf('=');
        if (equals <= 0) {
            throw new BadInputException("--rul: expected MACHINE=MEAN[,SD] like filler=30h,8h, got \"" + estimate + "\"");
        }
        String id = estimate.substring(0, equals);
        StationSpec machine = scenario.line().station(id)
                .filter(s -> s.kind() == StationKind.MACHINE || s.kind() == StationKind.ASSEMBLY)
                .orElseThrow(() -> new BadInputException("--rul: no machine '" + id + "' in " + scenario.name()));
        String[] parts = estimate.substring(equals + 1).split(",", -1);
        if (parts.length > 2) {
            throw new BadInputException("--rul: expected MACHINE=MEAN[,SD] like filler=30h,8h, got \"" + estimate + "\"");
        }
        double mean = ScenarioOptions.duration("--rul " + id, parts[0]);
        double sd = parts.length == 2 ? ScenarioOptions.duration("--rul " + id, parts[1]) : DEFAULT_CV * mean;
        try {
            return new Estimated(machine, new TimeToFailure(mean, sd));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--rul " + id + ": " + e.getMessage());
        }
    }

    private Distribution repairOf(StationSpec machine) throws BadInputException {
        if (repair != null) {
            return new Distribution.Constant(ScenarioOptions.duration("--repair", repair));
        }
        return machine.failures().stream().findFirst().map(FailureSpec::mttr)
                .orElse(new Distribution.Constant(DEFAULT_REPAIR_SECONDS));
    }

    private static void print(PrintWriter out, Scenario scenario, ExperimentSpec experiment, double clock,
            List<MaintenanceRisk.Report> reports) {
        LineCalendar calendar = experiment.calendar();
        out.printf(Locale.ROOT, "%s · maintenance risk over a %s look-ahead from %s · %d replications · seed %d%n%n",
                scenario.name(), KpiTable.duration(experiment.horizonSeconds()), calendar.format(clock),
                experiment.replications(), experiment.seed());
        out.printf(Locale.ROOT, "%-14s %6s %6s %6s   %-32s %-34s %s%n", "machine", "8 h", "24 h", "7 d",
                "expected loss [parts] (95 % CI)", "best window", "loss if maintained then");
        for (MaintenanceRisk.Report report : reports) {
            String window = report.bestWindow().map(w -> calendar.format(clock + w.startSeconds())
                    + " (" + w.kind().jsonName() + ")").orElse("run to fail");
            String then = report.bestWindow().map(w -> estimate(w.lossParts())).orElse("-");
            out.printf(Locale.ROOT, "%-14s %6s %6s %6s   %-32s %-34s %s%n", report.machine(),
                    percent(report.riskWithin8h()), percent(report.riskWithin24h()), percent(report.riskWithin7d()),
                    estimate(report.expectedLossParts()), window, then);
        }
        out.println();
        out.println("Risks are in calendar time: a machine's operating time passes on shift, at its working share "
                + "there in the line as it is; losses are good parts, paired with the line without the failure.");
        out.flush();
    }

    private static String estimate(Estimate e) {
        return e.ciLow().isPresent()
                ? String.format(Locale.ROOT, "%,.0f [%,.0f, %,.0f]", e.mean(), e.ciLow().getAsDouble(),
                        e.ciHigh().getAsDouble())
                : String.format(Locale.ROOT, "%,.0f", e.mean());
    }

    private static String percent(double p) {
        return String.format(Locale.ROOT, "%.0f%%", p * 100);
    }
}
