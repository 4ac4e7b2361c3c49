package io.linetwin.twin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class HistoryLogTest {

    private static final ThingId FILLER = ThingId.of("plant1:bottling.filler");

    @TempDir
    Path dir;

    private static String reading(double temperature, long revision) {
        return DittoMessages.toJson(DittoMessages.propertyModified(
                FILLER,
                "health",
                "readings/temperature",
                JsonValue.of(temperature),
                revision,
                Lines.T0.plusSeconds(revision)));
    }

    @Test
    void appliedChangesAreLoggedPerThingAndReadBackInOrder() throws Exception {
        TwinStore store = Lines.store();
        try (HistoryLog log = new HistoryLog(dir, 1 << 20, 3)) {
            store.addListener(log);
            for (int r = 1; r <= 50; r++) {
                store.apply(reading(60 + r * 0.1, r));
            }
            store.apply(reading(99, 10));
            store.apply("garbage");

            var entries = log.read(FILLER);
            assertThat(entries).hasSize(50);
            assertThat(entries)
                    .extracting(HistoryEntry::revision)
                    .isSorted()
                    .first()
                    .isEqualTo(1L);
            assertThat(entries.get(49).update().value()).contains(JsonValue.of(65.0));
            assertThat(entries.get(49).update().path().toString())
                    .isEqualTo("/features/health/properties/readings/temperature");
        }
    }

    @Test
    void theLogIsBoundedByRotation() throws Exception {
        TwinStore store = Lines.store();
        try (HistoryLog log = new HistoryLog(dir, 2_000, 2)) {
            store.addListener(log);
            for (int r = 1; r <= 500; r++) {
                store.apply(reading(60, r));
            }
            log.flush();

            assertThat(log.files(FILLER)).hasSize(3);
            long bytes = 0;
            for (Path f : log.files(FILLER)) {
                bytes += Files.size(f);
            }
            assertThat(bytes).isLessThanOrEqualTo(3 * 2_000);
            var kept = log.read(FILLER);
            assertThat(kept.get(kept.size() - 1).revision()).isEqualTo(500);
            assertThat(kept).extracting(HistoryEntry::revision).isSorted();
        }
    }

    @Test
    void replayingTheLogRebuildsTheSameThing() throws Exception {
        TwinStore live = Lines.store();
        try (HistoryLog log = new HistoryLog(dir, 1 << 20, 1)) {
            live.addListener(log);
            for (int r = 1; r <= 20; r++) {
                live.apply(reading(70 + r, r));
            }
            live.apply(DittoMessages.toJson(
                    DittoMessages.modifyProperty(FILLER, "status", "state", JsonValue.of("down"), "c")));
            log.flush();

            TwinStore replayed = Lines.store();
            long applied = HistoryLog.replay(log.current(FILLER), replayed);
            long again = HistoryLog.replay(log.current(FILLER), replayed);

            assertThat(applied).isEqualTo(21);
            assertThat(again).isZero();
            assertThat(replayed.snapshot().get(FILLER))
                    .isEqualTo(live.snapshot().get(FILLER));
        }
    }
}
