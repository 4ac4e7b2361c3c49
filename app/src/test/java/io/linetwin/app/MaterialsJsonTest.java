package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A line with materials reports each material's balance, stock-outs and starvation by station. */
final class MaterialsJsonTest {

    private static final String SCENARIO = """
            schema: linetwin/v1
            name: caps
            line:
              materials:
                - { id: caps, initial: 50, reorder: { point: 10, quantity: 100, leadTime: 5m } }
              stations:
                - { id: capper, kind: machine, process: { dist: exponential, mean: 2s }, consumes: { caps: 1 } }
            experiment: { horizon: 2h, replications: 3, seed: 5 }
            """;

    @TempDir
    Path dir;

    @Test
    void theJsonCarriesTheMaterialBalance() throws IOException {
        Path file = dir.resolve("caps.yaml");
        Files.writeString(file, SCENARIO);
        Path out = dir.resolve("caps.json");

        Cli cli = Cli.run("run", file.toString(), "--json", out.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("material caps: consumed ");
        JsonNode caps =
                new ObjectMapper().readTree(out.toFile()).get("materials").get("caps");
        assertThat(caps.get("initialStock").asDouble()
                        + caps.get("receipts").asDouble()
                        - caps.get("consumed").asDouble())
                .isCloseTo(caps.get("finalStock").asDouble(), within(1e-9));
        assertThat(caps.get("stockOuts").asDouble()).isPositive();
        assertThat(caps.get("starvedSecondsByStation").get("capper").asDouble()).isPositive();
        assertThat(caps.get("consumedByStation").get("capper").asDouble())
                .isEqualTo(caps.get("consumed").asDouble());
    }
}
