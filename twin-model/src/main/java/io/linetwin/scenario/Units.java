package io.linetwin.scenario;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quantities with units, converted once to SI (seconds, metres, metres per second). A unit is always
 * required: a bare "5" could mean seconds or minutes, and guessing wrong silently skews every result.
 */
public final class Units {

    /** A kind of quantity: how it is described in messages and the factors of its units to SI. */
    public enum Quantity {
        DURATION("a duration like \"1.2s\"", units("ms", 0.001, "s", 1, "m", 60, "h", 3600, "d", 86400)),
        LENGTH("a length like \"12m\"", units("mm", 0.001, "cm", 0.01, "m", 1, "km", 1000)),
        SPEED("a speed like \"0.5m/s\"", units("m/s", 1, "m/min", 1 / 60.0, "m/h", 1 / 3600.0, "km/h", 1 / 3.6));

        private final String example;
        private final Map<String, Double> factors;

        Quantity(String example, Map<String, Double> factors) {
            this.example = example;
            this.factors = factors;
        }

        /** "a duration like "1.2s"", for "expected ..., got ..." messages. */
        public String example() {
            return example;
        }

        String unitList() {
            return String.join(", ", factors.keySet());
        }
    }

    private static final Pattern QUANTITY =
            Pattern.compile("([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*([A-Za-z/]*)");
    /** One part of a compound duration such as "1d4h" or "2h 30m": an unsigned number and its unit. */
    private static final Pattern PART =
            Pattern.compile("((?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)([A-Za-z]+)\\s*");

    private static final Pattern COMPOUND = Pattern.compile("(?:" + PART.pattern() + "){2,}");

    private Units() {}

    /**
     * Seconds of a duration such as {@code "1.5h"}, or a compound one such as {@code "1d4h"} or {@code "2h 30m"}
     * (unsigned parts, units from the largest to the smallest, each once).
     */
    public static double seconds(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (COMPOUND.matcher(trimmed).matches()) {
            return compound(text, trimmed);
        }
        return parse(Quantity.DURATION, text);
    }

    private static double compound(String text, String trimmed) {
        Matcher part = PART.matcher(trimmed);
        double seconds = 0;
        double previousFactor = Double.POSITIVE_INFINITY;
        while (part.find()) {
            Double factor = Quantity.DURATION.factors.get(part.group(2));
            if (factor == null) {
                throw new IllegalArgumentException(expected(
                        Quantity.DURATION,
                        text,
                        " (unknown unit '" + part.group(2) + "'; units: " + Quantity.DURATION.unitList() + ")"));
            }
            if (factor >= previousFactor) {
                throw new IllegalArgumentException(expected(
                        Quantity.DURATION,
                        text,
                        " (a compound duration goes from the largest unit to the smallest, each once, like 1d4h or "
                                + "2h30m)"));
            }
            previousFactor = factor;
            seconds += Double.parseDouble(part.group(1)) * factor;
        }
        if (!Double.isFinite(seconds)) {
            throw new IllegalArgumentException(expected(Quantity.DURATION, text, " (out of range)"));
        }
        return seconds;
    }

    /**
     * The value of {@code text} in SI units of {@code quantity}.
     *
     * @throws IllegalArgumentException with a message "expected ..., got ..." when the text is not one
     */
    public static double parse(Quantity quantity, String text) {
        String trimmed = text == null ? "" : text.strip();
        Matcher matcher = QUANTITY.matcher(trimmed);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(expected(quantity, text, ""));
        }
        String unit = matcher.group(2);
        if (unit.isEmpty()) {
            throw new IllegalArgumentException(
                    expected(quantity, text, " (a unit is required: " + quantity.unitList() + ")"));
        }
        Double factor = quantity.factors.get(unit);
        if (factor == null) {
            throw new IllegalArgumentException(
                    expected(quantity, text, " (unknown unit '" + unit + "'; units: " + quantity.unitList() + ")"));
        }
        double value = Double.parseDouble(matcher.group(1)) * factor;
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(expected(quantity, text, " (out of range)"));
        }
        return value;
    }

    private static String expected(Quantity quantity, String text, String detail) {
        return "expected " + quantity.example + ", got \"" + text + "\"" + detail;
    }

    private static Map<String, Double> units(Object... unitsAndFactors) {
        Map<String, Double> factors = new LinkedHashMap<>();
        for (int i = 0; i < unitsAndFactors.length; i += 2) {
            factors.put((String) unitsAndFactors[i], ((Number) unitsAndFactors[i + 1]).doubleValue());
        }
        return factors;
    }
}
