package io.linetwin.app;

import io.linetwin.model.EventEstimate;
import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.Scenario;
import io.linetwin.scenario.ScenarioException;
import io.linetwin.scenario.ScenarioLoader;
import io.linetwin.scenario.ScenarioProblem;
import io.linetwin.scenario.Units;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The scenario file and the experiment overrides shared by {@code run} and {@code compare}. */
public final class ScenarioOptions {

    /** Threads beyond a machine's cores only cost memory (each holds a replication); this is plenty for any. */
    static final int MAX_THREADS = 1024;

    @Parameters(index = "0", paramLabel = "FILE", description = "Scenario file (linetwin/v1 YAML).")
    Path file;

    @Option(names = "--replications", paramLabel = "N", description = "Replications (overrides the file).")
    Integer replications;

    @Option(names = "--horizon", paramLabel = "D", description = "Statistics window after warm-up, e.g. 7d.")
    String horizon;

    @Option(names = "--warmup", paramLabel = "D", description = "Warm-up deleted from statistics, e.g. 8h.")
    String warmup;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the experiment (overrides the file).")
    Long seed;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Replications run at once (default: all cores). Results do not depend on it.")
    Integer threads;

    /** Loads the file and applies the overrides; every problem becomes a one-line bad-input message. */
    Scenario load() throws BadInputException {
        Scenario scenario = read(file);
        ExperimentSpec experiment = scenario.experiment();
        try {
            if (horizon != null) {
                experiment = experiment.withHorizon(duration("--horizon", horizon));
            }
            if (warmup != null) {
                experiment = experiment.withWarmup(duration("--warmup", warmup));
            }
            if (replications != null) {
                experiment = experiment.withReplications(replications);
            }
            if (seed != null) {
                experiment = experiment.withSeed(seed);
            }
        } catch (IllegalArgumentException e) {
            throw new BadInputException((overrides().isEmpty() ? "" : overrides() + ": ") + e.getMessage());
        }
        Scenario overridden = scenario.withExperiment(experiment);
        if (!overrides().isEmpty()) {
            // The file's own experiment was checked by the loader; longer or more runs are checked here.
            requireWithinLimit(overridden, overridden.line(), overrides());
            for (var variant : overridden.variants()) {
                requireWithinLimit(overridden, variant.line(), overrides() + " (variant " + variant.name() + ")");
            }
        }
        return overridden;
    }

    /** The options that change the file's experiment, as written: "--horizon 1e6d --replications 50". */
    private String overrides() {
        StringBuilder given = new StringBuilder();
        if (horizon != null) {
            given.append(" --horizon ").append(horizon);
        }
        if (warmup != null) {
            given.append(" --warmup ").append(warmup);
        }
        if (replications != null) {
            given.append(" --replications ").append(replications);
        }
        return given.toString().strip();
    }

    private static void requireWithinLimit(Scenario scenario, LineSpec line, String cause) throws BadInputException {
        EventEstimate estimate = EventEstimate.of(line, scenario.experiment());
        if (!estimate.withinLimit()) {
            throw new BadInputException(cause + ": " + estimate.refusal());
        }
    }

    /** A scenario file that exists and can be read; a folder or a device is not one. */
    static void requireScenarioFile(Path file) throws BadInputException {
        if (!Files.exists(file)) {
            throw new BadInputException(file + ": no such scenario file");
        }
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": not a scenario file (a folder, device or pipe)");
        }
        if (!Files.isReadable(file)) {
            throw new BadInputException(file + ": not readable");
        }
    }

    /** Loads a scenario file; a missing file or any problem in it is bad input (the first problem a line). */
    public static Scenario read(Path file) throws BadInputException {
        requireScenarioFile(file);
        try {
            return ScenarioLoader.load(file);
        } catch (ScenarioException e) {
            throw new BadInputException(
                    e.problems().stream().map(ScenarioProblem::toLine).toList());
        }
    }

    int threads() throws BadInputException {
        if (threads != null && (threads < 1 || threads > MAX_THREADS)) {
            throw new BadInputException("--threads: expected a count in [1, " + MAX_THREADS + "], got " + threads);
        }
        return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }

    /** Seconds of a duration option such as {@code --horizon 7d}; a bad one is bad input naming the option. */
    public static double duration(String option, String text) throws BadInputException {
        try {
            return Units.seconds(text);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(option + ": " + e.getMessage());
        }
    }
}
