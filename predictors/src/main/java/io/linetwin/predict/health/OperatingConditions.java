package io.linetwin.predict.health;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Operating-condition regimes found by k-means on the operating settings.
 *
 * <p>Settings are divided by their training range first, because altitude (0..42 kft), Mach (0..0.84) and
 * throttle (60..100) differ by orders of magnitude. Seeding is farthest-point from the first row, so the result
 * is deterministic without a random generator; centroids are then sorted lexicographically so that condition
 * numbers do not depend on row order.
 *
 * @param settingScale divisor applied to each setting before distances are taken
 * @param centroids    cluster centres in scaled setting space, one row per condition
 */
public record OperatingConditions(double[] settingScale, double[][] centroids) {

    private static final int MAX_ITERATIONS = 100;

    public OperatingConditions {
        Objects.requireNonNull(settingScale, "settingScale");
        Objects.requireNonNull(centroids, "centroids");
        if (centroids.length < 1) {
            throw new IllegalArgumentException("centroids must have >= 1 row, got 0");
        }
        for (double[] centroid : centroids) {
            if (centroid.length != settingScale.length) {
                throw new IllegalArgumentException(
                        "each centroid must have " + settingScale.length + " coordinates, got " + centroid.length);
            }
        }
    }

    /** A single regime: every row belongs to condition 0. */
    public static OperatingConditions single(int settings) {
        double[] scale = new double[settings];
        Arrays.fill(scale, 1.0);
        return new OperatingConditions(scale, new double[][] {new double[settings]});
    }

    public static OperatingConditions fit(List<double[]> settingRows, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        if (settingRows.isEmpty()) {
            throw new IllegalArgumentException("settingRows must have >= 1 row, got 0");
        }
        int dims = settingRows.get(0).length;
        if (k == 1) {
            return single(dims);
        }
        if (dims == 0) {
            throw new IllegalArgumentException("k > 1 needs >= 1 setting column, got 0");
        }
        double[] scale = new double[dims];
        for (int d = 0; d < dims; d++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double[] row : settingRows) {
                min = Math.min(min, row[d]);
                max = Math.max(max, row[d]);
            }
            scale[d] = max - min > 1e-12 ? max - min : 1.0;
        }
        double[][] points = new double[settingRows.size()][dims];
        for (int i = 0; i < points.length; i++) {
            for (int d = 0; d < dims; d++) {
                points[i][d] = settingRows.get(i)[d] / scale[d];
            }
        }
        double[][] centroids = farthestPointSeeds(points, k);
        int[] assignment = new int[points.length];
        Arrays.fill(assignment, -1);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            boolean changed = false;
            for (int i = 0; i < points.length; i++) {
                int nearest = nearest(centroids, points[i]);
                if (nearest != assignment[i]) {
                    assignment[i] = nearest;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
            double[][] sums = new double[k][dims];
            int[] counts = new int[k];
            for (int i = 0; i < points.length; i++) {
                counts[assignment[i]]++;
                for (int d = 0; d < dims; d++) {
                    sums[assignment[i]][d] += points[i][d];
                }
            }
            for (int c = 0; c < k; c++) {
                if (counts[c] > 0) {
                    for (int d = 0; d < dims; d++) {
                        centroids[c][d] = sums[c][d] / counts[c];
                    }
                }
            }
        }
        Arrays.sort(centroids, LEXICOGRAPHIC);
        return new OperatingConditions(scale, centroids);
    }

    public int count() {
        return centroids.length;
    }

    public int assign(double[] settings) {
        if (centroids.length == 1) {
            return 0;
        }
        double[] scaled = new double[settings.length];
        for (int d = 0; d < settings.length; d++) {
            scaled[d] = settings[d] / settingScale[d];
        }
        return nearest(centroids, scaled);
    }

    private static double[][] farthestPointSeeds(double[][] points, int k) {
        double[][] seeds = new double[k][];
        seeds[0] = points[0].clone();
        double[] distance = new double[points.length];
        Arrays.fill(distance, Double.POSITIVE_INFINITY);
        for (int c = 1; c < k; c++) {
            int farthest = 0;
            for (int i = 0; i < points.length; i++) {
                distance[i] = Math.min(distance[i], squaredDistance(points[i], seeds[c - 1]));
                if (distance[i] > distance[farthest]) {
                    farthest = i;
                }
            }
            seeds[c] = points[farthest].clone();
        }
        return seeds;
    }

    private static int nearest(double[][] centroids, double[] point) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centroids.length; c++) {
            double distance = squaredDistance(centroids[c], point);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = c;
            }
        }
        return best;
    }

    private static double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int d = 0; d < a.length; d++) {
            double diff = a[d] - b[d];
            sum += diff * diff;
        }
        return sum;
    }

    private static final Comparator<double[]> LEXICOGRAPHIC = (a, b) -> {
        for (int d = 0; d < a.length; d++) {
            int cmp = Long.compare(Math.round(a[d] * 1e6), Math.round(b[d] * 1e6));
            if (cmp != 0) {
                return cmp;
            }
        }
        return 0;
    };
}
