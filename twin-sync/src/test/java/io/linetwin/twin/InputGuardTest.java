package io.linetwin.twin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Ditto's parser recurses per level: a deeply nested message ended in a StackOverflowError out of apply. */
final class InputGuardTest {

    private static String nested(int depth) {
        return "{\"topic\":\"plant1/bottling.filler/things/twin/commands/modify\",\"path\":"
                + "\"/features/parameters/properties/x\",\"value\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
    }

    @Test
    void aMessageNestedTooDeeplyIsRefusedBeforeAnyParser() {
        TwinStore store = Lines.store();
        for (int depth : new int[] {65, 5_000, 200_000}) {
            String message = nested(depth);
            assertThat(store.apply(message)).isInstanceOfSatisfying(TwinEvent.Rejected.class, r -> {
                assertThat(r.reason()).isEqualTo(RejectReason.TOO_LARGE);
                assertThat(r.detail()).contains("nested deeper than 64 levels");
            });
            assertThat(store.apply(message.getBytes(StandardCharsets.UTF_8))).isInstanceOf(TwinEvent.Rejected.class);
        }
        assertThat(store.apply(nested(20))).isInstanceOf(TwinEvent.Applied.class);
    }

    @Test
    void bracketsInsideStringsDoNotCountAsNesting() {
        TwinStore store = Lines.store();
        String message = "{\"topic\":\"plant1/bottling.filler/things/twin/commands/modify\",\"path\":"
                + "\"/features/parameters/properties/note\",\"value\":\"" + "[{\\\"".repeat(200) + "\"}";
        assertThat(store.apply(message)).isInstanceOf(TwinEvent.Applied.class);
    }

    @Test
    void aMessageOverTheSizeLimitIsRefused() {
        TwinStore store = Lines.store();
        String big = "{\"topic\":\"plant1/bottling.filler/things/twin/commands/modify\",\"path\":"
                + "\"/features/parameters/properties/note\",\"value\":\"" + "x".repeat(1 << 20) + "\"}";
        assertThat(store.apply(big)).isInstanceOfSatisfying(TwinEvent.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(RejectReason.TOO_LARGE);
            assertThat(r.detail()).contains("at most 1048576");
        });
    }
}
