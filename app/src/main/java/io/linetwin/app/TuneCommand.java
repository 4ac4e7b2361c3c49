package io.linetwin.app;

import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.LineState;
import io.linetwin.model.Scenario;
import io.linetwin.model.TuningSpec;
import io.linetwin.predict.tuning.Tuner;
import io.linetwin.predict.tuning.TuningOptions;
import io.linetwin.predict.tuning.TuningProgress;
import io.linetwin.predict.tuning.TuningResult;
import io.linetwin.scenario.ScenarioException;
import io.linetwin.scenario.ScenarioLoader;
import io.linetwin.scenario.ScenarioProblem;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "tune", mixinStandardHelpOptions = true,
        description = {"Tune the settings of the scenario's tuning section by simulation: a search with common random",
            "numbers (COMPASS over integer settings, CMA-ES over continuous ones), then Kim-Nelson selection among",
            "the best few and the current setting on fresh replications. Prints the recommendation with 95 %% CIs",
            "against the current setting, the runner-up, the probability of correct selection and a variants block."})
final class TuneCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Scenario file with a tuning section.")
    Path file;

    @Option(names = "--budget", paramLabel = "N",
            description = "Distinct settings to simulate in the search (overrides tuning.budget.evaluations).")
    Integer budget;

    @Option(names = "--replications", paramLabel = "R",
            description = "Replications per setting in the search (overrides tuning.budget.replications).")
    Integer replications;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the simulations and the search.")
    Long seed;

    @Option(names = "--threads", paramLabel = "T",
            description = "Replications run at once (default: all cores). Results do not depend on it.")
    Integer threads;

    @Option(names = "--delta", paramLabel = "X",
            description = "Indifference zone of the selection, in the objective's units, or a share such as 1%% "
                    + "of the current setting's objective (default 0.5%%).")
    String delta;

    @Option(names = "--horizon", paramLabel = "D", description = "Statistics window after warm-up, e.g. 2d.")
    String horizon;

    @Option(names = "--warmup", paramLabel = "D", description = "Warm-up deleted from statistics, e.g. 8h.")
    String warmup;

    @Option(names = "--json", paramLabel = "OUT", description = "Also write the result as JSON to OUT.")
    Path json;

    @Mixin
    WarmStartOptions warmStart;

    @Override
    public Integer call() throws Exception {
        Scenario scenario = load();
        TuningSpec tuning = tuningOf(scenario);
        ExperimentSpec experiment = experiment(scenario);
        TuningOptions options = options(scenario);
        if (json != null) {
            TuneJson.checkWritable(json);
        }
        PrintWriter out = spec.commandLine().getOut();
        TuneProgressReporter progress = new TuneProgressReporter(spec.commandLine().getErr(),
                System.console() != null);
        Tuner tuner = new Tuner(scenario, tuning, experiment, options);
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

    private Scenario load() throws BadInputException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": no such scenario file");
        }
        try {
            return ScenarioLoader.load(file);
        } catch (ScenarioException e) {
            throw new BadInputException(e.problems().stream().map(ScenarioProblem::toString).toList());
        }
    }

    private TuningSpec tuningOf(Scenario scenario) throws BadInputException {
        TuningSpec tuning = scenario.tuning().orElseThrow(() -> new BadInputException(file
                + ": no tuning section; add one (see scenarios/README.md, \"tuning\") to say what to tune"));
        try {
            return tuning.withBudget(budget == null ? tuning.evaluations() : budget,
                    replications == null ? tuning.replications() : replications);
        } catch (IllegalArgumentException e) {
            throw new BadInputException((budget != null && budget < 1 ? "--budget: " : "--replications: ")
                    + e.getMessage().replace("tuning ", ""));
        }
    }

    private ExperimentSpec experiment(Scenario scenario) throws BadInputException {
        ExperimentSpec experiment = scenario.experiment();
        try {
            if (horizon != null) {
                experiment = experiment.withHorizon(ScenarioOptions.duration("--horizon", horizon));
            }
            if (warmup != null) {
                experiment = experiment.withWarmup(ScenarioOptions.duration("--warmup", warmup));
            }
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
        return seed == null ? experiment : experiment.withSeed(seed);
    }

    private TuningOptions options(Scenario scenario) throws BadInputException {
        if (threads != null && threads < 1) {
            throw new BadInputException("--threads: expected a count >= 1, got " + threads);
        }
        TuningOptions options = TuningOptions.defaults()
                .withThreads(threads == null ? Runtime.getRuntime().availableProcessors() : threads);
        if (delta != null) {
            options = withDelta(options, delta.strip());
        }
        Optional<LineState> start = warmStart.resolve(scenario, scenario.line());
        return start.isPresent() ? options.startingFrom(start.get()) : options;
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
