package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.Scenario;
import io.linetwin.scenario.ScenarioLoader;
import io.linetwin.twin.DittoMessages;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.LineDescriptors;
import io.linetwin.twin.TwinEvent;
import io.linetwin.twin.TwinStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --from-twin}: the live twin's snapshot seeds every replication. */
final class TwinWarmStartTest {

    private static final Instant MONDAY_6AM = Instant.parse("2026-11-30T06:00:00Z");
    private static final Path BOTTLING = Scenarios.library().resolve("bottling-line.yaml");

    @TempDir
    Path dir;

    @Test
    void aMachineDownInTheTwinStaysDownAndOnlyTheBufferedPartsGetThrough() throws Exception {
        Path snapshot = snapshotWithFillerDownAndFiveLitresInB2();
        Path out = dir.resolve("run.json");

        Cli cli = Cli.run(
                "run",
                BOTTLING.toString(),
                "--from-twin",
                snapshot.toString(),
                "--horizon",
                "300s",
                "--warmup",
                "0s",
                "--replications",
                "2",
                "--json",
                out.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        JsonNode stations = new ObjectMapper().readTree(out.toFile()).get("stations");
        // The filler has 600 s of repair left: down for the whole 300 s window, in every replication.
        assertThat(stations.get("filler").get("states").get("down").asDouble()).isEqualTo(1.0);
        // Nothing new reaches the capper: it finishes exactly the five parts the twin saw in b2.
        JsonNode capper = stations.get("capper");
        assertThat(capper.get("good").asDouble() + capper.get("scrap").asDouble())
                .isEqualTo(5.0);
    }

    @Test
    void theSnapshotTwinFollowKeepsWithItsKafkaOffsetsStartsARunAndBadOffsetsAreNamed() throws Exception {
        // twin follow --snapshot-out writes its checkpoint: the snapshot plus where it stands on the events topic.
        // The README's newcomer steps read it back with --from-twin; the strict reader refused the offsets key.
        Path plain = snapshotWithFillerDownAndFiveLitresInB2();
        JsonObject json = JsonObject.of(Files.readString(plain));
        Path checkpoint = dir.resolve("follow.json");
        Files.writeString(
                checkpoint,
                json.toBuilder()
                        .set(
                                "offsets",
                                JsonObject.newBuilder()
                                        .set("linetwin.twin.events/0", 7874L)
                                        .build())
                        .build()
                        .toString());

        Cli cli = Cli.run(
                "run",
                BOTTLING.toString(),
                "--from-twin",
                checkpoint.toString(),
                "--horizon",
                "300s",
                "--warmup",
                "0s",
                "--replications",
                "2");
        assertThat(cli.exitCode()).as(cli.err()).isZero();

        Files.writeString(
                checkpoint,
                json.toBuilder()
                        .set(
                                "offsets",
                                JsonObject.newBuilder()
                                        .set("linetwin.twin.events/0", -1)
                                        .build())
                        .build()
                        .toString());
        Cli bad = Cli.run(
                "run",
                BOTTLING.toString(),
                "--from-twin",
                checkpoint.toString(),
                "--horizon",
                "300s",
                "--warmup",
                "0s",
                "--replications",
                "2");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).startsWith(checkpoint + ":1:").contains("offsets.linetwin.twin.events/0");
    }

    @Test
    void theTraceOfAWarmStartedRunStartsFromTheTwinsState() throws Exception {
        Path snapshot = snapshotWithFillerDownAndFiveLitresInB2();
        Path trace = dir.resolve("trace.jsonl");

        Cli cli = Cli.run(
                "run",
                BOTTLING.toString(),
                "--from-twin",
                snapshot.toString(),
                "--horizon",
                "300s",
                "--warmup",
                "0s",
                "--replications",
                "1",
                "--trace",
                trace.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        ObjectMapper json = new ObjectMapper();
        double start = WarmStartOptions.clockOf(
                MONDAY_6AM, ScenarioLoader.load(BOTTLING).experiment());
        int cappedLitres = 0;
        int fillerMoves = 0;
        for (String line : Files.readAllLines(trace)) {
            JsonNode event = json.readTree(line);
            assertThat(event.get("t").asDouble()).as(line).isBetween(start, start + 300);
            String kind = event.get("event").asText();
            if ("moved".equals(kind) && "filler".equals(event.get("from").asText())) {
                fillerMoves++;
            }
            boolean leftCapper =
                    "moved".equals(kind) && "capper".equals(event.get("from").asText());
            boolean scrappedAtCapper = "scrapped".equals(kind)
                    && "capper".equals(event.get("station").asText());
            if (leftCapper || scrappedAtCapper) {
                cappedLitres++;
            }
        }
        // The filler is down for the whole window, so nothing leaves it; the capper passes on (or scraps)
        // exactly the five litres the twin saw in b2.
        assertThat(fillerMoves).isZero();
        assertThat(cappedLitres).isEqualTo(5);
    }

    @Test
    void aSnapshotThatDoesNotFitTheLineIsBadInput() throws Exception {
        Scenario scenario = ScenarioLoader.load(BOTTLING);
        TwinStore store = TwinStore.of(LineDescriptors.of(scenario.line()), Clock.fixed(MONDAY_6AM, ZoneOffset.UTC));
        LineDescriptor line = LineDescriptors.of(scenario.line());
        apply(
                store,
                DittoMessages.toJson(DittoMessages.propertyModified(
                        line.thingIdOf("b2"),
                        "buffer",
                        "levels",
                        JsonObject.newBuilder().set("litre", 50).build(),
                        1,
                        MONDAY_6AM)));
        Path snapshot = dir.resolve("overfull.json");
        store.snapshot().write(snapshot);
        // The twin itself refuses a level above a buffer's capacity; a file edited by hand (or by another tool)
        // can still hold one, and run must refuse it.
        java.nio.file.Files.writeString(
                snapshot, java.nio.file.Files.readString(snapshot).replace("\"litre\":50", "\"litre\":500"));

        Cli cli = Cli.run("run", BOTTLING.toString(), "--from-twin", snapshot.toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        // Positioned at the level in the file, not only "the state does not fit".
        assertThat(cli.err())
                .startsWith(snapshot + ":1:")
                .contains(" things.plant1:bottling.b2.thing.features.buffer.properties.levels: 'b2' holds at most 60"
                        + " parts, got 500");
    }

    @Test
    void theSnapshotInstantPlacesTheStartInTheWeeklyCalendar() {
        ExperimentSpec fromMondayMidnight = new ExperimentSpec(3600, 0, 1, 1, 0);
        ExperimentSpec fromMonday6 = new ExperimentSpec(3600, 0, 1, 1, 6 * 3600);

        assertThat(WarmStartOptions.clockOf(MONDAY_6AM, fromMondayMidnight)).isEqualTo(6 * 3600);
        assertThat(WarmStartOptions.clockOf(MONDAY_6AM, fromMonday6)).isZero();
        // Sunday 23:00 is 6 d 17 h after Monday 06:00.
        assertThat(WarmStartOptions.clockOf(Instant.parse("2026-12-06T23:00:00Z"), fromMonday6))
                .isEqualTo((6 * 24 + 17) * 3600.0);
    }

    private Path snapshotWithFillerDownAndFiveLitresInB2() throws Exception {
        LineSpec lineSpec = ScenarioLoader.load(BOTTLING).line();
        LineDescriptor line = LineDescriptors.of(lineSpec);
        TwinStore store = TwinStore.of(line, Clock.fixed(MONDAY_6AM, ZoneOffset.UTC));
        apply(
                store,
                DittoMessages.toJson(DittoMessages.propertyModified(
                        line.thingIdOf("filler"), "status", "state", JsonValue.of("down"), 1, MONDAY_6AM)));
        apply(
                store,
                DittoMessages.toJson(DittoMessages.propertyModified(
                        line.thingIdOf("filler"), "status", "remainingSeconds", JsonValue.of(600), 2, MONDAY_6AM)));
        apply(
                store,
                DittoMessages.toJson(DittoMessages.propertyModified(
                        line.thingIdOf("b2"),
                        "buffer",
                        "levels",
                        JsonObject.newBuilder().set("litre", 5).build(),
                        1,
                        MONDAY_6AM)));
        Path file = dir.resolve("snapshot.json");
        store.snapshot().write(file);
        return file;
    }

    private static void apply(TwinStore store, String message) {
        assertThat(store.apply(message)).isInstanceOf(TwinEvent.Applied.class);
    }
}
