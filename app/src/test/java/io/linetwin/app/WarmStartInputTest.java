package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.model.Scenario;
import io.linetwin.scenario.ScenarioLoader;
import io.linetwin.twin.LineDescriptors;
import io.linetwin.twin.TwinStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Warm-start files are read strictly: what used to be silently accepted (unknown keys, text after the
 * document, a duplicate key, a counter {@code "abc"} read as 0, a level 2.7 read as 2, a twin snapshot of another
 * line giving cold-start numbers) is a positioned problem naming file, line, column and key, with exit 2.
 */
final class WarmStartInputTest {

    private static final Path TWO_MACHINES = Scenarios.library().resolve("textbook-two-machine.yaml");
    private static final Path BOTTLING = Scenarios.library().resolve("bottling-line.yaml");
    private static final String VALID = "{\"capturedAt\":\"2025-01-06T06:00:00Z\",\"clockSeconds\":0,"
            + "\"stations\":{\"m1\":{\"condition\":{\"state\":\"working\"},\"good\":3,\"scrap\":0}},"
            + "\"buffers\":{\"b\":{\"byProduct\":{\"\":2}}}}";

    @TempDir
    Path dir;

    @Test
    void aValidStateStartsTheRun() throws Exception {
        Cli cli = run(state(VALID));

        assertThat(cli.exitCode()).as(cli.err()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "unknown key|\"clockSeconds\":0,|\"clockSeconds\":0,\"colour\":\"red\",|\"colour\"|colour: unknown key "
                        + "'colour'; expected one of capturedAt, clockSeconds, stations, buffers, parameters, materialStocks",
                "counter abc|\"good\":3|\"good\":\"abc\"|\"abc\"|stations.m1.good: expected a whole number, got \"abc\"",
                "fractional level|{\"\":2}|{\"\":2.7}|2.7|buffers.b.byProduct.\"\": expected a whole number, got 2.7",
                "huge level|{\"\":2}|{\"\":2000000000}|{\"\":2000000000}|buffers.b.byProduct: buffer 'b' holds at most 10 "
                        + "parts, got 2000000000",
                "count past 64 bits|{\"\":2}|{\"\":100000000000000000000}|100000000000000000000|buffers.b.byProduct.\"\": "
                        + "expected a whole number in [0, 2147483647], got 100000000000000000000",
                "count as 1e20|{\"\":2}|{\"\":1e20}|1e20|buffers.b.byProduct.\"\": expected a whole number, got 1e20",
                "unknown station|\"m1\":{|\"m9\":{|{\"condition|stations.m9: no station 'm9' in line "
                        + "'textbook:two-machine'; did you mean 'm1'?",
                "unknown state|\"working\"|\"dozing\"|\"dozing\"|stations.m1.condition.state: expected one of working, "
                        + "blocked, starved, down, setup, offShift, got \"dozing\""
            })
    void aBadStateIsAPositionedProblem(String what, String replace, String with, String at, String expected)
            throws Exception {
        String json = VALID.replace(replace, with);
        Path file = state(json);

        Cli cli = run(file);

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).isEqualTo(file + ":1:" + (json.indexOf(at) + 1) + " " + expected + "\n");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void aDuplicateKeyIsRefusedAtItsSecondPlace() throws Exception {
        String json = VALID.replace("\"good\":3", "\"good\":3,\"good\":4");
        Path file = state(json);

        Cli cli = run(file);

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err())
                .isEqualTo(file + ":1:" + (json.lastIndexOf("\"good\"") + 1) + " duplicate key 'good' " + "(first at 1:"
                        + (json.indexOf("\"good\"") + 1) + ")\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {" }", "x", "{}", "\n[1]"})
    void textAfterTheDocumentIsRefused(String garbage) throws Exception {
        Path file = state(VALID + garbage);

        Cli cli = run(file);

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).startsWith(file + ":").contains("after the end of the document");
    }

    @Test
    void aTwinSnapshotOfAnotherLineIsRefusedByEveryCommandThatReadsOne() throws Exception {
        Path snapshot = bottlingSnapshot();
        String expected = snapshot + ":1:" + (Files.readString(snapshot).indexOf("{\"plant1") + 1)
                + " things: no thing of line 'textbook:two-machine' in the snapshot (it "
                + "holds things of plant1:bottling): is it the snapshot of another line? The scenario's line.id "
                + "must be the twin's line\n";

        Cli run = Cli.run("run", TWO_MACHINES.toString(), "--from-twin", snapshot.toString());
        Cli render = Cli.run(
                "render",
                TWO_MACHINES.toString(),
                "--from-twin",
                snapshot.toString(),
                "--out",
                dir.resolve("x.png").toString());
        Cli risk = Cli.run(
                "health", "risk", TWO_MACHINES.toString(), "--rul", "m1=30h", "--from-twin", snapshot.toString());

        for (Cli cli : new Cli[] {run, render, risk}) {
            assertThat(cli.exitCode()).isEqualTo(2);
            assertThat(cli.err()).isEqualTo(expected);
            assertThat(cli.out()).isEmpty();
        }
        assertThat(dir.resolve("x.png")).doesNotExist();
    }

    @Test
    void aSnapshotCounterThatIsNoNumberIsRefused() throws Exception {
        Path snapshot = bottlingSnapshot();
        Files.writeString(snapshot, Files.readString(snapshot).replaceFirst("\"good\":0", "\"good\":\"abc\""));

        Cli cli = Cli.run("run", BOTTLING.toString(), "--from-twin", snapshot.toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err())
                .startsWith(snapshot + ":1:")
                .contains(".thing.features.counters.properties.good: " + "expected a whole number, got \"abc\"");
    }

    @Test
    void aSnapshotLevelOfAPartialPartIsRefused() throws Exception {
        Path snapshot = bottlingSnapshot();
        Files.writeString(
                snapshot, Files.readString(snapshot).replaceFirst("\"levels\":\\{}", "\"levels\":{\"litre\":2.7}"));

        Cli cli = Cli.run("run", BOTTLING.toString(), "--from-twin", snapshot.toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err())
                .contains(".thing.features.buffer.properties.levels.litre: expected a whole number, " + "got 2.7");
    }

    @Test
    void aFollowersCheckpointOfALineWithoutProductsIsASnapshotEveryCommandReads() throws Exception {
        // What twin follow --snapshot-out writes: the offsets it covers, and levels under the twin's "(part)".
        Scenario twoMachines = ScenarioLoader.load(TWO_MACHINES);
        Path snapshot = dir.resolve("checkpoint.json");
        TwinStore store = TwinStore.of(
                LineDescriptors.of(twoMachines.line()),
                Clock.fixed(Instant.parse("2026-11-30T06:00:00Z"), ZoneOffset.UTC));
        store.apply(io.linetwin.twin.DittoMessages.toJson(io.linetwin.twin.DittoMessages.propertyModified(
                LineDescriptors.of(twoMachines.line()).thingIdOf("b"),
                "buffer",
                "levels",
                org.eclipse.ditto.json.JsonObject.newBuilder().set("(part)", 2).build(),
                1,
                Instant.parse("2026-11-30T06:00:00Z"))));
        store.snapshot()
                .withOffsets(java.util.Map.of("linetwin.twin.events/0", 12L))
                .write(snapshot);
        assertThat(Files.readString(snapshot)).contains("\"offsets\"", "\"(part)\":2");

        Cli cli = Cli.run(
                "run",
                TWO_MACHINES.toString(),
                "--from-twin",
                snapshot.toString(),
                "--horizon",
                "1h",
                "--replications",
                "2");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        Files.writeString(
                snapshot,
                Files.readString(snapshot).replace("\"linetwin.twin.events/0\":12", "\"linetwin.twin.events/0\":-1"));
        assertThat(Cli.run("run", TWO_MACHINES.toString(), "--from-twin", snapshot.toString())
                        .err())
                .contains("offsets.linetwin.twin.events/0: expected a whole number");
    }

    private Cli run(Path state) {
        return Cli.run(
                "run",
                TWO_MACHINES.toString(),
                "--from-state",
                state.toString(),
                "--horizon",
                "1h",
                "--replications",
                "2");
    }

    private Path state(String json) throws Exception {
        return Files.writeString(dir.resolve("state.json"), json);
    }

    private Path bottlingSnapshot() throws Exception {
        Scenario bottling = ScenarioLoader.load(BOTTLING);
        Path snapshot = dir.resolve("twin.json");
        TwinStore.of(
                        LineDescriptors.of(bottling.line()),
                        Clock.fixed(Instant.parse("2026-11-30T06:00:00Z"), ZoneOffset.UTC))
                .snapshot()
                .write(snapshot);
        return snapshot;
    }
}
