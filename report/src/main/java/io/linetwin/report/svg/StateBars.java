package io.linetwin.report.svg;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** One horizontal 100 % bar per station, split into the shares of the window it spent in each state. */
public final class StateBars {

    /** A station's row: shares by state name (summing to 1) and a note written after the bar (e.g. its OEE). */
    public record Row(String station, Map<String, Double> shares, String note, boolean highlighted) {
        public Row {
            Objects.requireNonNull(station, "station");
            shares = Map.copyOf(shares);
            Objects.requireNonNull(note, "note");
        }
    }

    private StateBars() {}

    /**
     * @param stateName the reader's word for a state ("working" / "加工")
     * @param share a share as the reader writes it ("12.5%")
     */
    public static String render(
            List<Row> rows, Function<String, String> stateName, Function<Double, String> share, String label) {
        double width = 860;
        double labelWidth = 150;
        double noteWidth = 120;
        double barWidth = width - labelWidth - noteWidth - 10;
        double rowHeight = 26;
        double height = rows.size() * rowHeight + 44;
        Svg svg = new Svg(width, height, label, "chart state-bars");
        double y = 6;
        for (Row row : rows) {
            svg.open("g", "class", "state-bar", "data-station", row.station());
            svg.label(
                    labelWidth - 8,
                    y + 15,
                    row.station(),
                    "text-anchor",
                    "end",
                    "class",
                    row.highlighted() ? "station-name bottleneck" : "station-name");
            double x = labelWidth;
            for (String state : StateColors.STATES) {
                double value = row.shares().getOrDefault(state, 0.0);
                double w = value * barWidth;
                if (w <= 0) {
                    continue;
                }
                svg.open(
                        "rect",
                        "x",
                        Svg.n(x),
                        "y",
                        Svg.n(y),
                        "width",
                        Svg.n(w),
                        "height",
                        "20",
                        "fill",
                        StateColors.of(state),
                        "data-state",
                        state,
                        "data-share",
                        Double.toString(value));
                svg.title(row.station() + " · " + stateName.apply(state) + " " + share.apply(value));
                svg.close("rect");
                if (w > 38) {
                    svg.label(x + w / 2, y + 14, share.apply(value), "text-anchor", "middle", "class", "in-bar");
                }
                x += w;
            }
            if (row.highlighted()) {
                svg.rect(
                        labelWidth - 1,
                        y - 1,
                        barWidth + 2,
                        22,
                        "fill",
                        "none",
                        "stroke",
                        "#c62828",
                        "stroke-width",
                        "2");
            }
            svg.label(labelWidth + barWidth + 10, y + 15, row.note(), "class", "note");
            svg.close("g");
            y += rowHeight;
        }
        double x = labelWidth;
        for (String state : StateColors.STATES) {
            svg.rect(x, y + 10, 12, 12, "fill", StateColors.of(state));
            String name = stateName.apply(state);
            svg.label(x + 16, y + 20, name, "class", "legend");
            x += 26 + Math.max(60, name.length() * 7.5);
        }
        return svg.end();
    }
}
