package io.linetwin.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class IsoInstantTest {

    @Test
    void readsWhatInstantParseReadsForEveryFractionLength() {
        Random random = new Random(5);
        int checked = 0;
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(
                    random.nextLong(-2_208_988_800L, 4_102_444_800L), random.nextInt(1_000_000_000));
            String full = instant.toString();
            String withoutFraction = full.substring(0, 19);
            String digits = String.format("%09d", instant.getNano());
            for (int n = 0; n <= 9; n++) {
                String text = withoutFraction + (n == 0 ? "" : "." + digits.substring(0, n)) + "Z";
                assertThat(IsoInstant.parse(text)).as(text).isEqualTo(Instant.parse(text));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(200_000);
        assertThat(IsoInstant.parse("2024-02-29T23:59:59.5Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59.5Z"));
    }

    @Test
    void declinesEveryOtherShapeSoThatInstantParseDecides() {
        List<String> declined = List.of(
                "2026-13-01T00:00:00Z",
                "2026-02-29T00:00:00Z",
                "2026-11-31T00:00:00Z",
                "2026-11-30T24:00:00Z",
                "2026-11-30T23:60:00Z",
                "2026-11-30T23:59:60Z",
                "2026-11-30T06:00:00.Z",
                "2026-11-30T06:00:00.1234567890Z",
                "2026-11-30T06:00:00z",
                "2026-11-30T06:00:00+01:00",
                "2026-11-30 06:00:00Z",
                "2026-11-30T06:00:00",
                "+12026-11-30T06:00:00Z",
                "2026-1a-30T06:00:00Z",
                "2026-11-30T06:00:00.12a4Z",
                "20261130T060000Z");
        for (String text : declined) {
            assertThat(IsoInstant.parse(text)).as(text).isNull();
        }
        String thirteenthMonth = declined.get(0);
        assertThatThrownBy(() -> Instant.parse(thirteenthMonth)).isInstanceOf(RuntimeException.class);
    }
}
