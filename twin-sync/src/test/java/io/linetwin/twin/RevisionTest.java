package io.linetwin.twin;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;
import org.junit.jupiter.api.Test;

final class RevisionTest {

    private static final ThingId FILLER = ThingId.of("plant1:bottling.filler");

    private static String good(long value, long revision) {
        return DittoMessages.toJson(
                DittoMessages.propertyModified(FILLER, "counters", "good", JsonValue.of(value), revision, Lines.T0));
    }

    private static JsonValue goodOf(TwinStore store) {
        return store.snapshot()
                .get(FILLER)
                .orElseThrow()
                .thing()
                .toJson()
                .getValue("/features/counters/properties/good")
                .orElseThrow();
    }

    @Test
    void aDuplicateIsIgnoredAndCounted() {
        TwinStore store = Lines.store();
        assertThat(store.apply(good(5, 1))).isInstanceOf(TwinEvent.Applied.class);
        assertThat(store.apply(good(5, 1))).isEqualTo(new TwinEvent.Stale(FILLER, 1, 1));

        assertThat(store.stats().applied()).isEqualTo(1);
        assertThat(store.stats().stale()).isEqualTo(1);
        assertThat(store.revisionOf(FILLER)).hasValue(1);
    }

    @Test
    void anOlderRevisionArrivingLateDoesNotUndoANewerOne() {
        TwinStore store = Lines.store();
        store.apply(good(7, 3));
        TwinEvent late = store.apply(good(6, 2));

        assertThat(late).isEqualTo(new TwinEvent.Stale(FILLER, 2, 3));
        assertThat(goodOf(store)).isEqualTo(JsonValue.of(7));
        assertThat(store.stats().stale()).isEqualTo(1);
    }

    @Test
    void gapsInRevisionsAreAcceptedBecauseTheSourceMayFilterEvents() {
        TwinStore store = Lines.store();
        store.apply(good(1, 1));
        assertThat(store.apply(good(9, 10))).isInstanceOf(TwinEvent.Applied.class);
        assertThat(store.revisionOf(FILLER)).hasValue(10);
    }

    @Test
    void aCommandWithoutRevisionGetsTheNextOne() {
        TwinStore store = Lines.store();
        store.apply(good(1, 4));
        String command = DittoMessages.toJson(
                DittoMessages.modifyProperty(FILLER, "parameters", "speed", JsonValue.of(1.1), "c-1"));

        TwinEvent outcome = store.apply(command);

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        TwinEvent.Applied.class, a -> assertThat(a.revision()).isEqualTo(5));
    }

    @Test
    void eachThingKeepsItsOwnRevision() {
        TwinStore store = Lines.store();
        ThingId capper = ThingId.of("plant1:bottling.capper");
        store.apply(good(1, 8));
        TwinEvent other = store.apply(DittoMessages.toJson(
                DittoMessages.propertyModified(capper, "counters", "good", JsonValue.of(1), 2, Lines.T0)));

        assertThat(other).isInstanceOf(TwinEvent.Applied.class);
        assertThat(store.revisionOf(capper)).hasValue(2);
        assertThat(store.revisionOf(FILLER)).hasValue(8);
    }

    @Test
    void aMergeChangesOnlyWhatItNamesAndNullDeletes() {
        TwinStore store = Lines.store();
        ThingId b1 = ThingId.of("plant1:bottling.b1");
        String merge = "{\"topic\":\"plant1/bottling.b1/things/twin/commands/merge\","
                + "\"headers\":{\"content-type\":\"application/merge-patch+json\"},"
                + "\"path\":\"/features/buffer/properties/levels\",\"value\":{\"litre\":4,\"half-litre\":6},\"revision\":1}";
        String second = "{\"topic\":\"plant1/bottling.b1/things/twin/events/merged\","
                + "\"headers\":{\"content-type\":\"application/merge-patch+json\"},"
                + "\"path\":\"/features/buffer/properties/levels\",\"value\":{\"litre\":null,\"half-litre\":7},\"revision\":2}";

        assertThat(store.apply(merge)).isInstanceOf(TwinEvent.Applied.class);
        assertThat(store.apply(second)).isInstanceOf(TwinEvent.Applied.class);

        assertThat(store.snapshot()
                        .get(b1)
                        .orElseThrow()
                        .thing()
                        .toJson()
                        .getValue("/features/buffer/properties/levels")
                        .orElseThrow())
                .isEqualTo(JsonValue.of(org.eclipse.ditto.json.JsonObject.of("{\"half-litre\":7}")));
        assertThat(store.revisionOf(b1)).hasValue(2);
    }
}
