package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real outputs of {@code run}, {@code compare}, {@code health risk} and {@code run --trace} against the JSON
 * Schemas in docs/schemas, which document them; and the schemas are strict enough to catch a broken document.
 */
final class JsonSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCHEMAS = Path.of("..", "docs", "schemas");

    @TempDir
    Path dir;

    private static Schema schema(String name) throws IOException {
        try (InputStream in = Files.newInputStream(SCHEMAS.resolve(name))) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(in);
        }
    }

    private static void assertValid(String schemaName, JsonNode document) throws IOException {
        List<Error> errors = schema(schemaName).validate(document);
        assertThat(errors)
                .as(
                        "%s against %s",
                        document.toString()
                                .substring(0, Math.min(200, document.toString().length())),
                        schemaName)
                .isEmpty();
    }

    @Test
    void runOutputsMatchTheirSchema() throws IOException {
        for (String name : new String[] {"bottling-line", "textbook-two-machine", "smt-line"}) {
            Path out = dir.resolve(name + ".json");
            Cli cli = Cli.run(
                    "run",
                    Scenarios.library().resolve(name + ".yaml").toString(),
                    "--horizon",
                    "4h",
                    "--replications",
                    "2",
                    "--json",
                    out.toString());
            assertThat(cli.exitCode()).as(cli.err()).isZero();
            assertValid("run.schema.json", JSON.readTree(out.toFile()));
        }
        Path one = dir.resolve("one.json");
        Cli.run(
                "run",
                Scenarios.library().resolve("textbook-two-machine.yaml").toString(),
                "--horizon",
                "1h",
                "--replications",
                "1",
                "--json",
                one.toString());
        assertValid("run.schema.json", JSON.readTree(one.toFile()));
    }

    /** A line with a batch station (issue 16's new kind) runs from the CLI, and its output keeps the contract. */
    @Test
    void aBatchStationRunMatchesTheSchema() throws IOException {
        Path scenario = dir.resolve("batch-oven.yaml");
        Files.writeString(
                scenario,
                String.join(
                        "\n",
                        "schema: linetwin/v1",
                        "name: batch-oven",
                        "line:",
                        "  id: test:batch-oven",
                        "  stations:",
                        "    - { id: in, kind: source, interarrival: { dist: exponential, mean: 50s } }",
                        "    - { id: oven, kind: batch, batchSize: 6, maxWait: 10m, process: 4m }",
                        "    - { id: out, kind: sink }",
                        "  buffers:",
                        "    - { id: b-in, from: in, to: oven, capacity: 20 }",
                        "    - { id: b-out, from: oven, to: out, capacity: 20 }",
                        "experiment: { horizon: 1d, warmup: 1h, replications: 2, seed: 1 }",
                        ""));
        Path out = dir.resolve("batch.json");

        Cli cli = Cli.run("run", scenario.toString(), "--json", out.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode result = JSON.readTree(out.toFile());
        assertValid("run.schema.json", result);
        assertThat(result.toString()).contains("\"oven\"").contains("\"kind\":\"batch\"");
    }

    @Test
    void aRunWithoutOutputMatchesTooWithItsNulls() throws IOException {
        Path scenario = Scenarios.withoutOutput(dir, 2);
        Path out = dir.resolve("slow.json");
        assertThat(Cli.run("run", scenario.toString(), "--json", out.toString()).exitCode())
                .isZero();
        assertValid("run.schema.json", JSON.readTree(out.toFile()));
    }

    @Test
    void compareOutputMatchesItsSchema() throws IOException {
        Path out = dir.resolve("compare.json");
        Cli cli = Cli.run(
                "compare",
                Scenarios.library().resolve("bottling-line.yaml").toString(),
                "--horizon",
                "4h",
                "--replications",
                "2",
                "--json",
                out.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertValid("compare.schema.json", JSON.readTree(out.toFile()));
    }

    @Test
    void healthRiskOutputMatchesItsSchema() throws IOException {
        Path out = dir.resolve("risk.json");
        Cli cli = Cli.run(
                "health",
                "risk",
                Scenarios.library().resolve("bottling-line.yaml").toString(),
                "--rul",
                "filler=20h,5h",
                "--horizon",
                "1d",
                "--replications",
                "2",
                "--json",
                out.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertValid("health-risk.schema.json", JSON.readTree(out.toFile()));
    }

    @Test
    void everyTraceLineMatchesItsSchemaWithAndWithoutADate() throws IOException {
        Path trace = dir.resolve("trace.jsonl");
        Cli cli = Cli.run(
                "run",
                Scenarios.library().resolve("bottling-line.yaml").toString(),
                "--horizon",
                "1h",
                "--replications",
                "1",
                "--trace",
                trace.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        Path dated = dir.resolve("dated.yaml");
        Files.writeString(
                dated,
                Files.readString(Scenarios.library().resolve("bottling-line.yaml"))
                        .replace("start: \"mon 06:00\"", "start: \"2026-12-07 06:00\""));
        Path datedTrace = dir.resolve("dated.jsonl");
        assertThat(Cli.run(
                                "run",
                                dated.toString(),
                                "--horizon",
                                "1h",
                                "--replications",
                                "1",
                                "--trace",
                                datedTrace.toString())
                        .exitCode())
                .isZero();
        Schema schema = schema("trace-line.schema.json");
        for (Path file : List.of(trace, datedTrace)) {
            List<String> lines = Files.readAllLines(file);
            assertThat(lines).hasSizeGreaterThan(100);
            for (String line : lines) {
                assertThat(schema.validate(JSON.readTree(line))).as(line).isEmpty();
            }
        }
        assertThat(JSON.readTree(Files.readAllLines(datedTrace).get(0)).has("at"))
                .isTrue();
    }

    @Test
    void theSchemasRejectADocumentThatBreaksTheContract() throws IOException {
        Path out = dir.resolve("run.json");
        Cli.run(
                "run",
                Scenarios.library().resolve("textbook-two-machine.yaml").toString(),
                "--horizon",
                "1h",
                "--replications",
                "2",
                "--json",
                out.toString());
        ObjectNode renamed = (ObjectNode) JSON.readTree(out.toFile());
        ((ObjectNode) renamed.get("kpis")).set("throughput", renamed.get("kpis").get("throughputPerHour"));
        ((ObjectNode) renamed.get("kpis")).remove("throughputPerHour");
        ObjectNode overOne = (ObjectNode) JSON.readTree(out.toFile());
        ((ObjectNode) overOne.get("kpis").get("oee")).put("mean", 1.016);

        assertThat(schema("run.schema.json").validate(renamed)).isNotEmpty();
        assertThat(schema("run.schema.json").validate(overOne)).isNotEmpty();
        assertThat(
                        schema("trace-line.schema.json")
                                .validate(
                                        JSON.readTree(
                                                "{\"t\":1.0,\"event\":\"state\",\"station\":\"m\",\"server\":0,\"state\":\"sleeping\"}")))
                .isNotEmpty();
    }
}
