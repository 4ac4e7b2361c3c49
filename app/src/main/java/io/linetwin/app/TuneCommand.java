package io.linetwin.app;

import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.LineState;
import io.linetwin.model.Scenario;
import io.linetwin.model.TuningSpec;
import io.linetwin.predict.tuning.Tuner;
import io.linetwin.predict.tuning.TuningOptions;
import io.linetwin.predict.tuning.TuningProgress;
import io.linetwin.predict.tuning.TuningResult;
import io.linetwin.report.TuningReport;
import io.linetwin.report.i18n.Messages;
import io.linetwin.sim.experiment.ReplicationEngine;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "tune",
        mixinStandardHelpOptions = true,
        description = {
            "Tune the settings of the scenario's tuning section by simulation: a search with common random",
            "numbers (COMPASS over integer settings, CMA-ES over continuous ones), then Kim-Nelson selection among",
            "the best few and the current setting on fresh replications. Prints the recommendation with 95 %% CIs",
            "against the current setting, the runner-up, the probability of correct selection and a variants block."
        })
final class TuneCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /**
     * The file, --horizon, --warmup, --seed and --threads as for run; --replications counts the replications of
     * each setting in the search.
     */
    @Mixin
    ScenarioOptions options;

    @Option(
            names = "--budget",
            paramLabel = "N",
            description = "Distinct settings to simulate in the search (overrides tuning.budget.evaluations).")
    Integer budget;

    @Option(
            names = "--delta",
            paramLabel = "X",
            description = "Indifference zone of the selection, in the objective's units, or a share such as 1%% "
                    + "of the current setting's objective (default 0.5%%).")
    String delta;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write the result as JSON to OUT.")
    Path json;

    @Mixin
    WarmStartOptions warmStart;

    @Mixin
    ReportOptions report;

    @Mixin
    ProgressOptions progressOptions;

    @Mixin
    EngineOptions engine;

    @Override
    public Integer call() throws Exception {
        Scenario scenario = options.load();
        TuningSpec tuning = tuningOf(scenario);
        ExperimentSpec experiment = scenario.experiment();
        TuningOptions tuningOptions = tuningOptions(scenario);
        if (json != null) {
            TuneJson.checkWritable(json);
        }
        report.check();
        Messages messages = report.messages();
        PrintWriter out = spec.commandLine().getOut();
        ProgressReporter progress = progressOptions.reporter(spec.commandLine().getErr(), "tune");
        try (ReplicationEngine replications = engine.open(options, "tune")) {
            return tune(
                    new Tuner(scenario, tuning, experiment, tuningOptions, replications),
                    scenario,
                    tuning,
                    experiment,
                    out,
                    progress,
                    messages);
        }
    }

    private int tune(
            Tuner tuner,
            Scenario scenario,
            TuningSpec tuning,
            ExperimentSpec experiment,
            PrintWriter out,
            ProgressReporter progress,
            Messages messages)
            throws java.io.IOException, BadInputException {
        AtomicReference<TuningProgress> latest = new AtomicReference<>();
        AtomicBoolean finished = new AtomicBoolean();
        Thread onInterrupt = new Thread(
                () -> {
                    if (!finished.get()) {
                        progress.clear();
                        TuneReport.printInterrupted(out, tuning, Optional.ofNullable(latest.get()), messages);
                    }
                },
                "linetwin-tune-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        TuningResult result;
        try {
            result = tuner.run(p -> {
                latest.set(p);
                progress.reached(
                        progressText(p),
                        p.phase().equals(TuningProgress.SELECTION)
                                ? Double.NaN
                                : Math.min(1, (double) p.evaluations() / Math.max(1, p.budget())));
            });
        } finally {
            finished.set(true);
            progress.clear();
            removeHook(onInterrupt);
        }
        TuneReport.print(out, scenario, tuning, experiment, result, messages);
        if (json != null) {
            TuneJson.write(TuneJson.of(scenario, experiment, result), json);
        }
        if (report.wanted()) {
            report.write(TuningReport.html(
                    new TuningReport.Input(
                            scenario,
                            tuning,
                            experiment,
                            result,
                            TuneReport.variantsBlock(result.bestValues()),
                            ReportOptions.now(),
                            Main.version()),
                    report.messages()));
        }
        return ExitCode.OK;
    }

    /** What the tuner is doing, for the progress bar (which adds the share done and the time left). */
    static String progressText(TuningProgress progress) {
        if (progress.phase().equals(TuningProgress.SELECTION)) {
            return String.format(Locale.ROOT, "selecting the winner · %d replications", progress.replications());
        }
        String best = Double.isNaN(progress.bestObjective())
                ? "-"
                : String.format(Locale.ROOT, "%.4g", progress.bestObjective());
        return String.format(
                Locale.ROOT, "search %d/%d settings · best %s", progress.evaluations(), progress.budget(), best);
    }

    private TuningSpec tuningOf(Scenario scenario) throws BadInputException {
        TuningSpec tuning = scenario.tuning()
                .orElseThrow(() -> new BadInputException(options.file
                        + ": no tuning section; add one (see scenarios/README.md, \"tuning\") to say what to tune"));
        Integer replications = options.replications;
        try {
            return tuning.withBudget(
                    budget == null ? tuning.evaluations() : budget,
                    replications == null ? tuning.replications() : replications);
        } catch (IllegalArgumentException e) {
            throw new BadInputException((budget != null && budget < 1 ? "--budget: " : "--replications: ")
                    + e.getMessage().replace("tuning ", ""));
        }
    }

    private TuningOptions tuningOptions(Scenario scenario) throws BadInputException {
        TuningOptions tuning = TuningOptions.defaults().withThreads(options.threads());
        if (delta != null) {
            tuning = withDelta(tuning, delta.strip());
        }
        Optional<LineState> start = warmStart.resolve(scenario, scenario.line());
        return start.isPresent() ? tuning.startingFrom(start.get()) : tuning;
    }

    private static TuningOptions withDelta(TuningOptions options, String text) throws BadInputException {
        boolean share = text.endsWith("%");
        try {
            double value = Double.parseDouble(
                    share ? text.substring(0, text.length() - 1).strip() : text);
            if (!(value > 0) || Double.isInfinite(value) || (share && value >= 100)) {
                throw new NumberFormatException();
            }
            return share ? options.withDeltaShare(value / 100) : options.withDelta(value);
        } catch (NumberFormatException e) {
            throw new BadInputException("--delta: expected a number > 0 in the objective's units or a share like "
                    + "0.5%, got \"" + text + "\"");
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down (Ctrl-C at the very end): the hook prints or has printed.
        }
    }
}
