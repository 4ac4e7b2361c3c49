package io.linetwin.report.svg;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleFunction;

/**
 * A line chart: series as lines (or steps) with optional shaded bands around them (a range over replications,
 * a confidence interval), shaded x regions (a warm-up) and vertical markers, axes with round ticks and a legend.
 */
public final class XyChart {

    /** A shaded band from {@code low[i]} to {@code high[i]} at {@code x[i]}. */
    public record Band(double[] low, double[] high, double opacity, String tooltip) {
        public Band {
            Objects.requireNonNull(low, "low");
            Objects.requireNonNull(high, "high");
            if (low.length != high.length) {
                throw new IllegalArgumentException(
                        "band needs as many lows as highs, got " + low.length + " and " + high.length);
            }
        }
    }

    public record Series(String name, String color, double[] x, double[] y, boolean step, List<Band> bands) {
        public Series {
            Objects.requireNonNull(name, "name");
            if (x.length != y.length) {
                throw new IllegalArgumentException(
                        "series " + name + " needs as many x as y, got " + x.length + " and " + y.length);
            }
            bands = List.copyOf(bands);
            for (Band band : bands) {
                if (band.low().length != x.length) {
                    throw new IllegalArgumentException(
                            "band of " + name + " needs " + x.length + " points, got " + band.low().length);
                }
            }
        }
    }

    /** A shaded stretch of the x axis with a caption, e.g. the warm-up. */
    public record Region(double from, double to, String caption) {}

    /** A vertical line with a caption, e.g. the best maintenance window. */
    public record Marker(double x, String caption, String color) {}

    private final String xTitle;
    private final String yTitle;
    private final DoubleFunction<String> xTicks;
    private final DoubleFunction<String> yTicks;
    private final List<Series> series = new ArrayList<>();
    private final List<Region> regions = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();
    private Double yFloor;
    private Double yCeiling;

    public XyChart(String xTitle, String yTitle, DoubleFunction<String> xTicks, DoubleFunction<String> yTicks) {
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        this.xTicks = xTicks;
        this.yTicks = yTicks;
    }

    public XyChart add(Series s) {
        series.add(s);
        return this;
    }

    public XyChart shade(Region region) {
        regions.add(region);
        return this;
    }

    public XyChart mark(Marker marker) {
        markers.add(marker);
        return this;
    }

    /** Fixes the y range (e.g. 0 to 1 for probabilities) instead of fitting it to the data. */
    public XyChart yRange(double floor, double ceiling) {
        this.yFloor = floor;
        this.yCeiling = ceiling;
        return this;
    }

    /** Starts the y axis at 0 whatever the data (counts, rates). */
    public XyChart yFromZero() {
        this.yFloor = 0.0;
        return this;
    }

    public String render(double width, double height, String label) {
        double left = 64;
        double right = width - 16;
        double top = 14;
        double legendRows = Math.ceil(series.size() / 3.0);
        double bottom = height - 40 - 16 * legendRows;
        double xLow = Double.POSITIVE_INFINITY;
        double xHigh = Double.NEGATIVE_INFINITY;
        double yLow = Double.POSITIVE_INFINITY;
        double yHigh = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                xLow = Math.min(xLow, s.x()[i]);
                xHigh = Math.max(xHigh, s.x()[i]);
                yLow = Math.min(yLow, s.y()[i]);
                yHigh = Math.max(yHigh, s.y()[i]);
                for (Band band : s.bands()) {
                    yLow = Math.min(yLow, band.low()[i]);
                    yHigh = Math.max(yHigh, band.high()[i]);
                }
            }
        }
        for (Region region : regions) {
            xLow = Math.min(xLow, region.from());
            xHigh = Math.max(xHigh, region.to());
        }
        for (Marker marker : markers) {
            xLow = Math.min(xLow, marker.x());
            xHigh = Math.max(xHigh, marker.x());
        }
        if (yFloor != null) {
            yLow = Math.min(yFloor, Double.isFinite(yLow) ? yLow : yFloor);
        }
        if (yCeiling != null) {
            yHigh = yCeiling;
        }
        Axis xAxis = Axis.nice(xLow, xHigh, left, right, 8);
        Axis yAxis = yFloor != null && yCeiling != null
                ? Axis.exact(yFloor, yCeiling, bottom, top, 5)
                : Axis.nice(yLow, yHigh, bottom, top, 5);
        if (yFloor != null && yCeiling == null && yAxis.min() < yFloor) {
            yAxis = Axis.nice(yFloor, yAxis.max(), bottom, top, 5);
        }
        Svg svg = new Svg(width, height, label, "chart xy");
        for (Region region : regions) {
            double x0 = xAxis.pixel(region.from());
            double x1 = xAxis.pixel(region.to());
            svg.open("g", "class", "region").title(region.caption());
            svg.rect(x0, top, x1 - x0, bottom - top, "fill", "#e9ecf1");
            svg.label(x0 + 4, top + 12, region.caption(), "class", "caption");
            svg.close("g");
        }
        grid(svg, xAxis, yAxis, left, right, top, bottom);
        for (Series s : series) {
            for (Band band : s.bands()) {
                svg.open(
                        "path",
                        "d",
                        bandPath(s, band, xAxis, yAxis),
                        "fill",
                        s.color(),
                        "fill-opacity",
                        Svg.n(band.opacity()),
                        "class",
                        "band");
                svg.title(s.name() + ": " + band.tooltip());
                svg.close("path");
            }
        }
        for (Series s : series) {
            svg.open(
                    "path",
                    "d",
                    linePath(s, xAxis, yAxis),
                    "fill",
                    "none",
                    "stroke",
                    s.color(),
                    "stroke-width",
                    "2",
                    "class",
                    "series");
            svg.title(s.name());
            svg.close("path");
        }
        for (Marker marker : markers) {
            double x = xAxis.pixel(marker.x());
            svg.line(x, top, x, bottom, "stroke", marker.color(), "stroke-width", "2", "stroke-dasharray", "5 3");
            svg.label(x + 4, top + 26, marker.caption(), "class", "caption", "fill", marker.color());
        }
        svg.label((left + right) / 2, bottom + 32, xTitle, "class", "axis-title", "text-anchor", "middle");
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
        legend(svg, left, bottom + 48, right - left);
        return svg.end();
    }

    private void grid(Svg svg, Axis xAxis, Axis yAxis, double left, double right, double top, double bottom) {
        svg.open("g", "class", "grid");
        for (double tick : yAxis.ticks()) {
            double y = yAxis.pixel(tick);
            svg.line(left, y, right, y, "stroke", "#dde1e6");
            svg.label(left - 6, y + 4, yTicks.apply(tick), "text-anchor", "end", "class", "tick");
        }
        for (double tick : xAxis.ticks()) {
            double x = xAxis.pixel(tick);
            svg.line(x, bottom, x, bottom + 4, "stroke", "#8a9099");
            svg.label(x, bottom + 16, xTicks.apply(tick), "text-anchor", "middle", "class", "tick");
        }
        svg.line(left, bottom, right, bottom, "stroke", "#8a9099");
        svg.line(left, top, left, bottom, "stroke", "#8a9099");
        svg.close("g");
    }

    private void legend(Svg svg, double left, double y, double width) {
        if (series.size() < 2 && series.stream().allMatch(s -> s.bands().isEmpty())) {
            return;
        }
        double column = width / 3;
        for (int i = 0; i < series.size(); i++) {
            double x = left + (i % 3) * column;
            double row = y + (i / 3) * 16;
            svg.rect(x, row - 9, 14, 10, "fill", series.get(i).color());
            svg.label(x + 20, row, series.get(i).name(), "class", "legend");
        }
    }

    private static String linePath(Series s, Axis xAxis, Axis yAxis) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < s.x().length; i++) {
            double x = xAxis.pixel(s.x()[i]);
            double y = yAxis.pixel(s.y()[i]);
            if (i == 0) {
                d.append('M').append(Svg.n(x)).append(' ').append(Svg.n(y));
            } else if (s.step()) {
                d.append(" H").append(Svg.n(x)).append(" V").append(Svg.n(y));
            } else {
                d.append(" L").append(Svg.n(x)).append(' ').append(Svg.n(y));
            }
        }
        return d.isEmpty() ? "M0 0" : d.toString();
    }

    private static String bandPath(Series s, Band band, Axis xAxis, Axis yAxis) {
        StringBuilder d = new StringBuilder();
        int n = s.x().length;
        for (int i = 0; i < n; i++) {
            d.append(i == 0 ? "M" : " L")
                    .append(Svg.n(xAxis.pixel(s.x()[i])))
                    .append(' ')
                    .append(Svg.n(yAxis.pixel(band.high()[i])));
        }
        for (int i = n - 1; i >= 0; i--) {
            d.append(" L").append(Svg.n(xAxis.pixel(s.x()[i]))).append(' ').append(Svg.n(yAxis.pixel(band.low()[i])));
        }
        return d.isEmpty() ? "M0 0" : d.append(" Z").toString();
    }
}
