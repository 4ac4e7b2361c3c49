package io.linetwin.app;

import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.LineState;
import io.linetwin.model.Scenario;
import io.linetwin.model.TuningSpec;
import io.linetwin.predict.tuning.Tuner;
import io.linetwin.predict.tuning.TuningOptions;
import io.linetwin.predict.tuning.TuningProgress;
import io.linetwin.predict.tuning.TuningResult;
import io.linetwin.sim.experiment.ReplicationEngine;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "tune", mixinStandardHelpOptions = true,
        description = {"Tune the settings of the scenario's tuning section by simulation: a search with common random",
            "numbers (COMPASS over integer settings, CMA-ES over continuous ones), then Kim-Nelson selection among",
            "the best few and the current setting on fresh replications. Prints the recommendation with 95 %% CIs",
            "against the current setting, the runner-up, the probability of correct selection and a variants block."})
final class TuneCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /**
     * The file, --horizon, --warmup, --seed and --threads as for run; --replications counts the replications of
     * each setting in the search.
     */
    @Mixin
    ScenarioOptions options;

    @Option(names = "--budget", paramLabel = "N",
            description = "Distinct settings to simulate in the search (overrides tuning.budget.evaluations).")
    Integer budget;

    @Option(names = "--delta", paramLabel = "X",
            description = "Indifference zone of the selection, in the objective's units, or a share such as 1%% "
                    + "of the current setting's objective (default 0.5%%).")
    String delta;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write the result as JSON to OUT.")
    Path json;

    @Mixin
    WarmStartOptions warmStart;

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
        PrintWriter out = spec.commandLine().getOut();
        TuneProgressReporter progress = new TuneProgressReporter(spec.commandLine().getErr(),
                System.console() != null);
        try (ReplicationEngine replications = engine.open(options, "tune")) {
            return tune(new Tuner(scenario, tuning, experiment, tuningOptions, replications), scenario, tuning,
                    experiment, out, progress);
        }
    }

    private int tune(Tuner tuner, Scenario scenario, TuningSpec tuning, ExperimentSpec experiment, PrintWriter out,
            TuneProgressReporter progress) throws java.io.IOException {
        AtomicReference<TuningProgress> latest = new AtomicReference<>();
        AtomicBoolean finished = new AtomicBoolean();
        Thread onInterrupt = new Thread(() -> {
            if (!finished.get()) {
                progress.clear();
                TuneReport.printInterrupted(out, tuning, Optional.ofNullable(latest.get()));
            }
        }, "linetwin-tune-interrupt");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        TuningResult result;
        try {
            result = tuner.run(p -> {
                latest.set(p);
                progress.update(p);
            });
        } finally {
            finished.set(true);
            progress.clear();
            removeHook(onInterrupt);
        }
        TuneReport.print(out, scenario, tuning, experiment, result);
        if (json != null) {
            TuneJson.write(TuneJson.of(scenario, experiment, result), json);
        }
        return ExitCode.OK;
    }

    private TuningSpec tuningOf(Scenario scenario) throws BadInputException {
        TuningSpec tuning = scenario.tuning().orElseThrow(() -> new BadInputException(options.file
                + ": no tuning section; add one (see scenarios/README.md, \"tuning\") to say what to tune"));
        Integer replications = options.replications;
        try {
            return tuning.withBudget(budget == null ? tuning.evaluations() : budget,
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
            double value = Double.parseDouble(share ? text.substring(0, text.length() - 1).strip() : text);
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
