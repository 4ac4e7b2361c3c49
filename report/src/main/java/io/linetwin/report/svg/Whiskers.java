package io.linetwin.report.svg;

import java.util.List;
import java.util.Objects;
import java.util.function.DoubleFunction;

/**
 * Paired differences against zero: per row a point at the mean and a whisker over its confidence interval, coloured
 * by verdict, so "the interval excludes zero" can be seen at a glance.
 */
public final class Whiskers {

    public enum Tone {
        GOOD("#2e7d32"),
        BAD("#c62828"),
        NEUTRAL("#6b7280");

        private final String colour;

        Tone(String colour) {
            this.colour = colour;
        }

        public String colour() {
            return colour;
        }
    }

    /** {@code low}/{@code high} NaN: no interval (one replication). */
    public record Row(String name, double mean, double low, double high, Tone tone, String tooltip) {
        public Row {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(tone, "tone");
        }
    }

    private Whiskers() {}

    public static String render(String title, List<Row> rows, DoubleFunction<String> number, String label) {
        double width = 420;
        double nameWidth = 130;
        double rowHeight = 28;
        double height = 46 + rows.size() * rowHeight + 22;
        double left = nameWidth;
        double right = width - 16;
        double extent = 0;
        for (Row row : rows) {
            extent = Math.max(extent, Math.abs(row.mean()));
            if (!Double.isNaN(row.low())) {
                extent = Math.max(extent, Math.max(Math.abs(row.low()), Math.abs(row.high())));
            }
        }
        extent = extent == 0 ? 1 : extent * 1.1;
        Axis x = Axis.nice(-extent, extent, left, right, 4);
        Svg svg = new Svg(width, height, label, "chart whiskers");
        svg.label(8, 16, title, "class", "panel-title");
        double top = 30;
        double bottom = top + rows.size() * rowHeight;
        for (double tick : x.ticks()) {
            svg.line(
                    x.pixel(tick),
                    top,
                    x.pixel(tick),
                    bottom,
                    "stroke",
                    tick == 0 ? "#4b5563" : "#e3e6ea",
                    "stroke-width",
                    tick == 0 ? "1.5" : "1");
            svg.label(x.pixel(tick), bottom + 14, number.apply(tick), "text-anchor", "middle", "class", "tick");
        }
        double y = top + rowHeight / 2;
        for (Row row : rows) {
            svg.open("g", "class", "whisker", "data-name", row.name(), "data-mean", Double.toString(row.mean()));
            svg.title(row.tooltip());
            svg.label(nameWidth - 8, y + 4, row.name(), "text-anchor", "end", "class", "row-name");
            if (!Double.isNaN(row.low())) {
                double x0 = x.pixel(row.low());
                double x1 = x.pixel(row.high());
                svg.line(x0, y, x1, y, "stroke", row.tone().colour(), "stroke-width", "2.5");
                svg.line(x0, y - 6, x0, y + 6, "stroke", row.tone().colour(), "stroke-width", "2");
                svg.line(x1, y - 6, x1, y + 6, "stroke", row.tone().colour(), "stroke-width", "2");
            }
            svg.add(
                    "circle",
                    "cx",
                    Svg.n(x.pixel(row.mean())),
                    "cy",
                    Svg.n(y),
                    "r",
                    "5",
                    "fill",
                    row.tone().colour());
            svg.close("g");
            y += rowHeight;
        }
        return svg.end();
    }
}
