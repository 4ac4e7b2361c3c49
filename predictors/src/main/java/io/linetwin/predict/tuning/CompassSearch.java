package io.linetwin.predict.tuning;

import io.linetwin.model.TuningRegion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * COMPASS (Convergent Optimization via Most-Promising-Area Stochastic Search; Hong &amp; Nelson, Operations
 * Research 54(1), 2006) over the lattice of a tuning region, in the three phases of Industrial Strength COMPASS
 * (Xu, Nelson &amp; Hong, ACM TOMACS 20(1), 2010) — global sampling, local COMPASS runs, and a clean-up that
 * {@link Tuner} does with ranking and selection.
 *
 * <p>A local run keeps the settings it visited, {@code V}, and the best of them, {@code x*}. The most promising
 * area is every feasible lattice point at least as close to {@code x*} as to any other visited point; each
 * half-space {@code ||x - x*|| <= ||x - v||} is linear, so the area is the region cut by one more row per visited
 * point. Each iteration samples new points uniformly from that area by coordinate sampling (a lattice walk along
 * the region's directions, every step uniform over the feasible stretch of its line) and moves {@code x*} to the
 * best visited point. When every lattice neighbour of {@code x*} has been visited the area holds {@code x*} alone:
 * {@code x*} is a local optimum, and the next run restarts from the most promising point no run has used. The
 * search never rounds a continuous search: every point it draws is a lattice point of the region.
 */
final class CompassSearch {

    /** Local runs in a row that met only settings already simulated: the region has nothing new near them. */
    private static final int MAX_IDLE_RUNS = 25;

    private final TuningRegion region;
    private final SearchContext context;
    private final RandomGenerator random;
    private final List<double[]> directions;
    private final int samplesPerIteration;
    private final List<Setting> localOptima = new ArrayList<>();
    private final Set<Setting> used = new HashSet<>();
    private double[] origin;

    CompassSearch(TuningRegion region, SearchContext context, long seed) {
        this.region = region;
        this.context = context;
        this.random = new MersenneTwister(seed);
        this.directions = region.directions();
        int n = region.dimension();
        this.samplesPerIteration = Math.max(2, Math.min(6, (n + 1) / 2));
    }

    List<Setting> localOptima() {
        return List.copyOf(localOptima);
    }

    void run(double[] start) {
        origin = start.clone();
        Setting first = Setting.of(start);
        context.evaluate(List.of(first));
        if (directions.isEmpty()) {
            return;
        }
        int global = Math.min(context.remaining() / 4, Math.max(10, 2 * region.dimension()));
        List<Setting> spread = new ArrayList<>();
        double[] walker = start;
        for (int i = 0; i < global; i++) {
            walker = walk(walker, List.of(), 3 * region.dimension());
            spread.add(Setting.of(walker));
        }
        context.evaluate(spread);
        Setting from = context.best().orElse(first);
        int idleRuns = 0;
        while (!context.exhausted() && idleRuns < MAX_IDLE_RUNS) {
            int before = context.evaluator().settings().size();
            Setting optimum = localRun(from);
            if (optimum == null) {
                return;
            }
            localOptima.add(optimum);
            from = restart();
            context.evaluate(List.of(from));
            idleRuns = context.evaluator().settings().size() == before ? idleRuns + 1 : 0;
        }
    }

    /** COMPASS from {@code x0} until its most promising area is {@code x*} alone; null when the budget ends. */
    private Setting localRun(Setting x0) {
        List<Setting> visited = new ArrayList<>(List.of(x0));
        used.add(x0);
        Setting best = x0;
        while (true) {
            if (context.exhausted()) {
                return null;
            }
            List<TuningRegion.Row> area = promisingArea(best, visited);
            List<Setting> candidates = sample(best, area, visited);
            if (candidates.isEmpty()) {
                candidates = unvisitedNeighbours(best, visited);
                if (candidates.isEmpty()) {
                    return best;
                }
            }
            double[] scores = context.evaluate(candidates);
            boolean any = false;
            for (int i = 0; i < candidates.size(); i++) {
                if (!Double.isNaN(scores[i])) {
                    visited.add(candidates.get(i));
                    used.add(candidates.get(i));
                    any = true;
                }
            }
            if (!any) {
                return null;
            }
            best = visited.stream()
                    .max(Comparator.comparingDouble(s -> context.score(s, true)))
                    .orElseThrow();
        }
    }

    /**
     * The next local run starts from the best visited point no run has used yet (the global phase's samples
     * are the usual ones), else from a fresh uniform sample of the region.
     */
    private Setting restart() {
        return context.visited().stream()
                .filter(s -> !used.contains(s))
                .filter(s -> context.score(s, true) > Double.NEGATIVE_INFINITY)
                .max(Comparator.comparingDouble(s -> context.score(s, true)))
                .orElseGet(() -> Setting.of(walk(origin, List.of(), 10 * region.dimension())));
    }

    /** One row {@code 2 (z_v - z*) . z <= |z_v|^2 - |z*|^2} per visited {@code v}, in lattice units z. */
    private List<TuningRegion.Row> promisingArea(Setting best, List<Setting> visited) {
        int n = region.dimension();
        double[] zStar = lattice(best.values());
        double zStarSquared = dot(zStar, zStar);
        List<TuningRegion.Row> rows = new ArrayList<>();
        for (Setting v : visited) {
            if (v.equals(best)) {
                continue;
            }
            double[] zv = lattice(v.values());
            double[] a = new double[n];
            double hi = dot(zv, zv) - zStarSquared;
            for (int i = 0; i < n; i++) {
                double unit = region.step(i);
                a[i] = 2 * (zv[i] - zStar[i]) / unit;
                hi += a[i] * region.lower(i);
            }
            // Half a lattice unit of slack keeps the points on the boundary (equally close) inside despite rounding.
            rows.add(new TuningRegion.Row(a, Double.NEGATIVE_INFINITY, hi + 0.5));
        }
        return rows;
    }

    /** Up to {@link #samplesPerIteration} new lattice points of the area, each the end of a walk from x*. */
    private List<Setting> sample(Setting best, List<TuningRegion.Row> area, List<Setting> visited) {
        Set<Setting> known = new HashSet<>(visited);
        LinkedHashSet<Setting> found = new LinkedHashSet<>();
        int steps = Math.max(3, region.dimension());
        for (int attempt = 0; attempt < 4 * samplesPerIteration && found.size() < samplesPerIteration; attempt++) {
            Setting point = Setting.of(walk(best.values(), area, steps));
            if (!known.contains(point)) {
                found.add(point);
            }
        }
        return new ArrayList<>(found);
    }

    private List<Setting> unvisitedNeighbours(Setting best, List<Setting> visited) {
        Set<Setting> known = new HashSet<>(visited);
        List<Setting> neighbours = new ArrayList<>();
        double[] x = best.values();
        for (double[] d : directions) {
            double[] range = region.interval(x, d, List.of());
            for (double t : new double[] {-1, 1}) {
                if (t >= range[0] && t <= range[1]) {
                    Setting neighbour = Setting.of(region.snap(plus(x, t, d)));
                    if (!known.contains(neighbour) && region.contains(neighbour.values())) {
                        neighbours.add(neighbour);
                    }
                }
            }
        }
        return neighbours.subList(0, Math.min(neighbours.size(), samplesPerIteration));
    }

    /** {@code steps} coordinate-sampling moves from {@code x}, staying in the region and the extra rows. */
    private double[] walk(double[] x, List<TuningRegion.Row> extra, int steps) {
        double[] y = x.clone();
        for (int s = 0; s < steps; s++) {
            double[] d = directions.get(random.nextInt(directions.size()));
            double[] range = region.interval(y, d, extra);
            long span = (long) (range[1] - range[0]);
            double t = range[0] + (span <= 0 ? 0 : random.nextInt((int) Math.min(Integer.MAX_VALUE - 1, span + 1)));
            double[] next = region.snap(plus(y, t, d));
            if (region.contains(next) && region.violation(next, extra) == 0) {
                y = next;
            }
        }
        return y;
    }

    private double[] lattice(double[] x) {
        double[] z = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            z[i] = (x[i] - region.lower(i)) / region.step(i);
        }
        return z;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    private static double[] plus(double[] x, double t, double[] d) {
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] += t * d[i];
        }
        return y;
    }
}
