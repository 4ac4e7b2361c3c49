package io.linetwin.twin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SnapshotTest {

    private static final ThingId FILLER = ThingId.of("plant1:bottling.filler");
    private static final ThingId CAPPER = ThingId.of("plant1:bottling.capper");

    @TempDir
    Path dir;

    @Test
    void aSnapshotSurvivesItsJsonFile() throws Exception {
        TwinStore store = Lines.store();
        store.apply(DittoMessages.toJson(
                DittoMessages.propertyModified(FILLER, "status", "state", JsonValue.of("down"), 3, Lines.T0)));
        Snapshot snapshot = store.snapshot();

        snapshot.write(dir.resolve("twin.json"));

        assertThat(Snapshot.read(dir.resolve("twin.json"))).isEqualTo(snapshot);
        GoldenFiles.assertMatches("snapshot.json", snapshot.toJson().toString());
    }

    @Test
    void aSnapshotIsImmutableWhileUpdatesStreamIn() {
        TwinStore store = Lines.store();
        Snapshot before = store.snapshot();
        store.apply(DittoMessages.toJson(
                DittoMessages.propertyModified(FILLER, "counters", "good", JsonValue.of(9), 1, Lines.T0)));

        assertThat(before.get(FILLER).orElseThrow().revision()).isZero();
        assertThat(store.snapshot().get(FILLER).orElseThrow().revision()).isEqualTo(1);
    }

    @Test
    void snapshotsTakenDuringWritesNeverShowAHalfAppliedMessage() throws Exception {
        // Each whole-feature message sets good and scrap to the same value; a torn read would differ.
        TwinStore store = Lines.store();
        AtomicBoolean done = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            for (long r = 1; r <= 20_000; r++) {
                ThingId id = r % 2 == 0 ? FILLER : CAPPER;
                store.apply(new ThingUpdate(
                        id,
                        ThingUpdate.Action.SET,
                        org.eclipse.ditto.json.JsonPointer.of("/features/counters/properties"),
                        java.util.Optional.of(org.eclipse.ditto.json.JsonObject.newBuilder()
                                .set("good", r)
                                .set("scrap", r)
                                .build()),
                        java.util.OptionalLong.of(r),
                        java.util.Optional.empty()));
            }
            done.set(true);
        });
        writer.start();
        long lastSum = -1;
        while (!done.get()) {
            Snapshot s = store.snapshot();
            for (ThingId id : new ThingId[] {FILLER, CAPPER}) {
                var json = s.get(id).orElseThrow().thing().toJson();
                assertThat(json.getValue("/features/counters/properties/good"))
                        .isEqualTo(json.getValue("/features/counters/properties/scrap"));
            }
            assertThat(s.revisionSum()).isGreaterThanOrEqualTo(lastSum);
            lastSum = s.revisionSum();
        }
        writer.join();
        assertThat(store.stats().applied()).isEqualTo(20_000);
    }

    @Test
    void snapshotsTakenDuringInPlaceChangesShowEachThingExactlyAtItsRevision() throws Exception {
        // Hot-path messages only (a property set and a merge of two levels), each carrying its revision as
        // its value: a snapshot whose values differ from its revisions would show a torn or lagging Thing.
        TwinStore store = Lines.store();
        // b9 is unlimited: levels of 20,000 parts would exceed b1's capacity of 20.
        ThingId b1 = ThingId.of("plant1:bottling.b9");
        AtomicBoolean done = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            for (long r = 1; r <= 20_000; r++) {
                store.apply(new ThingUpdate(
                        FILLER,
                        ThingUpdate.Action.SET,
                        org.eclipse.ditto.json.JsonPointer.of("/features/counters/properties/good"),
                        java.util.Optional.of(JsonValue.of(r)),
                        java.util.OptionalLong.of(r),
                        java.util.Optional.empty()));
                store.apply(new ThingUpdate(
                        b1,
                        ThingUpdate.Action.MERGE,
                        org.eclipse.ditto.json.JsonPointer.of("/features/buffer/properties/levels"),
                        java.util.Optional.of(org.eclipse.ditto.json.JsonObject.newBuilder()
                                .set("litre", r)
                                .set("half-litre", r)
                                .build()),
                        java.util.OptionalLong.of(r),
                        java.util.Optional.empty()));
            }
            done.set(true);
        });
        writer.start();
        int snapshots = 0;
        while (!done.get()) {
            Snapshot s = store.snapshot();
            TwinThing filler = s.get(FILLER).orElseThrow();
            TwinThing buffer = s.get(b1).orElseThrow();
            if (filler.revision() > 0) {
                assertThat(filler.thing().toJson().getValue("/features/counters/properties/good"))
                        .contains(JsonValue.of(filler.revision()));
            }
            if (buffer.revision() > 0) {
                assertThat(buffer.thing().toJson().getValue("/features/buffer/properties/levels/litre"))
                        .contains(JsonValue.of(buffer.revision()));
                assertThat(buffer.thing().toJson().getValue("/features/buffer/properties/levels/half-litre"))
                        .contains(JsonValue.of(buffer.revision()));
            }
            snapshots++;
        }
        writer.join();
        Snapshot end = store.snapshot();
        assertThat(end.get(FILLER).orElseThrow().thing().toJson().getValue("/features/counters/properties/good"))
                .contains(JsonValue.of(20_000L));
        assertThat(store.stats().applied()).isEqualTo(40_000);
        assertThat(snapshots).isPositive();
    }
}
