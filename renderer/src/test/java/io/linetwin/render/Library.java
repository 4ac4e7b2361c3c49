package io.linetwin.render;

import io.linetwin.model.Scenario;
import io.linetwin.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The scenario library (scenarios/*.yaml at the repository root), loaded. */
public final class Library {

    public static final Path DIR = Path.of("..", "scenarios");

    private Library() {}

    public static List<Path> files() {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Scenario load(Path file) {
        try {
            return ScenarioLoader.load(file);
        } catch (Exception e) {
            throw new IllegalStateException("library scenario " + file + " must load: " + e.getMessage(), e);
        }
    }

    /** A name for test reports: the file's name without .yaml. */
    public static String name(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".yaml".length());
    }
}
