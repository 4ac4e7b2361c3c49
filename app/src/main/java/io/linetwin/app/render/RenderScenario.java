package io.linetwin.app.render;

import io.linetwin.app.BadInputException;
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

/** The scenario a render command shows: its (variant's) line and experiment, with the seed override. */
record RenderScenario(Scenario scenario, LineSpec line, ExperimentSpec experiment) {

    static RenderScenario load(Path file, String variant, Long seed) throws RenderInputException, BadInputException {
        if (!Files.exists(file)) {
            throw new RenderInputException(file + ": no such scenario file");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new RenderInputException(file + ": not a readable scenario file");
        }
        Scenario scenario;
        try {
            scenario = ScenarioLoader.load(file);
        } catch (ScenarioException e) {
            throw new BadInputException(
                    e.problems().stream().map(ScenarioProblem::toLine).toList());
        }
        LineSpec line;
        try {
            line = scenario.lineOf(variant);
        } catch (IllegalArgumentException e) {
            throw new RenderInputException("--variant: " + e.getMessage());
        }
        ExperimentSpec experiment =
                seed == null ? scenario.experiment() : scenario.experiment().withSeed(seed);
        return new RenderScenario(scenario, line, experiment);
    }

    String title(String variant) {
        return Scenario.BASELINE.equals(variant) ? scenario.name() : scenario.name() + " / " + variant;
    }

    /**
     * Showing instant {@code untilSeconds} means simulating up to it: refused when that would need more events
     * than the limit ({@code --at 1e9d}).
     */
    void requireSimulable(String option, String text, double untilSeconds) throws RenderInputException {
        if (untilSeconds > io.linetwin.model.Limits.MAX_RUN_SECONDS) {
            throw new RenderInputException(option + " " + text + ": expected at most "
                    + (long) (io.linetwin.model.Limits.MAX_RUN_SECONDS / 86_400) + "d (the limit of what runs)");
        }
        EventEstimate estimate = EventEstimate.of(line, untilSeconds, 1);
        if (!estimate.withinLimit()) {
            throw new RenderInputException(option + " " + text + ": showing it "
                    + estimate.refusal().replaceFirst("^the experiment would", "would"));
        }
    }

    static double seconds(String option, String text) throws RenderInputException {
        try {
            return Units.seconds(text);
        } catch (IllegalArgumentException e) {
            throw new RenderInputException(option + ": " + e.getMessage());
        }
    }
}
