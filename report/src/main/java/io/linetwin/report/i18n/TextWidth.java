package io.linetwin.report.i18n;

/**
 * Padding by the columns a terminal gives a text, not by its characters: Chinese characters and full-width
 * punctuation take two columns, so tables in Chinese line up as the English ones do.
 */
public final class TextWidth {

    private TextWidth() {}

    /** Terminal columns of {@code text} (East Asian wide and full-width characters count 2). */
    public static int of(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            width += wide(c) ? 2 : 1;
            i += Character.charCount(c);
        }
        return width;
    }

    /** {@code text} padded to {@code width} columns: on the right (left-aligned) when width is negative. */
    public static String pad(String text, int width) {
        int missing = Math.abs(width) - of(text);
        if (missing <= 0) {
            return text;
        }
        return width < 0 ? text + " ".repeat(missing) : " ".repeat(missing) + text;
    }

    private static boolean wide(int c) {
        return c >= 0x1100 && c <= 0x115F
                || c >= 0x2E80 && c <= 0x303E
                || c >= 0x3041 && c <= 0x33FF
                || c >= 0x3400 && c <= 0x4DBF
                || c >= 0x4E00 && c <= 0x9FFF
                || c >= 0xA000 && c <= 0xA4CF
                || c >= 0xAC00 && c <= 0xD7A3
                || c >= 0xF900 && c <= 0xFAFF
                || c >= 0xFE30 && c <= 0xFE4F
                || c >= 0xFF00 && c <= 0xFF60
                || c >= 0xFFE0 && c <= 0xFFE6
                || c >= 0x20000 && c <= 0x3FFFD;
    }
}
