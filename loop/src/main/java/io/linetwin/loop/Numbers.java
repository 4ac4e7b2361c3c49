package io.linetwin.loop;

import java.math.BigDecimal;

/** Numbers as people read them in tables and messages: no trailing zeros, no exponent. */
public final class Numbers {

    private Numbers() {
    }

    public static String plain(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        return decimal.scale() < 0 ? decimal.setScale(0).toPlainString() : decimal.toPlainString();
    }

    /** Rounded to {@code digits} significant digits, then plain. */
    public static String significant(double value, int digits) {
        if (!Double.isFinite(value) || value == 0) {
            return plain(value);
        }
        return plain(new BigDecimal(value).round(new java.math.MathContext(digits)).doubleValue());
    }

    /** {@code +4.1 %}. */
    public static String percent(double fraction) {
        return (fraction >= 0 ? "+" : "") + significant(fraction * 100, 2) + " %";
    }
}
