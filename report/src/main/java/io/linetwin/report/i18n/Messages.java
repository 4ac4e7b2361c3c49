package io.linetwin.report.i18n;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * Every string LineTwin shows a person, from {@code messages.properties} (English) and
 * {@code messages_zh_CN.properties} (Simplified Chinese), and numbers, durations and dates written the way a reader
 * of that language expects. Placeholders are {@code {0}}, {@code {1}}, ... and nothing else: no MessageFormat quoting
 * rules to trip over in English text with apostrophes. A key missing from a language is an error, never a silent
 * fall back to English (a test keeps both files' keys equal).
 */
public final class Messages {

    private static final String BUNDLE = "io.linetwin.report.i18n.messages";

    private final Lang lang;
    private final ResourceBundle bundle;

    private Messages(Lang lang) {
        this.lang = lang;
        Locale locale = lang == Lang.EN ? Locale.ROOT : lang.locale();
        this.bundle = ResourceBundle.getBundle(
                BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Messages of(Lang lang) {
        return new Messages(Objects.requireNonNull(lang, "lang"));
    }

    public Lang lang() {
        return lang;
    }

    public Locale locale() {
        return lang.locale();
    }

    /** The text of {@code key} with {@code {i}} replaced by {@code args[i]}. */
    public String get(String key, Object... args) {
        String text;
        try {
            text = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no message '" + key + "' in language " + lang.tag(), e);
        }
        if (args.length == 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 32);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int close = c == '{' ? text.indexOf('}', i) : -1;
            if (close > i + 1 && close <= i + 3 && isIndex(text, i + 1, close)) {
                int index = Integer.parseInt(text.substring(i + 1, close));
                out.append(index < args.length ? String.valueOf(args[index]) : text.substring(i, close + 1));
                i = close;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    private static boolean isIndex(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A figure by its magnitude, as the CLI tables write it: four significant digits without trailing zeros, whole and
     * grouped from a thousand on ({@code 884.8}, {@code 0.0123}, {@code 2,822}); NaN as a dash.
     */
    public String number(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "-∞";
        }
        if (Math.abs(value) >= 999.5) {
            return format("#,##0", value);
        }
        if (value == 0) {
            return "0";
        }
        String plain = new java.math.BigDecimal(value)
                .round(new java.math.MathContext(4, java.math.RoundingMode.HALF_EVEN))
                .stripTrailingZeros()
                .toPlainString();
        return plain.equals("-0")
                ? "0"
                : plain.replace(
                        '.', DecimalFormatSymbols.getInstance(lang.locale()).getDecimalSeparator());
    }

    /** An axis tick: as few decimals as the value needs (0, 2.5, 10,000). */
    public String tick(double value) {
        return format("#,##0.###", value);
    }

    /** Whole numbers with grouping: part counts. */
    public String count(double value) {
        return Double.isNaN(value) ? "–" : format("#,##0", value);
    }

    /** A share in [0, 1] as a percentage with {@code decimals} decimals. */
    public String percent(double share, int decimals) {
        if (Double.isNaN(share)) {
            return "–";
        }
        return format(decimals == 0 ? "0" : "0." + "0".repeat(decimals), share * 100) + "%";
    }

    public String percent(double share) {
        return percent(share, 1);
    }

    /** {@code 7d}, {@code 8h}, {@code 90s} in the reader's words: "7 d" / "7天". */
    public String duration(double seconds) {
        if (seconds == 0) {
            return get("unit.s", "0");
        }
        double[] sizes = {86400, 3600, 60, 1};
        String[] units = {"unit.d", "unit.h", "unit.min", "unit.s"};
        for (int i = 0; i < sizes.length; i++) {
            if (Math.abs(seconds) >= sizes[i] && seconds % sizes[i] == 0) {
                return get(units[i], format("#,##0", seconds / sizes[i]));
            }
        }
        if (Math.abs(seconds) >= 3600) {
            return get("unit.h", format("#,##0.0", seconds / 3600));
        }
        if (Math.abs(seconds) >= 60) {
            return get("unit.min", format("#,##0.0", seconds / 60));
        }
        return get("unit.s", format("0.###", seconds));
    }

    /**
     * A calendar instant as the line's calendar writes it in English ("Mon 06:00", "wk2 Tue 14:00",
     * "2026-11-30 Mon 06:00") with week days and weeks in the reader's words.
     */
    public String calendar(String english) {
        if (lang == Lang.EN) {
            return english;
        }
        String[] days = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
        java.util.regex.Matcher week =
                java.util.regex.Pattern.compile("\\bwk(\\d+) (.*)").matcher(english);
        String out = week.matches() ? get("week", week.group(1), week.group(2)) : english;
        for (int i = 0; i < days.length; i++) {
            out = out.replaceAll("\\b" + days[i] + "\\b", java.util.regex.Matcher.quoteReplacement(get("day." + i)));
        }
        return out;
    }

    /** A date and time, long form in the reader's language ("6 January 2025, 14:03" / "2025年1月6日 14:03"). */
    public String dateTime(ZonedDateTime time) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(lang.locale())
                .format(time);
    }

    private String format(String pattern, double value) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(lang.locale())).format(value);
    }
}
