package io.linetwin.app;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Numbers for people, formatted by magnitude: four significant digits, no trailing zeros, thousands grouped and
 * whole from 1,000 on ({@code 884.8}, {@code 0}, {@code 366}, {@code 2,822}, {@code 0.0123}), never
 * {@code 884.800} or {@code 0.000}. Counts that are whole print as integers.
 */
final class Numbers {

    static final String NO_DATA = "no data";

    private static final MathContext FOUR_DIGITS = new MathContext(4, RoundingMode.HALF_EVEN);

    private Numbers() {}

    static String of(double value) {
        if (Double.isNaN(value)) {
            return NO_DATA;
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "-∞";
        }
        if (Math.abs(value) >= 999.5) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (value == 0) {
            return "0";
        }
        String text =
                new BigDecimal(value).round(FOUR_DIGITS).stripTrailingZeros().toPlainString();
        return text.equals("-0") ? "0" : text;
    }

    /** With a sign: {@code +12.5}, {@code -3}, {@code 0}. */
    static String signed(double value) {
        String text = of(value);
        return value > 0 && !Double.isInfinite(value) && !text.equals("0") ? "+" + text : text;
    }

    /** A share as a percentage to one decimal, so columns of them line up: {@code 94.1%}, {@code 0.0%}. */
    static String percent(double share) {
        if (Double.isNaN(share)) {
            return NO_DATA;
        }
        String text = String.format(Locale.ROOT, "%.1f", share * 100);
        return (text.equals("-0.0") ? "0.0" : text) + "%";
    }

    /** A relative change with its sign: {@code +1.2%}, {@code -0.4%}. */
    static String signedPercent(double share) {
        String text = percent(share);
        return share > 0 && !text.equals("0.0%") ? "+" + text : text;
    }
}
