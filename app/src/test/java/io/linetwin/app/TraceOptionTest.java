package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --trace OUT.jsonl}: one JSON object per line, the story of replication 0. */
final class TraceOptionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void writesOneJsonObjectPerEventInTimeOrder() throws IOException {
        Path trace = dir.resolve("sub/trace.jsonl");
        Path result = dir.resolve("run.json");

        Cli cli = Cli.run(
                "run",
                Scenarios.library().resolve("bottling-line.yaml").toString(),
                "--horizon",
                "2h",
                "--warmup",
                "0s",
                "--replications",
                "1",
                "--json",
                result.toString(),
                "--trace",
                trace.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        List<String> lines = Files.readAllLines(trace);
        assertThat(lines).hasSizeGreaterThan(1000);
        Map<String, Integer> counts = new HashMap<>();
        double last = 0;
        for (String line : lines) {
            JsonNode event = JSON.readTree(line);
            assertThat(event.isObject()).as(line).isTrue();
            assertThat(event.get("t").asDouble()).isGreaterThanOrEqualTo(last);
            last = event.get("t").asDouble();
            counts.merge(event.get("event").asText(), 1, Integer::sum);
        }
        assertThat(counts)
                .containsOnlyKeys("released", "moved", "finished", "scrapped", "assembled", "vehicle", "state");
        // Bottles are packed into cases and cases stacked on pallets, which AGVs take to the warehouse.
        assertThat(counts.get("assembled")).isPositive();
        assertThat(counts.get("vehicle")).isPositive();
        // With no warm-up the window is the whole run: the trace's finished parts are the run's good output.
        double goodPerHour = JSON.readTree(result.toFile())
                .get("kpis")
                .get("throughputPerHour")
                .get("mean")
                .asDouble();
        assertThat(counts.get("finished") / 2.0).isCloseTo(goodPerHour, org.assertj.core.api.Assertions.within(1e-6));
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.get("event").asText()).isEqualTo("state");
        assertThat(first.get("server").asInt()).isZero();
    }

    @Test
    void aScenarioWithAStartDateStampsEveryEventWithItsDateAndTime() throws IOException {
        Path scenario = dir.resolve("dated.yaml");
        Files.writeString(scenario, """
                schema: linetwin/v1
                name: dated
                line:
                  stations: [ { id: m, kind: machine, process: 90s } ]
                experiment: { horizon: 1h, replications: 1, start: "2026-12-31 23:30" }
                """);
        Path trace = dir.resolve("dated.jsonl");

        Cli cli = Cli.run("run", scenario.toString(), "--trace", trace.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        List<String> lines = Files.readAllLines(trace);
        JsonNode finishedFirst = lines.stream()
                .map(TraceOptionTest::json)
                .filter(e -> e.get("event").asText().equals("finished"))
                .findFirst()
                .orElseThrow();
        assertThat(finishedFirst.get("t").asDouble()).isEqualTo(90.0);
        assertThat(finishedFirst.get("at").asText()).isEqualTo("2026-12-31T23:31:30");
        assertThat(json(lines.get(lines.size() - 1)).get("at").asText()).startsWith("2027-01-01T00:");
        // Without a date the lines stay as they were: no at.
        Path plain = dir.resolve("plain.jsonl");
        Files.writeString(scenario, Files.readString(scenario).replace("\"2026-12-31 23:30\"", "\"thu 23:30\""));
        Cli.run("run", scenario.toString(), "--trace", plain.toString());
        assertThat(json(Files.readAllLines(plain).get(0)).has("at")).isFalse();
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
