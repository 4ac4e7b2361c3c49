package io.linetwin.report.svg;

import java.util.List;
import java.util.Objects;
import java.util.function.DoubleFunction;

/** Vertical bars with confidence whiskers, one highlighted (the best window, the winner). */
public final class Bars {

    /** {@code low}/{@code high} NaN: no interval. */
    public record Bar(String name, double value, double low, double high, boolean highlighted, String tooltip) {
        public Bar {
            Objects.requireNonNull(name, "name");
        }
    }

    private Bars() {}

    public static String render(List<Bar> bars, String yTitle, DoubleFunction<String> number, String label) {
        double width = Math.max(360, Math.min(900, 90 + bars.size() * 64));
        double height = 250;
        double left = 64;
        double right = width - 12;
        double top = 14;
        double bottom = height - 58;
        double low = 0;
        double high = 0;
        for (Bar bar : bars) {
            low = Math.min(low, Double.isNaN(bar.low()) ? bar.value() : Math.min(bar.value(), bar.low()));
            high = Math.max(high, Double.isNaN(bar.high()) ? bar.value() : Math.max(bar.value(), bar.high()));
        }
        Axis y = Axis.nice(low, high, bottom, top, 5);
        Svg svg = new Svg(width, height, label, "chart bars");
        for (double tick : y.ticks()) {
            svg.line(left, y.pixel(tick), right, y.pixel(tick), "stroke", tick == 0 ? "#8a9099" : "#e3e6ea");
            svg.label(left - 6, y.pixel(tick) + 4, number.apply(tick), "text-anchor", "end", "class", "tick");
        }
        double slot = (right - left) / Math.max(1, bars.size());
        double zero = y.pixel(Math.max(y.min(), 0));
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double x = left + i * slot;
            double top0 = Math.min(zero, y.pixel(bar.value()));
            double h = Math.abs(zero - y.pixel(bar.value()));
            svg.open(
                    "g",
                    "class",
                    bar.highlighted() ? "bar highlighted" : "bar",
                    "data-name",
                    bar.name(),
                    "data-value",
                    Double.toString(bar.value()));
            svg.title(bar.tooltip());
            svg.rect(x + slot * 0.18, top0, slot * 0.64, h, "fill", bar.highlighted() ? "#2e7d32" : "#90a4ae");
            if (!Double.isNaN(bar.low())) {
                double cx = x + slot / 2;
                svg.line(cx, y.pixel(bar.low()), cx, y.pixel(bar.high()), "stroke", "#263238", "stroke-width", "1.5");
                svg.line(cx - 6, y.pixel(bar.low()), cx + 6, y.pixel(bar.low()), "stroke", "#263238");
                svg.line(cx - 6, y.pixel(bar.high()), cx + 6, y.pixel(bar.high()), "stroke", "#263238");
            }
            double lx = x + slot / 2;
            svg.label(
                    lx,
                    bottom + 14,
                    bar.name(),
                    "text-anchor",
                    "end",
                    "class",
                    "tick",
                    "transform",
                    "rotate(-30 " + Svg.n(lx) + " " + Svg.n(bottom + 14) + ")");
            svg.close("g");
        }
        svg.label(
                14,
                (top + bottom) / 2,
                yTitle,
                "class",
                "axis-title",
                "text-anchor",
                "middle",
                "transform",
                "rotate(-90 14 " + Svg.n((top + bottom) / 2) + ")");
        return svg.end();
    }
}
