package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class RunCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TEXTBOOK = Scenarios.library().resolve("textbook-two-machine.yaml");

    @TempDir
    Path dir;

    @Test
    void writesTheJsonOfTheContract() throws IOException {
        Path out = dir.resolve("run.json");

        Cli cli = Cli.run(
                "run",
                TEXTBOOK.toString(),
                "--horizon",
                "2h",
                "--warmup",
                "10m",
                "--replications",
                "3",
                "--json",
                out.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode json = JSON.readTree(out.toFile());
        assertThat(json.get("scenario").asText()).isEqualTo("textbook-two-machine");
        assertThat(json.get("variant").asText()).isEqualTo("baseline");
        assertThat(json.get("replications").asInt()).isEqualTo(3);
        assertThat(json.get("horizonSeconds").asDouble()).isEqualTo(7200);
        for (String kpi : new String[] {"throughputPerHour", "wip", "leadTimeSeconds", "oee"}) {
            JsonNode estimate = json.get("kpis").get(kpi);
            assertThat(estimate.get("ciLow").asDouble())
                    .as(kpi)
                    .isLessThanOrEqualTo(estimate.get("mean").asDouble());
            assertThat(estimate.get("ciHigh").asDouble())
                    .as(kpi)
                    .isGreaterThanOrEqualTo(estimate.get("mean").asDouble());
        }
        JsonNode m1 = json.get("stations").get("m1");
        double sum = 0;
        for (String state : new String[] {"working", "blocked", "starved", "down", "setup", "offShift"}) {
            sum += m1.get("states").get(state).asDouble();
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(m1.get("utilization").asDouble())
                .isEqualTo(m1.get("states").get("working").asDouble());
        assertThat(json.get("bottleneck").asText()).isIn("m1", "m2");
        assertThat(json.get("meta").get("events").asLong()).isPositive();
        assertThat(json.get("meta").get("seed").asLong()).isEqualTo(7);
        assertThat(cli.out()).contains("throughput [parts/h]").contains("bottleneck: ");
    }

    @Test
    void oneReplicationHasNullIntervals() throws IOException {
        Path out = dir.resolve("one.json");

        Cli cli =
                Cli.run("run", TEXTBOOK.toString(), "--horizon", "1h", "--replications", "1", "--json", out.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode throughput = JSON.readTree(out.toFile()).get("kpis").get("throughputPerHour");
        assertThat(throughput.get("ciLow").isNull()).isTrue();
        assertThat(throughput.get("ciHigh").isNull()).isTrue();
    }

    @Test
    void sameSeedGivesIdenticalJsonWhateverTheThreadCount() throws IOException {
        Path parallel = dir.resolve("parallel.json");
        Path sequential = dir.resolve("sequential.json");

        Cli.run(
                "run",
                TEXTBOOK.toString(),
                "--horizon",
                "2h",
                "--replications",
                "4",
                "--threads",
                "4",
                "--json",
                parallel.toString());
        Cli.run(
                "run",
                TEXTBOOK.toString(),
                "--horizon",
                "2h",
                "--replications",
                "4",
                "--threads",
                "1",
                "--json",
                sequential.toString());

        assertThat(withoutWallClock(parallel)).isEqualTo(withoutWallClock(sequential));
    }

    @Test
    void anotherSeedGivesOtherNumbers() throws IOException {
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");

        Cli.run("run", TEXTBOOK.toString(), "--horizon", "2h", "--replications", "2", "--json", first.toString());
        Cli.run(
                "run",
                TEXTBOOK.toString(),
                "--horizon",
                "2h",
                "--replications",
                "2",
                "--seed",
                "8",
                "--json",
                second.toString());

        assertThat(withoutWallClock(first).get("kpis"))
                .isNotEqualTo(withoutWallClock(second).get("kpis"));
    }

    @Test
    void runsAVariant() throws IOException {
        Path out = dir.resolve("variant.json");

        Cli cli = Cli.run(
                "run",
                TEXTBOOK.toString(),
                "--variant",
                "no-buffer",
                "--horizon",
                "2h",
                "--replications",
                "2",
                "--json",
                out.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(JSON.readTree(out.toFile()).get("variant").asText()).isEqualTo("no-buffer");
    }

    @Test
    void anUnknownVariantIsBadInput() {
        Cli cli = Cli.run("run", TEXTBOOK.toString(), "--variant", "bufer-20");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err())
                .contains("--variant: variant must be one of baseline, [buffer-20, no-buffer], got bufer-20");
    }

    @Test
    void aBadDurationOptionIsBadInput() {
        Cli cli = Cli.run("run", TEXTBOOK.toString(), "--horizon", "fast");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err().strip()).startsWith("--horizon: expected a duration");
    }

    @Test
    void aMissingFileIsBadInput() {
        Cli cli = Cli.run("run", dir.resolve("nope.yaml").toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("nope.yaml: no such scenario file");
    }

    @Test
    void aBrokenScenarioPrintsItsFirstProblemAndExits2() throws IOException {
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, Files.readString(TEXTBOOK).replace("to: m2", "to: m3"));

        Cli cli = Cli.run("run", broken.toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err().lines().toList()).hasSize(1);
        assertThat(cli.err()).contains("buffers.b.to: no station 'm3'");
    }

    @Test
    void withoutOutputTheLeadTimeIsNoDataNotZero() throws IOException {
        Path scenario = Scenarios.withoutOutput(dir, 3);
        Path out = dir.resolve("slow.json");

        Cli cli = Cli.run("run", scenario.toString(), "--json", out.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode lead = JSON.readTree(out.toFile()).get("kpis").get("leadTimeSeconds");
        assertThat(lead.get("mean").isNull()).isTrue();
        assertThat(lead.get("ciLow").isNull()).isTrue();
        assertThat(cli.out()).containsPattern("lead time \\[s\\] +no data").doesNotContain("0.000");
    }

    @Test
    void aScenarioWithUnitsCountsInThemAndSplitsWipPerUnit() throws IOException {
        Path out = dir.resolve("bottling.json");

        Cli cli = Cli.run(
                "run",
                Scenarios.library().resolve("bottling-line.yaml").toString(),
                "--horizon",
                "1d",
                "--replications",
                "2",
                "--json",
                out.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out())
                .contains(
                        "throughput [pallets/h]",
                        "per production hour [pallets/h]",
                        "per shift [pallets]",
                        "per week [pallets]",
                        "WIP [bottles]",
                        "WIP [cases]",
                        "WIP [pallets]")
                .doesNotContain("WIP [parts]")
                .containsPattern("packer .* cases\\n");
        JsonNode json = JSON.readTree(out.toFile());
        assertThat(json.get("output").get("plural").asText()).isEqualTo("pallets");
        assertThat(json.get("stations").get("filler").get("unit").asText()).isEqualTo("bottle");
        assertThat(json.get("stations").get("palletiser").get("unit").asText()).isEqualTo("pallet");
        double wip = 0;
        for (String unit : new String[] {"bottle", "case", "pallet"}) {
            wip += json.get("wipByUnit").get(unit).get("mean").asDouble();
        }
        assertThat(wip)
                .isCloseTo(
                        json.get("kpis").get("wip").get("mean").asDouble(),
                        org.assertj.core.api.Assertions.within(1e-6));
        // Two shifts of 7.5 h on Mon-Fri: a week's output is the production rate times 75 h.
        JsonNode output = json.get("output");
        assertThat(output.get("perWeek").get("mean").asDouble())
                .isCloseTo(
                        75 * output.get("perProductionHour").get("mean").asDouble(),
                        org.assertj.core.api.Assertions.within(1e-6));
        assertThat(output.get("perShift").get("mean").asDouble())
                .isCloseTo(
                        7.5 * output.get("perProductionHour").get("mean").asDouble(),
                        org.assertj.core.api.Assertions.within(1e-6));
        assertThat(json.get("start").asText()).isEqualTo("Mon 06:00");
    }

    @Test
    void numbersAreFormattedByMagnitude() {
        Cli cli = Cli.run("run", TEXTBOOK.toString(), "--horizon", "1h", "--replications", "2");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        // No padded decimals anywhere in the tables (884.800, 0.000, 366.000 before).
        assertThat(cli.out()).doesNotContainPattern("\\d\\.\\d*000\\b");
        assertThat(cli.out()).containsPattern("m1 .* 0\\s+\\d+\\.\\d%\\n");
    }

    @Test
    void compoundDurationsWorkOnTheCommandLine() throws IOException {
        Path out = dir.resolve("compound.json");

        Cli cli = Cli.run(
                "run",
                TEXTBOOK.toString(),
                "--horizon",
                "1h30m",
                "--warmup",
                "2m30s",
                "--replications",
                "2",
                "--json",
                out.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).contains("2 replications × 1h30m after 2m30s warm-up");
        JsonNode json = JSON.readTree(out.toFile());
        assertThat(json.get("horizonSeconds").asDouble()).isEqualTo(5400);
        assertThat(json.get("warmupSeconds").asDouble()).isEqualTo(150);
    }

    static ObjectNode withoutWallClock(Path file) throws IOException {
        ObjectNode json = (ObjectNode) JSON.readTree(file.toFile());
        ObjectNode meta = (ObjectNode) json.get("meta");
        meta.remove("wallSeconds");
        meta.remove("eventsPerSecond");
        return json;
    }
}
