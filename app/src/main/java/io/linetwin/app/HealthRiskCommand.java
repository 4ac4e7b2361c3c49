package io.linetwin.app;

import io.linetwin.app.health.RiskJson;
import io.linetwin.model.Distribution;
import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.FailureSpec;
import io.linetwin.model.LineCalendar;
import io.linetwin.model.LineState;
import io.linetwin.model.OutputUnits;
import io.linetwin.model.Scenario;
import io.linetwin.model.StationSpec;
import io.linetwin.predict.health.MaintenanceRisk;
import io.linetwin.predict.health.MaintenanceWindows;
import io.linetwin.predict.health.TimeToFailure;
import io.linetwin.report.RiskReport;
import io.linetwin.report.i18n.Lang;
import io.linetwin.report.i18n.Messages;
import io.linetwin.report.i18n.TextWidth;
import io.linetwin.scenario.Suggestions;
import io.linetwin.sim.experiment.Estimate;
import io.linetwin.twin.LineDescriptors;
import io.linetwin.twin.RulReadings;
import io.linetwin.twin.Snapshot;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
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
@Command(
        name = "risk",
        mixinStandardHelpOptions = true,
        description = {
            "Per machine with a remaining-life estimate: risk of failure within 8 h / 24 h / 7 d,",
            "expected parts lost over the look-ahead (--horizon) by simulation with vs without the failure,",
            "and the maintenance window that loses least among the shift calendar's breaks, nights and weekends",
            "(every --window-step for a line without shifts)."
        })
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

    @Option(
            names = "--rul",
            paramLabel = "MACHINE=MEAN[,SD]",
            description = "Remaining useful life of a machine in operating time, e.g. filler=30h,8h "
                    + "(SD defaults to 30 %% of the mean). Repeat for several machines. With --from-twin, the "
                    + "twin's health/rul estimates are used for machines not named here.")
    List<String> estimates = new ArrayList<>();

    @Option(
            names = "--repair",
            paramLabel = "D",
            description = "Repair time of the predicted failure (default: the MTTR of the machine's first failure "
                    + "mode, else 2h).")
    String repair;

    @Option(
            names = "--maintenance",
            paramLabel = "D",
            defaultValue = "2h",
            description = "Duration of a planned maintenance (default ${DEFAULT-VALUE}).")
    String maintenance;

    @Option(
            names = "--window-step",
            paramLabel = "D",
            defaultValue = "6h",
            description = "Spacing of the candidate maintenance starts over the look-ahead for a line without a "
                    + "shift calendar (default ${DEFAULT-VALUE}); a line with shifts is maintained when it stops.")
    String windowStep;

    @Option(
            names = "--json",
            paramLabel = "OUT",
            description = "Also write the report as JSON to OUT, with the loss at every candidate window.")
    Path json;

    @Option(
            names = "--whole-look-ahead",
            description = "Simulate every window from the look-ahead's start to its end (the slower reference) instead "
                    + "of branching from the line as it is at the window's start; the same figures within their 95 %% "
                    + "intervals.")
    boolean wholeLookAhead;

    @Mixin
    ReportOptions report;

    @Override
    public Integer call() throws Exception {
        Scenario scenario = options.load();
        report.check();
        OutputFiles outputs = report.declare(new OutputFiles()
                        .file("--json", json)
                        .input(options.file)
                        .input(warmStart.file()))
                .check();
        Optional<LineState> start = warmStart.resolve(scenario, scenario.line());
        ExperimentSpec experiment = scenario.experiment();
        double maintenanceSeconds = ScenarioOptions.duration("--maintenance", maintenance);
        double lookAheadStart = MaintenanceRisk.lookAheadStartSecondsOfWeek(experiment, start);
        List<MaintenanceWindows.Candidate> windows;
        try {
            double step = ScenarioOptions.duration("--window-step", windowStep);
            windows = MaintenanceWindows.of(
                    scenario.line().shifts(), lookAheadStart, experiment.horizonSeconds(), maintenanceSeconds, step);
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
        ProgressReporter reporter = progress.reporter(spec.commandLine().getErr(), "health risk");
        MaintenanceRisk branched = new MaintenanceRisk(scenario.line(), experiment, start, options.threads(), reporter);
        MaintenanceRisk risk = wholeLookAhead ? branched.simulatingWholeLookAhead() : branched;
        // The line as it is once, then per machine its failure and each window whose maintenance stops the line.
        reporter.expecting(risk.simulations(byMachine.size(), windows, maintenanceSeconds))
                .expectingWork(risk.work(byMachine.size(), windows, maintenanceSeconds));
        double clock = start.map(LineState::clockSeconds).orElse(0.0);
        List<MaintenanceRisk.Request> requests = new ArrayList<>();
        for (Estimated estimated : byMachine.values()) {
            requests.add(new MaintenanceRisk.Request(
                    estimated.machine().id(), estimated.timeToFailure(), repairOf(estimated.machine())));
        }
        List<MaintenanceRisk.Report> reports = new ArrayList<>(risk.assess(requests, maintenanceSeconds, windows));
        // The machine most likely to fail soonest first, then the one whose failure costs most.
        reports.sort(Comparator.comparingDouble(MaintenanceRisk.Report::riskWithin8h)
                .thenComparingDouble(MaintenanceRisk.Report::riskWithin24h)
                .thenComparingDouble(MaintenanceRisk.Report::riskWithin7d)
                .thenComparingDouble(report -> report.expectedLossParts().mean())
                .reversed());
        print(spec.commandLine().getOut(), scenario, experiment, clock, maintenanceSeconds, reports, report.messages());
        if (json != null) {
            ResultJson.write(
                    RiskJson.document(
                            scenario.name(),
                            experiment,
                            clock,
                            reports,
                            OutputUnits.of(scenario).line().plural(),
                            maintenanceSeconds),
                    json,
                    outputs);
        }
        if (report.wanted()) {
            Map<String, TimeToFailure> timesToFailure = new LinkedHashMap<>();
            byMachine.forEach((id, estimated) -> timesToFailure.put(id, estimated.timeToFailure()));
            report.write(RiskReport.html(
                    new RiskReport.Input(
                            scenario.name(),
                            experiment.horizonSeconds(),
                            experiment.replications(),
                            experiment.seed(),
                            seconds -> experiment.calendar().format(clock + seconds),
                            risk,
                            reports,
                            timesToFailure,
                            ReportOptions.now(),
                            Main.version()),
                    report.messages()));
        }
        return ExitCode.OK;
    }

    private record Estimated(StationSpec machine, TimeToFailure timeToFailure) {}

    /** The twin's latest estimates for the line's machines, when the look-ahead starts from a twin snapshot. */
    private Map<String, Estimated> fromTwin(Scenario scenario) throws BadInputException {
        Map<String, Estimated> estimated = new LinkedHashMap<>();
        Optional<Snapshot> snapshot = warmStart.twinSnapshot();
        if (snapshot.isEmpty()) {
            return estimated;
        }
        try {
            RulReadings.of(snapshot.get(), LineDescriptors.of(scenario.line()))
                    .forEach((id, reading) -> scenario.line()
                            .station(id)
                            .filter(s -> s.kind().processesParts())
                            .ifPresent(machine -> estimated.put(
                                    id,
                                    new Estimated(
                                            machine,
                                            new TimeToFailure(
                                                    Math.max(reading.seconds(), 1),
                                                    reading.sdSeconds().orElse(DEFAULT_CV * reading.seconds()))))));
        } catch (RuntimeException e) {
            throw new BadInputException("--from-twin: " + e.getMessage());
        }
        return estimated;
    }

    private Estimated parse(String estimate, Scenario scenario) throws BadInputException {
        int equals = estimate.indexOf('=');
        if (equals <= 0) {
            throw new BadInputException(
                    "--rul: expected MACHINE=MEAN[,SD] like filler=30h,8h, got \"" + estimate + "\"");
        }
        String id = estimate.substring(0, equals);
        List<String> machines = scenario.line().stations().stream()
                .filter(s -> s.kind().processesParts())
                .map(StationSpec::id)
                .toList();
        StationSpec machine = scenario.line()
                .station(id)
                .filter(s -> s.kind().processesParts())
                .orElseThrow(() -> new BadInputException("--rul: no machine '" + id + "' in " + scenario.name()
                        + Suggestions.hint(id, machines) + " (machines: " + String.join(", ", machines) + ")"));
        String[] parts = estimate.substring(equals + 1).split(",", -1);
        if (parts.length > 2) {
            throw new BadInputException(
                    "--rul: expected MACHINE=MEAN[,SD] like filler=30h,8h, got \"" + estimate + "\"");
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
        return machine.failures().stream()
                .findFirst()
                .map(FailureSpec::mttr)
                .orElse(new Distribution.Constant(DEFAULT_REPAIR_SECONDS));
    }

    private static void print(
            PrintWriter out,
            Scenario scenario,
            ExperimentSpec experiment,
            double clock,
            double maintenanceSeconds,
            List<MaintenanceRisk.Report> reports,
            Messages m) {
        LineCalendar calendar = experiment.calendar();
        String unit = OutputUnits.of(scenario).line().plural();
        boolean english = m.lang() == Lang.EN;
        out.println(m.get(
                "cli.risk.header",
                scenario.name(),
                english ? KpiTable.duration(experiment.horizonSeconds()) : m.duration(experiment.horizonSeconds()),
                m.calendar(calendar.format(clock)),
                experiment.replications(),
                experiment.seed(),
                unit,
                english ? KpiTable.duration(maintenanceSeconds) : m.duration(maintenanceSeconds)));
        out.println();
        riskLine(
                out,
                m.get("col.machine"),
                m.get("cli.risk.8h"),
                m.get("cli.risk.24h"),
                m.get("cli.risk.7d"),
                m.get("cli.risk.loss"),
                m.get("cli.risk.now"),
                m.get("cli.risk.window"),
                m.get("cli.risk.then"));
        for (MaintenanceRisk.Report report : reports) {
            String now = report.windows().stream()
                    .filter(w -> w.startSeconds() == 0)
                    .findFirst()
                    .map(w -> estimate(w.lossParts()))
                    .orElse("-");
            String window = report.bestWindow()
                    .map(w -> m.calendar(calendar.format(clock + w.startSeconds())) + " - "
                            + m.calendar(calendar.format(clock + w.startSeconds() + maintenanceSeconds)) + " ("
                            + (english
                                    ? w.kind().jsonName()
                                    : m.get("window." + w.kind().jsonName())) + ")")
                    .orElse(m.get("cli.risk.runToFail"));
            String then = report.bestWindow().map(w -> estimate(w.lossParts())).orElse("-");
            riskLine(
                    out,
                    report.machine(),
                    percent(report.riskWithin8h()),
                    percent(report.riskWithin24h()),
                    percent(report.riskWithin7d()),
                    estimate(report.expectedLossParts()),
                    now,
                    window,
                    then);
        }
        out.println();
        out.println(m.get("cli.risk.note", unit));
        out.flush();
    }

    /** The columns of the table, padded by terminal width so Chinese headings line up too. */
    private static void riskLine(
            PrintWriter out,
            String machine,
            String risk8h,
            String risk24h,
            String risk7d,
            String loss,
            String now,
            String window,
            String then) {
        out.println(TextWidth.pad(machine, -14) + " " + TextWidth.pad(risk8h, 6) + " " + TextWidth.pad(risk24h, 6)
                + " " + TextWidth.pad(risk7d, 6) + "   " + TextWidth.pad(loss, -28) + " " + TextWidth.pad(now, -26)
                + " " + TextWidth.pad(window, -44) + " " + then);
    }

    private static String estimate(Estimate e) {
        return e.ciLow().isPresent()
                ? String.format(
                        Locale.ROOT,
                        "%s [%s, %s]",
                        amount(e.mean()),
                        amount(e.ciLow().getAsDouble()),
                        amount(e.ciHigh().getAsDouble()))
                : amount(e.mean());
    }

    /** Whole numbers for large losses, one decimal for the few pallets a line's unit may make. */
    private static String amount(double value) {
        return Math.abs(value) >= 100
                ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String percent(double p) {
        return String.format(Locale.ROOT, "%.0f%%", p * 100);
    }
}
