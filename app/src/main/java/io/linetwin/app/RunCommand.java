package io.linetwin.app;

import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.LineState;
import io.linetwin.model.Scenario;
import io.linetwin.model.Variant;
import io.linetwin.report.RunSeries;
import io.linetwin.sim.LineSimulation;
import io.linetwin.sim.experiment.Experiment;
import io.linetwin.sim.experiment.ExperimentResult;
import io.linetwin.sim.experiment.ReplicationEngine;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Simulate a scenario (or one variant) and print its KPIs with 95 %% CIs.")
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ScenarioOptions options;

    @Mixin
    WarmStartOptions warmStart;

    @Mixin
    ProgressOptions progress;

    @Mixin
    EngineOptions engine;

    @Option(names = "--variant", paramLabel = "NAME", description = "Variant to run (default: baseline).")
    String variant = Scenario.BASELINE;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write the results as JSON to OUT.")
    Path json;

    @Mixin
    ReportOptions report;

    @Option(
            names = "--trace",
            paramLabel = "OUT.jsonl",
            description =
                    "Also write the event trace of replication 0 (warm-up included, from the --from-twin/--from-state "
                            + "state if one is given) as JSON Lines to OUT.")
    Path trace;

    @Override
    public Integer call() throws Exception {
        Scenario scenario = options.load();
        LineSpec line;
        try {
            line = scenario.lineOf(variant);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--variant: " + e.getMessage());
        }
        report.check();
        OutputFiles outputs = report.declare(new OutputFiles()
                .file("--json", json)
                .file("--trace", trace)
                .input(options.file)
                .input(warmStart.file()));
        Variant chosen = Scenario.BASELINE.equals(variant)
                ? Experiment.baseline(scenario)
                : scenario.variant(variant).orElseThrow();
        Optional<RunSeries> series = Reports.seriesFor(report, scenario, line, warmStart.startState());
        ExperimentResult result;
        try (ReplicationEngine replications = engine.open(options, "run")) {
            Experiment experiment = warmStart.experiment(
                    scenario,
                    line,
                    replications,
                    progress.reporter(spec.commandLine().getErr(), variant));
            outputs.check();
            // A report's time series needs each replication's trace, which only this JVM can listen to.
            result =
                    series.isPresent() ? Reports.traced(experiment, series).run(variant, line) : experiment.run(chosen);
        }
        double startClock = warmStart.startState().map(LineState::clockSeconds).orElse(0.0);
        OutputFigures figures = OutputFigures.of(scenario, line, result, startClock);
        KpiTable.printRun(spec.commandLine().getOut(), scenario, result, figures, startClock, report.messages());
        if (json != null) {
            ResultJson.write(ResultJson.run(scenario, result, figures, startClock), json, outputs);
        }
        if (trace != null) {
            outputs.write(trace, out -> writeTrace(scenario, line, out));
        }
        Reports.writeRun(
                report,
                scenario,
                line,
                result,
                series,
                warmStart.startState().isPresent(),
                spec.commandLine().getErr());
        return ExitCode.OK;
    }

    /** Replication 0 once more with a listener: the same seed and streams give exactly the same run. */
    private void writeTrace(Scenario scenario, LineSpec line, OutputStream out) throws IOException {
        ExperimentSpec experiment = scenario.experiment();
        try (TraceJsonLines writer = new TraceJsonLines(out, experiment.calendar())) {
            LineSimulation simulation = new LineSimulation(line).startingAt(experiment.startSecondsOfWeek());
            Optional<LineState> start = warmStart.startState();
            if (start.isPresent()) {
                simulation.run(
                        start.get(),
                        experiment.warmupSeconds(),
                        experiment.horizonSeconds(),
                        experiment.seed(),
                        0,
                        writer);
            } else {
                simulation.run(experiment.warmupSeconds(), experiment.horizonSeconds(), experiment.seed(), 0, writer);
            }
        }
    }
}
