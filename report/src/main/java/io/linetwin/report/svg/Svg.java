package io.linetwin.report.svg;

import io.linetwin.report.html.Xml;
import java.util.Locale;

/**
 * A hand-written SVG document. Charts are a few dozen rectangles, lines and texts each, so a string builder with
 * escaping is all they need: no library on the class path, and the markup is small, inline and readable. Every
 * document is well-formed XML (tests parse each one).
 */
public final class Svg {

    private final StringBuilder out = new StringBuilder(4096);
    private final double width;
    private final double height;
    private int depth;

    /**
     * @param label what the picture shows, for screen readers and as the picture's tooltip
     */
    public Svg(double width, double height, String label, String cssClass) {
        this.width = width;
        this.height = height;
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"")
                .append(Xml.escape(cssClass))
                .append("\" viewBox=\"0 0 ")
                .append(n(width))
                .append(' ')
                .append(n(height))
                .append("\" width=\"")
                .append(n(width))
                .append("\" height=\"")
                .append(n(height))
                .append("\" role=\"img\" aria-label=\"")
                .append(Xml.escape(label))
                .append("\">");
        depth = 1;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    /** Opens {@code tag} with attributes given as name, value pairs. */
    public Svg open(String tag, String... attributes) {
        start(tag, attributes);
        out.append('>');
        depth++;
        return this;
    }

    public Svg close(String tag) {
        out.append("</").append(tag).append('>');
        depth--;
        return this;
    }

    /** An empty element. */
    public Svg add(String tag, String... attributes) {
        start(tag, attributes);
        out.append("/>");
        return this;
    }

    /** An element with text content (escaped). */
    public Svg text(String tag, String content, String... attributes) {
        start(tag, attributes);
        out.append('>').append(Xml.escape(content)).append("</").append(tag).append('>');
        return this;
    }

    /** A {@code <text>} at (x, y). */
    public Svg label(double x, double y, String content, String... attributes) {
        String[] all = new String[attributes.length + 4];
        all[0] = "x";
        all[1] = n(x);
        all[2] = "y";
        all[3] = n(y);
        System.arraycopy(attributes, 0, all, 4, attributes.length);
        return text("text", content, all);
    }

    public Svg rect(double x, double y, double w, double h, String... attributes) {
        return add(
                "rect",
                join(
                        new String[] {"x", n(x), "y", n(y), "width", n(Math.max(0, w)), "height", n(Math.max(0, h))},
                        attributes));
    }

    public Svg line(double x1, double y1, double x2, double y2, String... attributes) {
        return add("line", join(new String[] {"x1", n(x1), "y1", n(y1), "x2", n(x2), "y2", n(y2)}, attributes));
    }

    /** A tooltip for the element opened last: call right after {@link #open}. */
    public Svg title(String content) {
        return text("title", content);
    }

    /** The finished document. */
    public String end() {
        if (depth != 1) {
            throw new IllegalStateException("unbalanced SVG: " + (depth - 1) + " element(s) still open");
        }
        depth = 0;
        return out.append("</svg>").toString();
    }

    private void start(String tag, String... attributes) {
        if (depth == 0) {
            throw new IllegalStateException("the SVG document is finished");
        }
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "attributes come as name, value pairs, got " + attributes.length + " strings");
        }
        out.append('<').append(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            out.append(' ')
                    .append(attributes[i])
                    .append("=\"")
                    .append(Xml.escape(attributes[i + 1]))
                    .append('"');
        }
    }

    private static String[] join(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    /** A coordinate: at most two decimals, no exponent, no locale. */
    public static String n(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("SVG coordinates must be finite, got " + value);
        }
        double rounded = Math.round(value * 100) / 100.0;
        if (rounded == Math.rint(rounded) && Math.abs(rounded) < 1e15) {
            return Long.toString((long) rounded);
        }
        return String.format(Locale.ROOT, "%.2f", rounded).replaceAll("0+$", "");
    }
}
