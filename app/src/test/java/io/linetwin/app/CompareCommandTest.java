package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class CompareCommandTest {

    @TempDir
    Path dir;

    @Test
    void aBiggerBufferIsBetterForThroughputAndWorseForWip() throws IOException {
        Path out = dir.resolve("compare.json");

        Cli cli = Cli.run(
                "compare",
                Scenarios.library().resolve("textbook-two-machine.yaml").toString(),
                "--horizon",
                "6h",
                "--replications",
                "5",
                "--json",
                out.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toFile()).get("variants");
        assertThat(json.fieldNames()).toIterable().containsExactly("buffer-20", "no-buffer");
        // Exact: 22/23 - 12/13 parts/s = +0.0334/s (+120/h) for a buffer of 20; 2/3 - 12/13 (-923/h) for none.
        JsonNode bigger = json.get("buffer-20").get("differences");
        assertThat(bigger.get("throughputPerHour").get("verdict").asText()).isEqualTo("better");
        assertThat(bigger.get("wip").get("verdict").asText()).isEqualTo("worse");
        assertThat(bigger.get("throughputPerHour").get("ciLow").asDouble()).isPositive();
        JsonNode none = json.get("no-buffer").get("differences");
        assertThat(none.get("throughputPerHour").get("verdict").asText()).isEqualTo("worse");
        assertThat(none.get("throughputPerHour").get("diffMean").asDouble()).isBetween(-1000.0, -850.0);
        assertThat(none.get("leadTimeSeconds").get("verdict").asText()).isEqualTo("better");
        assertThat(cli.out()).contains("buffer-20").contains("better", "worse");
    }

    @Test
    void aVariantIdenticalToTheBaselineShowsNoDifferenceAtAll() throws IOException {
        Path scenario = dir.resolve("same.yaml");
        java.nio.file.Files.writeString(scenario, """
                schema: linetwin/v1
                name: same
                line:
                  stations:
                    - { id: m1, kind: machine, process: { dist: exponential, mean: 1s } }
                    - { id: m2, kind: machine, process: { dist: exponential, mean: 1s } }
                  buffers: [ { id: b, from: m1, to: m2, capacity: 3 } ]
                experiment: { horizon: 1h, replications: 4, seed: 3 }
                variants: [ { name: same, set: { buffers.b.capacity: 3 } } ]
                """);
        Path out = dir.resolve("same.json");

        Cli cli = Cli.run("compare", scenario.toString(), "--json", out.toString());

        // Common random numbers: the same line draws the same numbers, so every paired difference is exactly 0.
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode same = new ObjectMapper()
                .readTree(out.toFile())
                .get("variants")
                .get("same")
                .get("differences");
        for (String kpi : new String[] {"throughputPerHour", "wip", "leadTimeSeconds", "oee"}) {
            assertThat(same.get(kpi).get("diffMean").asDouble()).as(kpi).isZero();
            assertThat(same.get(kpi).get("verdict").asText()).as(kpi).isEqualTo("no significant difference");
        }
    }

    @Test
    void theJsonCarriesTheBaselineTheVariantsValuesTheChangeAndTheMetadata() throws IOException {
        Path out = dir.resolve("full.json");

        Cli cli = Cli.run(
                "compare",
                Scenarios.library().resolve("textbook-two-machine.yaml").toString(),
                "--horizon",
                "2h",
                "--replications",
                "3",
                "--min-effect",
                "5%",
                "--json",
                out.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toFile());
        assertThat(json.get("scenario").asText()).isEqualTo("textbook-two-machine");
        assertThat(json.get("minEffect").asDouble()).isEqualTo(0.05);
        assertThat(json.get("meta").get("seed").asLong()).isEqualTo(7);
        assertThat(json.get("meta").get("events").asLong()).isPositive();
        double base = json.get("baseline")
                .get("kpis")
                .get("throughputPerHour")
                .get("mean")
                .asDouble();
        JsonNode bigger = json.get("variants").get("buffer-20");
        double variant = bigger.get("kpis").get("throughputPerHour").get("mean").asDouble();
        JsonNode difference = bigger.get("differences").get("throughputPerHour");
        assertThat(difference.get("diffMean").asDouble()).isCloseTo(variant - base, within(1e-6));
        assertThat(difference.get("changePercent").asDouble()).isCloseTo(100 * (variant - base) / base, within(1e-9));
        // +3.6 % exactly (22/23 against 12/13): significant but below the 5 % asked for.
        assertThat(difference.get("verdict").asText()).isEqualTo("no relevant difference");
        assertThat(cli.out()).contains("relevant from a 5.0% change").contains("no relevant difference");
    }

    @Test
    void aMinimumEffectWithoutPercentSignIsBadInput() {
        Cli cli = Cli.run(
                "compare",
                Scenarios.library().resolve("textbook-two-machine.yaml").toString(),
                "--min-effect",
                "0.01");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err().strip()).isEqualTo("--min-effect: expected a percentage like 1% or 0.5%, got \"0.01\"");
    }
}
