package io.linetwin.render.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A path on the floor through points (metres), with its length and the point at any distance along it. */
public record Polyline(double[] xs, double[] zs) {

    public Polyline {
        if (xs.length != zs.length || xs.length < 2) {
            throw new IllegalArgumentException(
                    "a polyline needs >= 2 points with x and z each, got " + xs.length + " x and " + zs.length + " z");
        }
        xs = xs.clone();
        zs = zs.clone();
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isFinite(xs[i]) || !Double.isFinite(zs[i])) {
                throw new IllegalArgumentException(
                        "polyline points must be finite, got (" + xs[i] + ", " + zs[i] + ")");
            }
        }
    }

    /** From (x, z) pairs. */
    public static Polyline of(double... xz) {
        double[] xs = new double[xz.length / 2];
        double[] zs = new double[xz.length / 2];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = xz[2 * i];
            zs[i] = xz[2 * i + 1];
        }
        return new Polyline(xs, zs);
    }

    /** Through the points, dropping repeats and middle points of straight runs. */
    public static Polyline simplified(List<double[]> points) {
        List<double[]> kept = new ArrayList<>();
        for (double[] p : points) {
            if (!kept.isEmpty()
                    && Math.hypot(p[0] - kept.get(kept.size() - 1)[0], p[1] - kept.get(kept.size() - 1)[1]) < 1e-9) {
                continue;
            }
            if (kept.size() >= 2) {
                double[] a = kept.get(kept.size() - 2);
                double[] b = kept.get(kept.size() - 1);
                double cross = (b[0] - a[0]) * (p[1] - b[1]) - (b[1] - a[1]) * (p[0] - b[0]);
                double dot = (b[0] - a[0]) * (p[0] - b[0]) + (b[1] - a[1]) * (p[1] - b[1]);
                if (Math.abs(cross) < 1e-9 && dot > 0) {
                    kept.set(kept.size() - 1, p);
                    continue;
                }
            }
            kept.add(p);
        }
        if (kept.size() == 1) {
            kept.add(kept.get(0).clone());
        }
        double[] flat = new double[kept.size() * 2];
        for (int i = 0; i < kept.size(); i++) {
            flat[2 * i] = kept.get(i)[0];
            flat[2 * i + 1] = kept.get(i)[1];
        }
        return of(flat);
    }

    public int points() {
        return xs.length;
    }

    public int segments() {
        return xs.length - 1;
    }

    public double segmentLength(int i) {
        return Math.hypot(xs[i + 1] - xs[i], zs[i + 1] - zs[i]);
    }

    public double length() {
        double total = 0;
        for (int i = 0; i < segments(); i++) {
            total += segmentLength(i);
        }
        return total;
    }

    /** Whether every segment runs along x or along z. */
    public boolean orthogonal() {
        for (int i = 0; i < segments(); i++) {
            if (Math.abs(xs[i + 1] - xs[i]) > 1e-6 && Math.abs(zs[i + 1] - zs[i]) > 1e-6) {
                return false;
            }
        }
        return true;
    }

    /** x, z and heading (radians, as {@code atan2(-dz, dx)}) at {@code metres} along; clamped to the ends. */
    public double[] at(double metres) {
        double left = Math.max(0, metres);
        for (int i = 0; i < segments(); i++) {
            double length = segmentLength(i);
            if (left <= length || i == segments() - 1) {
                double f = length > 0 ? Math.min(1, left / length) : 0;
                double dx = xs[i + 1] - xs[i];
                double dz = zs[i + 1] - zs[i];
                return new double[] {xs[i] + dx * f, zs[i] + dz * f, Math.atan2(-dz, dx)};
            }
            left -= length;
        }
        throw new IllegalStateException("a polyline has at least one segment");
    }

    public Polyline reversed() {
        double[] rx = new double[xs.length];
        double[] rz = new double[zs.length];
        for (int i = 0; i < xs.length; i++) {
            rx[i] = xs[xs.length - 1 - i];
            rz[i] = zs[zs.length - 1 - i];
        }
        return new Polyline(rx, rz);
    }

    /** Whether any segment passes through the inside of {@code footprint}. */
    public boolean crosses(Footprint footprint) {
        for (int i = 0; i < segments(); i++) {
            if (footprint.crossedBy(xs[i], zs[i], xs[i + 1], zs[i + 1])) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Polyline p && Arrays.equals(xs, p.xs) && Arrays.equals(zs, p.zs);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(xs) + Arrays.hashCode(zs);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Polyline[");
        for (int i = 0; i < xs.length; i++) {
            text.append(i == 0 ? "" : " ").append(String.format(java.util.Locale.ROOT, "(%.2f, %.2f)", xs[i], zs[i]));
        }
        return text.append(']').toString();
    }
}
