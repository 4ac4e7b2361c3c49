package io.linetwin.app.twin;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.scenario.ScenarioLoader;
import io.linetwin.twin.DittoMessages;
import io.linetwin.twin.LineClock;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.LineDescriptors;
import io.linetwin.twin.TwinEvent;
import io.linetwin.twin.TwinStore;
import io.linetwin.twin.sync.TwinHealth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonValue;
import org.junit.jupiter.api.Test;

/** The table {@code twin follow} prints, for a twin following an emulated line whose clock is days behind the wall. */
final class TwinTableTest {

    private static final Instant WALL = Instant.parse("2026-12-04T23:26:14Z");
    private static final Instant LINE = Instant.parse("2026-11-30T06:14:29.985495771Z");

    @Test
    void aStateTheLineNeverReportedShowsNoStateAndTheHeaderTheLinesClockToTheSecond() throws Exception {
        LineDescriptor line =
                LineDescriptors.of(ScenarioLoader.load(bottlingLine()).line());
        LineClock clock = new LineClock(Clock.fixed(WALL, ZoneOffset.UTC));
        TwinStore store = TwinStore.of(line, clock);
        apply(
                store,
                DittoMessages.toJson(DittoMessages.propertyModified(
                        line.thingIdOf("filler"),
                        "status",
                        "state",
                        JsonValue.of("working"),
                        1,
                        LINE.minusSeconds(1))));
        apply(
                store,
                DittoMessages.toJson(DittoMessages.propertyModified(
                        line.thingIdOf("filler"),
                        "status",
                        "since",
                        JsonValue.of(LINE.minusSeconds(1).toString()),
                        2,
                        LINE.minusSeconds(1))));
        // The conveyor's levels come from the line, its state never does (the emulator reports no conveyor state).
        apply(
                store,
                DittoMessages.toJson(DittoMessages.propertyModified(
                        line.thingIdOf("b3"),
                        "buffer",
                        "levels",
                        JsonObject.newBuilder().set("litre", 19).build(),
                        1,
                        LINE)));

        String table = TwinTable.render(
                line,
                store.snapshot(),
                new TwinHealth(
                        TwinHealth.ConsumerState.RUNNING,
                        Optional.of(WALL),
                        clock.instant(),
                        OptionalLong.of(0),
                        store.stats(),
                        0,
                        0,
                        Optional.empty()));

        assertThat(table).startsWith("twin of plant1:bottling at 2026-11-30T06:14:29Z (the line's clock)\n");
        assertThat(row(table, "filler")).contains(" working ").contains(" 11-30 06:14:28 ");
        assertThat(row(table, "b3"))
                .as(table)
                .doesNotContain("12-04")
                .doesNotContain("starved")
                .contains("19/120")
                .matches("b3 +conveyor +- +- .*");
    }

    private static Path bottlingLine() {
        Path fromModule = Path.of("..", "scenarios", "bottling-line.yaml");
        return Files.exists(fromModule) ? fromModule : Path.of("scenarios", "bottling-line.yaml");
    }

    private static String row(String table, String equipment) {
        return table.lines()
                .filter(l -> l.startsWith(equipment + " "))
                .findFirst()
                .orElseThrow();
    }

    private static void apply(TwinStore store, String message) {
        assertThat(store.apply(message)).isInstanceOf(TwinEvent.Applied.class);
    }
}
