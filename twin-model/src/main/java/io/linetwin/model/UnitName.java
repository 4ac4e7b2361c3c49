package io.linetwin.model;

import java.util.Locale;
import java.util.Objects;

/**
 * What one part is counted as in a table or a HUD: {@code pallet} / {@code pallets}. Without a plural given, the
 * regular English one is formed ({@code box} → {@code boxes}, {@code battery} → {@code batteries}).
 */
public record UnitName(String singular, String plural) {

    /** The line's parts when a scenario names no unit. */
    public static final UnitName PART = of("part");

    public UnitName {
        Objects.requireNonNull(singular, "singular");
        Objects.requireNonNull(plural, "plural");
        if (singular.isBlank() || plural.isBlank()) {
            throw new IllegalArgumentException(
                    "a unit name must not be blank, got \"" + singular + "\" / \"" + plural + "\"");
        }
    }

    public static UnitName of(String singular) {
        return new UnitName(singular, pluralOf(singular));
    }

    /** {@code count} with its unit: "1 pallet", "12 pallets". */
    public String count(long count) {
        return count + " " + (count == 1 ? singular : plural);
    }

    static String pluralOf(String singular) {
        String lower = singular.toLowerCase(Locale.ROOT);
        if (lower.endsWith("s")
                || lower.endsWith("x")
                || lower.endsWith("z")
                || lower.endsWith("ch")
                || lower.endsWith("sh")) {
            return singular + "es";
        }
        if (lower.length() > 1 && lower.endsWith("y") && "aeiou".indexOf(lower.charAt(lower.length() - 2)) < 0) {
            return singular.substring(0, singular.length() - 1) + "ies";
        }
        return singular + "s";
    }
}
