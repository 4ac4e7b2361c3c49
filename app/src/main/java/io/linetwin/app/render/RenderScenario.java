package io.linetwin.app.render;

import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.Scenario;
import io.linetwin.scenario.ScenarioException;
import io.linetwin.scenario.ScenarioLoader;
import io.linetwin.scenario.Units;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The scenario a render command shows: its (variant's) line and experiment, with the seed override. */
record RenderScenario(Scenario scenario, LineSpec line, ExperimentSpec experiment) {

    static RenderScenario load(Path file, String variant, Long seed) throws RenderInputException, IOException {
        if (!Files.isRegularFile(file)) {
            throw new RenderInputException(file + ": no such scenario file");
        }
        Scenario scenario;
        try {
            scenario = ScenarioLoader.load(file);
        } catch (ScenarioException e) {
            throw new RenderInputException(e.problems().get(0).toString());
        }
        LineSpec line;
        try {
            line = scenario.lineOf(variant);
        } catch (IllegalArgumentException e) {
            throw new RenderInputException("--variant: " + e.getMessage());
        }
        ExperimentSpec experiment = seed == null ? scenario.experiment() : scenario.experiment().withSeed(seed);
        return new RenderScenario(scenario, line, experiment);
    }

    String title(String variant) {
        return Scenario.BASELINE.equals(variant) ? scenario.name() : scenario.name() + " / " + variant;
    }

    static double seconds(String option, String text) throws RenderInputException {
        try {
            return Units.seconds(text);
        } catch (IllegalArgumentException e) {
            throw new RenderInputException(option + ": " + e.getMessage());
        }
    }
}
