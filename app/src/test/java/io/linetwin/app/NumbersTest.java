package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class NumbersTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "884.8 | 884.8",
                "0 | 0",
                "366 | 366",
                "2822.3 | 2,822",
                "474146.1 | 474,146",
                "26.790 | 26.79",
                "0.9408 | 0.9408",
                "0.012345 | 0.01235",
                "21.0000001 | 21",
                "-3.5 | -3.5",
                "999.96 | 1,000",
                "NaN | no data",
            })
    void numbersReadByMagnitudeWithoutPaddedZeros(double value, String text) {
        assertThat(Numbers.of(value)).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {"0.941 | 94.1%", "0 | 0.0%", "1 | 100.0%", "-0.00001 | 0.0%"})
    void sharesArePercentWithOneDecimal(double share, String text) {
        assertThat(Numbers.percent(share)).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {"0.5 | +0.5", "-2 | -2", "0 | 0"})
    void signedNumbersShowTheirSign(double value, String text) {
        assertThat(Numbers.signed(value)).isEqualTo(text);
    }
}
