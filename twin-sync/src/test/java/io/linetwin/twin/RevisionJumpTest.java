package io.linetwin.twin;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;
import org.junit.jupiter.api.Test;

/** One event with revision Long.MAX_VALUE used to freeze a Thing for good, and a command after it overflowed. */
final class RevisionJumpTest {

    private static final ThingId FILLER = ThingId.of("plant1:bottling.filler");

    private static String good(long value, long revision) {
        return DittoMessages.toJson(
                DittoMessages.propertyModified(FILLER, "counters", "good", JsonValue.of(value), revision, Lines.T0));
    }

    private static String command(long value) {
        return DittoMessages.toJson(DittoMessages.modifyProperty(FILLER, "counters", "good", JsonValue.of(value), "c"));
    }

    @Test
    void aRevisionFarAheadIsRefusedAndTheThingKeepsApplyingChanges() {
        TwinStore store = Lines.store();
        assertThat(store.apply(good(1, 1))).isInstanceOf(TwinEvent.Applied.class);

        TwinEvent frozen = store.apply(good(666, Long.MAX_VALUE));

        assertThat(frozen).isInstanceOfSatisfying(TwinEvent.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(RejectReason.IMPLAUSIBLE_REVISION);
            assertThat(r.detail()).contains("revision 9223372036854775807", "at most 1000000000");
        });
        assertThat(store.apply(good(2, 2))).isInstanceOf(TwinEvent.Applied.class);
        assertThat(store.apply(command(3)))
                .isInstanceOfSatisfying(
                        TwinEvent.Applied.class, a -> assertThat(a.revision()).isEqualTo(3));
        assertThat(store.revisionOf(FILLER)).hasValue(3);
    }

    @Test
    void theBoundIsConfigurableAndAJumpWithinItIsAGap() {
        TwinStore store =
                TwinStore.of(Lines.bottling(), Lines.fixedClock(), InputLimits.DEFAULT.withMaxRevisionJump(10));
        assertThat(store.apply(good(1, 10))).isInstanceOf(TwinEvent.Applied.class);
        assertThat(store.apply(good(2, 21)))
                .isInstanceOfSatisfying(
                        TwinEvent.Rejected.class,
                        r -> assertThat(r.reason()).isEqualTo(RejectReason.IMPLAUSIBLE_REVISION));
        assertThat(store.apply(good(2, 20))).isInstanceOf(TwinEvent.Applied.class);
        assertThat(store.stats().rejected()).containsEntry(RejectReason.IMPLAUSIBLE_REVISION, 1L);
    }

    @Test
    void aCommandAtTheLastRevisionIsRefusedInsteadOfOverflowing() {
        TwinStore store = Lines.store();
        // A retrieved Thing (initial state from a server) may sit at any revision; the bound is for messages.
        store.put(store.snapshot().get(FILLER).orElseThrow().thing(), Long.MAX_VALUE);

        TwinEvent outcome = store.apply(command(5));

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        TwinEvent.Rejected.class,
                        r -> assertThat(r.reason()).isEqualTo(RejectReason.IMPLAUSIBLE_REVISION));
        assertThat(store.revisionOf(FILLER)).hasValue(Long.MAX_VALUE);
    }

    @Test
    void staleMessagesAreCountedByReason() {
        TwinStore store = Lines.store();
        store.apply(good(1, 5));
        store.apply(good(1, 5));
        store.apply(good(1, 4));
        store.apply(good(1, 3));

        assertThat(store.stats().staleByReason())
                .containsEntry(StaleReason.DUPLICATE, 1L)
                .containsEntry(StaleReason.OUT_OF_ORDER, 2L);
        assertThat(store.stats().stale()).isEqualTo(3);
    }
}
