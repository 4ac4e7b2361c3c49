package io.linetwin.report.svg;

import java.util.function.DoubleFunction;

/** The share of time a buffer held each level, as bars; a bar per level or per range of levels. */
public final class Histogram {

    private Histogram() {}

    /**
     * @param lows first level of each bin; bin {@code i} covers [lows[i], lows[i+1]) and the last up to {@code top}
     * @param shares share of time in each bin, summing to 1
     */
    public static String render(
            String id,
            String title,
            int[] lows,
            int top,
            double[] shares,
            String xTitle,
            DoubleFunction<String> percent,
            String label) {
        double width = 280;
        double height = 170;
        double left = 40;
        double right = width - 8;
        double topPx = 24;
        double bottom = height - 34;
        double max = 0;
        for (double share : shares) {
            max = Math.max(max, share);
        }
        Axis y = Axis.nice(0, Math.max(max, 0.01), bottom, topPx, 3);
        Svg svg = new Svg(width, height, label, "chart histogram");
        svg.open("g", "data-buffer", id);
        svg.label(left, 14, title, "class", "panel-title");
        for (double tick : y.ticks()) {
            svg.line(left, y.pixel(tick), right, y.pixel(tick), "stroke", "#e3e6ea");
            svg.label(left - 4, y.pixel(tick) + 4, percent.apply(tick), "text-anchor", "end", "class", "tick");
        }
        double bar = (right - left) / lows.length;
        for (int i = 0; i < lows.length; i++) {
            int high = i + 1 < lows.length ? lows[i + 1] - 1 : top;
            String range = high == lows[i] ? Integer.toString(lows[i]) : lows[i] + "–" + high;
            double yPx = y.pixel(shares[i]);
            svg.open(
                    "rect",
                    "x",
                    Svg.n(left + i * bar + 1),
                    "y",
                    Svg.n(yPx),
                    "width",
                    Svg.n(Math.max(1, bar - 2)),
                    "height",
                    Svg.n(bottom - yPx),
                    "fill",
                    "#2f86c9",
                    "data-level",
                    range,
                    "data-share",
                    Double.toString(shares[i]));
            svg.title(range + ": " + percent.apply(shares[i]));
            svg.close("rect");
        }
        int labelEvery = Math.max(1, (int) Math.ceil(lows.length / 8.0));
        for (int i = 0; i < lows.length; i += labelEvery) {
            svg.label(
                    left + i * bar + bar / 2,
                    bottom + 14,
                    Integer.toString(lows[i]),
                    "text-anchor",
                    "middle",
                    "class",
                    "tick");
        }
        svg.line(left, bottom, right, bottom, "stroke", "#8a9099");
        svg.label((left + right) / 2, bottom + 30, xTitle, "text-anchor", "middle", "class", "axis-title");
        svg.close("g");
        return svg.end();
    }
}
