package io.linetwin.twin.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.twin.DittoMessages;
import io.linetwin.twin.Lines;
import io.linetwin.twin.TwinStore;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ReplayFileTest {

    private static final ThingId FILLER = ThingId.of("plant1:bottling.filler");

    @TempDir
    Path dir;

    /** A clock that only the fake sleeper moves. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2030-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private Path recording(int messages, Duration spacing) throws Exception {
        Path file = dir.resolve("line.jsonl");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= messages; i++) {
                Instant at = Lines.T0.plus(spacing.multipliedBy(i));
                ReplayFile.append(
                        out,
                        at,
                        DittoMessages.toJson(
                                DittoMessages.propertyModified(FILLER, "counters", "good", JsonValue.of(i), i, at)));
                if (i == 2) {
                    out.write("this line is not a recording entry");
                    out.newLine();
                }
            }
        }
        return file;
    }

    @Test
    void aRecordingPlaysAtTheSpeedFactorWithoutRealWaiting() throws Exception {
        Path file = recording(11, Duration.ofSeconds(60));
        ManualClock clock = new ManualClock();
        List<Duration> sleeps = new ArrayList<>();
        ReplayFile player = new ReplayFile(
                clock,
                d -> {
                    sleeps.add(d);
                    clock.now = clock.now.plus(d);
                },
                60);
        TwinStore store = Lines.store();
        Instant start = clock.now;

        ReplayFile.Result result = player.play(file, store::apply);

        assertThat(result).isEqualTo(new ReplayFile.Result(11, 1));
        assertThat(sleeps).hasSize(10).allMatch(d -> d.equals(Duration.ofSeconds(1)));
        assertThat(Duration.between(start, clock.now)).isEqualTo(Duration.ofSeconds(10));
        assertThat(store.stats().applied()).isEqualTo(11);
        assertThat(store.revisionOf(FILLER)).hasValue(11);
    }

    @Test
    void aSlowConsumerIsNotMadeToWaitAgain() throws Exception {
        Path file = recording(3, Duration.ofSeconds(1));
        ManualClock clock = new ManualClock();
        List<Duration> sleeps = new ArrayList<>();
        ReplayFile player = new ReplayFile(clock, sleeps::add, 1);

        // Each hand-over takes 5 s, longer than the 1 s spacing: the player must not sleep at all.
        player.play(file, message -> clock.now = clock.now.plusSeconds(5));

        assertThat(sleeps).isEmpty();
    }
}
