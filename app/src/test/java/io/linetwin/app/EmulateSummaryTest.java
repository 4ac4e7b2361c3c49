package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The line {@code emulate} ends with counts its nouns: it said "1 commands". */
final class EmulateSummaryTest {

    @Test
    void oneOfAThingIsSingular() {
        assertThat(EmulateCommand.summary(1, 1, "2026-01-05T06:00:00Z", 1, 0))
                .isEqualTo("1 event in 1 chunk up to 2026-01-05T06:00:00Z, 1 command (0 refused)");
    }

    @Test
    void noneAndManyArePlural() {
        assertThat(EmulateCommand.summary(1234, 7, "2026-01-05T06:00:00Z", 0, 2))
                .isEqualTo("1234 events in 7 chunks up to 2026-01-05T06:00:00Z, 0 commands (2 refused)");
    }
}
