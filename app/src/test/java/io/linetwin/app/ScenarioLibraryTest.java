package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linetwin.model.Scenario;
import io.linetwin.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file in {@code scenarios/} loads, validates and runs (baseline and variants) on a short override. */
final class ScenarioLibraryTest {

    @TempDir
    Path dir;

    static Stream<Path> library() throws IOException {
        try (Stream<Path> files = Files.list(Scenarios.library())) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("library")
    void everyScenarioLoadsAndRunsEveryVariant(Path file) throws Exception {
        Scenario scenario = ScenarioLoader.load(file);
        assertThat(scenario.description())
                .as("a library scenario describes its plant")
                .isNotBlank();
        assertThat(ScenarioLoader.validate(file)).isEmpty();

        Path out = dir.resolve("compare.json");
        Cli cli = Cli.run(
                "compare",
                file.toString(),
                "--horizon",
                "1d",
                "--warmup",
                "1h",
                "--replications",
                "2",
                "--json",
                out.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toFile()).get("variants");
        assertThat(json.size()).isEqualTo(scenario.variants().size());
        assertThat(scenario.variants())
                .as("library scenarios carry variants to compare")
                .isNotEmpty();
    }
}
