package io.linetwin.loop;

import java.math.BigDecimal;

/** Numbers as people read them in tables and messages: no trailing zeros, no exponent. */
public final class Numbers {

    private Numbers() {}

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
        return plain(
                new BigDecimal(value).round(new java.math.MathContext(digits)).doubleValue());
    }

    /**
     * The value rounded to 12 significant digits: {@code 0.7 + 0.2} is {@code 0.9}, as a person would set it, not
     * {@code 0.8999999999999999}.
     */
    public static double tidy(double value) {
        if (!Double.isFinite(value) || value == 0) {
            return value;
        }
        return new BigDecimal(value).round(new java.math.MathContext(12)).doubleValue();
    }

    /** {@code +4.1 %}. */
    public static String percent(double fraction) {
        return (fraction >= 0 ? "+" : "") + significant(fraction * 100, 2) + " %";
    }
}
