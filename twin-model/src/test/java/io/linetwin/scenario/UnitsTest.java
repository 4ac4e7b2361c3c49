package io.linetwin.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class UnitsTest {

    @ParameterizedTest(name = "{0} = {1} s")
    @CsvSource({
        "500ms, 0.5",
        "90s, 90",
        "1.2s, 1.2",
        "15m, 900",
        "4h, 14400",
        "2d, 172800",
        ".5s, 0.5",
        "1e3ms, 1",
        "0s, 0",
        "' 3s ', 3",
        "1d4h, 100800",
        "2h30m, 9000",
        "'2h 30m', 9000",
        "1h30m15s500ms, 5415.5",
        "1.5d12h, 172800",
    })
    void durationsWithUnitsBecomeSeconds(String text, double seconds) {
        assertThat(Units.seconds(text)).isCloseTo(seconds, within(1e-12));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "fast | expected a duration like \"1.2s\", got \"fast\"",
                "5 | expected a duration like \"1.2s\", got \"5\" (a unit is required: ms, s, m, h, d)",
                "5min | expected a duration like \"1.2s\", got \"5min\" (unknown unit 'min'; units: ms, s, m, h, d)",
                "s | expected a duration like \"1.2s\", got \"s\"",
                "1.2.3s | expected a duration like \"1.2s\", got \"1.2.3s\"",
                "1e400s | expected a duration like \"1.2s\", got \"1e400s\" (out of range)",
                "30m2h | expected a duration like \"1.2s\", got \"30m2h\" (a compound duration goes from the largest unit to the smallest, each once, like 1d4h or 2h30m)",
                "1h1h | expected a duration like \"1.2s\", got \"1h1h\" (a compound duration goes from the largest unit to the smallest, each once, like 1d4h or 2h30m)",
                "1d4x | expected a duration like \"1.2s\", got \"1d4x\" (unknown unit 'x'; units: ms, s, m, h, d)",
                "1d-4h | expected a duration like \"1.2s\", got \"1d-4h\"",
            })
    void badDurationsSayWhatWasExpectedAndWhatWasFound(String text, String message) {
        assertThatThrownBy(() -> Units.seconds(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"12m, 12", "1.5km, 1500", "30cm, 0.3"})
    void lengthsBecomeMetres(String text, double metres) {
        assertThat(Units.parse(Units.Quantity.LENGTH, text)).isCloseTo(metres, within(1e-12));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"0.5m/s, 0.5", "36km/h, 10", "60m/min, 1"})
    void speedsBecomeMetresPerSecond(String text, double metresPerSecond) {
        assertThat(Units.parse(Units.Quantity.SPEED, text)).isCloseTo(metresPerSecond, within(1e-12));
    }
}
