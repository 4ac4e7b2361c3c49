package io.linetwin.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code live --embedded}'s health monitor on a line no shipped model maps to: one clear line, nothing started (the
 * broker address is one nobody listens on, so reaching for it would fail the test). The case with a model is
 * {@code LiveEmbeddedIT} on a real broker.
 */
final class EmbeddedHealthTest {

    private static Path scenario(String name) {
        Path fromModule = Path.of("..", "scenarios", name);
        return Files.exists(fromModule) ? fromModule : Path.of("scenarios", name);
    }

    @Test
    void aLineNoModelMapsToSaysSoAndStartsNothing() throws Exception {
        StringWriter text = new StringWriter();
        // The SMT line's placer and oven carry sensors, but no model ships for them.
        var started = EmbeddedHealth.start(
                ScenarioLoader.load(scenario("smt-line.yaml")),
                "127.0.0.1:1",
                "line.events",
                "line.commands",
                new PrintWriter(text, true));

        assertThat(started).isEmpty();
        assertThat(text.toString())
                .contains("health: no failure predictions: no model maps to a machine of smt-line (a machine needs "
                        + "sensors and a model in assets/models/smt-line/<machine>/");
    }

    @Test
    void theShippedModelsMapToTheDemoLinesMachines() throws Exception {
        // What live --embedded watches out of the box: the machines of the demo lines with a shipped model.
        assertThat(ShippedModels.of("bottling-line", "filler")).isPresent();
        assertThat(ShippedModels.of("press-line", "press")).isPresent();
        assertThat(ShippedModels.of("bottling-line", "capper")).isEmpty();
    }
}
