package io.linetwin.report.svg;

import java.util.List;
import java.util.Objects;
import java.util.function.DoubleFunction;

/**
 * Horizontal bars against a threshold line: a statistical test per item (a measurement's standardised adjustment
 * against its critical value), the items over it marked.
 */
public final class ThresholdBars {

    public record Bar(String name, double value, boolean flagged, String tooltip) {
        public Bar {
            Objects.requireNonNull(name, "name");
        }
    }

    private ThresholdBars() {}

    public static String render(
            List<Bar> bars,
            double threshold,
            String thresholdCaption,
            String xTitle,
            DoubleFunction<String> number,
            String label) {
        double width = 860;
        double nameWidth = 240;
        double rowHeight = 20;
        double top = 24;
        double height = top + bars.size() * rowHeight + 44;
        double max = threshold;
        for (Bar bar : bars) {
            max = Math.max(max, bar.value());
        }
        Axis x = Axis.nice(0, max * 1.05, nameWidth, width - 20, 6);
        Svg svg = new Svg(width, height, label, "chart threshold-bars");
        double bottom = top + bars.size() * rowHeight;
        for (double tick : x.ticks()) {
            svg.line(x.pixel(tick), top, x.pixel(tick), bottom, "stroke", "#e3e6ea");
            svg.label(x.pixel(tick), bottom + 14, number.apply(tick), "text-anchor", "middle", "class", "tick");
        }
        double y = top;
        for (Bar bar : bars) {
            svg.open(
                    "g",
                    "class",
                    bar.flagged() ? "item flagged" : "item",
                    "data-name",
                    bar.name(),
                    "data-value",
                    Double.toString(bar.value()));
            svg.title(bar.tooltip());
            svg.label(nameWidth - 8, y + 14, bar.name(), "text-anchor", "end", "class", "row-name");
            svg.rect(
                    nameWidth,
                    y + 3,
                    x.pixel(bar.value()) - nameWidth,
                    rowHeight - 6,
                    "fill",
                    bar.flagged() ? "#c62828" : "#90a4ae");
            svg.close("g");
            y += rowHeight;
        }
        double tx = x.pixel(threshold);
        svg.line(tx, top - 6, tx, bottom, "stroke", "#263238", "stroke-width", "1.5", "stroke-dasharray", "5 3");
        svg.label(tx + 4, top - 8, thresholdCaption, "class", "caption");
        svg.label((nameWidth + width - 20) / 2, bottom + 32, xTitle, "text-anchor", "middle", "class", "axis-title");
        return svg.end();
    }
}
