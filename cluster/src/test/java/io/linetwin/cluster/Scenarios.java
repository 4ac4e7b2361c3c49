package io.linetwin.cluster;

import io.linetwin.model.Scenario;
import io.linetwin.scenario.ScenarioException;
import io.linetwin.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Scenario files of the library and of the tests, with their text, as the app hands them to an engine. */
final class Scenarios {

    private Scenarios() {}

    static ScenarioSource library(String name) {
        return source(Path.of("..", "scenarios", name));
    }

    static ScenarioSource resource(String name) {
        return source(Path.of("src", "test", "resources", name));
    }

    static ScenarioSource source(Path file) {
        try {
            return new ScenarioSource(file.toString(), Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Scenario load(ScenarioSource source) {
        try {
            return ScenarioLoader.parse(source.text(), source.fileName());
        } catch (ScenarioException e) {
            throw new IllegalStateException(e.problems().toString(), e);
        }
    }
}
