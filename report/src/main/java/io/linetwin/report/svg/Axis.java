package io.linetwin.report.svg;

import java.util.ArrayList;
import java.util.List;

/** A linear axis from data to pixels with "nice" round ticks (1, 2, 2.5 or 5 times a power of ten). */
public record Axis(double min, double max, double fromPixel, double toPixel, List<Double> ticks) {

    public Axis {
        ticks = List.copyOf(ticks);
        if (!(max > min)) {
            throw new IllegalArgumentException("axis max must be > min, got [" + min + ", " + max + "]");
        }
    }

    /**
     * An axis covering [{@code low}, {@code high}] widened to round ticks, about {@code tickCount} of them; a
     * degenerate range is opened around its value.
     */
    public static Axis nice(double low, double high, double fromPixel, double toPixel, int tickCount) {
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            low = 0;
            high = 1;
        }
        if (high <= low) {
            double pad = low == 0 ? 1 : Math.abs(low) * 0.1;
            low -= pad;
            high += pad;
        }
        double step = niceStep((high - low) / Math.max(1, tickCount));
        double first = Math.floor(low / step) * step;
        double last = Math.ceil(high / step) * step;
        List<Double> ticks = new ArrayList<>();
        for (int i = 0; first + i * step <= last + step * 1e-9; i++) {
            ticks.add(clean(first + i * step, step));
        }
        return new Axis(first, last, fromPixel, toPixel, ticks);
    }

    /** An axis from exactly {@code low} to {@code high} (e.g. 0..1 for shares) with nice ticks inside. */
    public static Axis exact(double low, double high, double fromPixel, double toPixel, int tickCount) {
        double step = niceStep((high - low) / Math.max(1, tickCount));
        List<Double> ticks = new ArrayList<>();
        for (double t = Math.ceil(low / step) * step; t <= high + step * 1e-9; t += step) {
            ticks.add(clean(t, step));
        }
        return new Axis(low, high, fromPixel, toPixel, ticks);
    }

    public double pixel(double value) {
        return fromPixel + (value - min) / (max - min) * (toPixel - fromPixel);
    }

    static double niceStep(double raw) {
        if (!(raw > 0)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }

    /** Removes the binary noise of i * step (0.30000000000000004 → 0.3). */
    private static double clean(double value, double step) {
        double scale = Math.pow(10, Math.max(0, 2 - Math.floor(Math.log10(step))));
        return Math.round(value * scale) / scale;
    }
}
