package io.linetwin.twin;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the one instant shape that sources write, {@code 2026-11-30T06:00:01.250Z} (4-digit year, UTC,
 * 0 to 9 fraction digits), straight from characters: {@link Instant#parse} costs more than the rest of
 * decoding a message. Anything else (offsets, leap seconds, hour 24, other years) is declined with
 * {@code null}, so that {@code Instant.parse} decides it.
 */
final class IsoInstant {

    private static final int SHORTEST = "2026-11-30T06:00:01Z".length();

    private IsoInstant() {}

    static Instant parse(char[] c, int from, int length) {
        if (length < SHORTEST
                || length > SHORTEST + 10
                || c[from + length - 1] != 'Z'
                || c[from + 4] != '-'
                || c[from + 7] != '-'
                || c[from + 10] != 'T'
                || c[from + 13] != ':'
                || c[from + 16] != ':') {
            return null;
        }
        int year = digits(c, from, 4);
        int month = digits(c, from + 5, 2);
        int day = digits(c, from + 8, 2);
        int hour = digits(c, from + 11, 2);
        int minute = digits(c, from + 14, 2);
        int second = digits(c, from + 17, 2);
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59) {
            return null;
        }
        int nanos = 0;
        int fraction = length - SHORTEST;
        if (fraction > 0) {
            // ".Z" and more than nine digits are not this shape.
            if (fraction == 1 || c[from + 19] != '.') {
                return null;
            }
            int n = digits(c, from + 20, fraction - 1);
            if (n < 0) {
                return null;
            }
            nanos = n;
            for (int i = fraction - 1; i < 9; i++) {
                nanos *= 10;
            }
        }
        LocalDate date = LocalDate.of(year, month, 1);
        if (day > date.lengthOfMonth()) {
            return null;
        }
        long epochDay = date.toEpochDay() + day - 1;
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600 + minute * 60 + second, nanos);
    }

    static Instant parse(String s) {
        return parse(s.toCharArray(), 0, s.length());
    }

    /** The value of {@code count} decimal digits, or -1 if one of them is not a digit. */
    private static int digits(char[] c, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int d = c[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }
}
