package io.linetwin.model;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * Builds lines from a scenario's base line and {@code set} entries ({@code buffers.b2.capacity → 12}) exactly as
 * the scenario's own variants are built and validated: the tuner makes its candidates with it, {@code compare}
 * the tuned variant, the live loop its proposals.
 */
public interface LineTemplate {

    /** For scenarios not read from a file: they have no line text to write entries into. */
    LineTemplate NONE = new LineTemplate() {
        @Override
        public LineSpec with(Map<String, ?> set) {
            throw new IllegalArgumentException("set entries need a scenario read from a file, got one built in code");
        }

        @Override
        public OptionalDouble valueAt(String path) {
            return OptionalDouble.empty();
        }
    };

    /**
     * The base line with every entry applied; values are numbers or YAML text.
     *
     * @throws IllegalArgumentException naming the entry, when a path does not exist or the changed line is invalid
     */
    LineSpec with(Map<String, ?> set);

    /**
     * The number the base line has at a {@code set} path, or the default the line leaves in place there (speed 1,
     * one server, no scrap); empty when the value there is not a number (e.g. {@code unlimited}) or the path
     * does not exist.
     */
    OptionalDouble valueAt(String path);

    /** How a {@code set} value is written: whole numbers without a fraction (a capacity reads "12", not "12.0"). */
    static String text(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double v = ((Number) value).doubleValue();
            if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                return Long.toString((long) v);
            }
            return Double.toString(v);
        }
        return String.valueOf(value);
    }
}
