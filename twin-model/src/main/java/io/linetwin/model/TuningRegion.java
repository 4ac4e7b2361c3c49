package io.linetwin.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The settings a tuner may try: each variable within its bounds, every linear constraint met, and — when any
 * variable is an integer — every variable on a lattice (integers in steps of 1, a continuous variable in
 * {@value #CONTINUOUS_STEPS} equal steps of its range), so that a discrete search can tell visited points apart.
 * Without integer variables the region is continuous (step 0).
 */
public final class TuningRegion {

    /** Lattice steps across a continuous variable's range when it shares a problem with integer variables. */
    public static final int CONTINUOUS_STEPS = 100;

    private static final double RELATIVE_TOLERANCE = 1e-9;
    private static final int MAX_REPAIR_MOVES = 10_000;

    /** {@code lo <= a · x <= hi}; a bound may be infinite. */
    public record Row(double[] a, double lo, double hi) {
        public Row {
            a = a.clone();
            if (Double.isNaN(lo) || Double.isNaN(hi) || lo > hi) {
                throw new IllegalArgumentException("row bounds must satisfy lo <= hi, got [" + lo + ", " + hi + "]");
            }
        }

        public double dot(double[] x) {
            double sum = 0;
            for (int i = 0; i < a.length; i++) {
                sum += a[i] * x[i];
            }
            return sum;
        }

        /** How far {@code x} lies outside the row's bounds; 0 within a small relative tolerance. */
        double excess(double[] x) {
            double s = dot(x);
            double excess = Math.max(Math.max(lo - s, s - hi), 0);
            double scale =
                    1 + Math.abs(Double.isFinite(lo) ? lo : 0) + Math.abs(Double.isFinite(hi) ? hi : 0) + Math.abs(s);
            return excess <= RELATIVE_TOLERANCE * scale ? 0 : excess;
        }

        @Override
        public double[] a() {
            return a.clone();
        }
    }

    private final double[] lower;
    private final double[] upper;
    private final double[] step;
    private final List<Row> rows;
    private final List<int[]> equalityGroups;

    private TuningRegion(double[] lower, double[] upper, double[] step, List<Row> rows, List<int[]> equalityGroups) {
        this.lower = lower;
        this.upper = upper;
        this.step = step;
        this.rows = List.copyOf(rows);
        this.equalityGroups = List.copyOf(equalityGroups);
    }

    static TuningRegion of(TuningSpec spec) {
        List<TuningVariable> variables = spec.variables();
        int n = variables.size();
        double[] lower = new double[n];
        double[] upper = new double[n];
        double[] step = new double[n];
        boolean lattice = !spec.allContinuous();
        for (int i = 0; i < n; i++) {
            TuningVariable v = variables.get(i);
            lower[i] = v.min();
            upper[i] = v.max();
            step[i] = !lattice ? 0 : v.integer() ? 1 : (v.max() - v.min()) / CONTINUOUS_STEPS;
        }
        List<Row> rows = new ArrayList<>();
        List<int[]> groups = new ArrayList<>();
        for (TuningConstraint constraint : spec.constraints()) {
            double[] a = new double[n];
            int[] members = new int[constraint.sum().size()];
            for (int k = 0; k < members.length; k++) {
                members[k] = spec.indexOf(constraint.sum().get(k));
                a[members[k]] = 1;
            }
            rows.add(new Row(a, constraint.lower(), constraint.upper()));
            if (constraint.isEquality()) {
                groups.add(members);
            }
        }
        return new TuningRegion(lower, upper, step, rows, groups);
    }

    public int dimension() {
        return lower.length;
    }

    public double lower(int i) {
        return lower[i];
    }

    public double upper(int i) {
        return upper[i];
    }

    /** The lattice step of variable {@code i}; 0 in a continuous region. */
    public double step(int i) {
        return step[i];
    }

    public boolean isLattice() {
        return step.length > 0 && Arrays.stream(step).anyMatch(s -> s > 0);
    }

    public List<Row> rows() {
        return rows;
    }

    /** Within bounds, on the lattice, and meeting every constraint (up to rounding). */
    public boolean contains(double[] x) {
        for (int i = 0; i < x.length; i++) {
            double slack = RELATIVE_TOLERANCE * (1 + Math.abs(lower[i]) + Math.abs(upper[i]));
            if (x[i] < lower[i] - slack || x[i] > upper[i] + slack) {
                return false;
            }
            if (step[i] > 0) {
                double k = (x[i] - lower[i]) / step[i];
                if (Math.abs(k - Math.rint(k)) > 1e-6) {
                    return false;
                }
            }
        }
        return violation(x, List.of()) == 0;
    }

    /** The summed excess of {@code x} over every row (these and {@code extra}); 0 when it meets them all. */
    public double violation(double[] x, List<Row> extra) {
        double total = 0;
        for (Row row : rows) {
            total += row.excess(x);
        }
        for (Row row : extra) {
            total += row.excess(x);
        }
        return total;
    }

    /** {@code x} clamped into the bounds and moved to the nearest lattice point. */
    public double[] snap(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = snap(i, x[i]);
        }
        return y;
    }

    private double snap(int i, double value) {
        double clamped = Math.min(upper[i], Math.max(lower[i], value));
        if (step[i] == 0) {
            return clamped;
        }
        double k = Math.rint((clamped - lower[i]) / step[i]);
        return Math.min(upper[i], lower[i] + k * step[i]);
    }

    /**
     * The directions a local search moves along, each one lattice step long (a unit of the range in a continuous
     * region): every variable alone, except one held by an equality; and every pair of variables that share a
     * constraint, one traded for the other. A trade keeps their sum, so it moves along an equality, and along a
     * bound that is reached (two buffers sharing all the places they may have), where no single variable can move
     * without first making things worse.
     */
    public List<double[]> directions() {
        int n = dimension();
        int[] group = new int[n];
        Arrays.fill(group, -1);
        for (int g = 0; g < equalityGroups.size(); g++) {
            for (int i : equalityGroups.get(g)) {
                group[i] = g;
            }
        }
        boolean[][] share = new boolean[n][n];
        for (Row row : rows) {
            double[] a = row.a();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    share[i][j] |= a[i] != 0 && a[j] != 0;
                }
            }
        }
        List<double[]> directions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (group[i] < 0 && upper[i] > lower[i]) {
                double[] d = new double[n];
                d[i] = unit(i);
                directions.add(d);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (share[i][j]
                        && group[i] == group[j]
                        && step[i] == step[j]
                        && upper[i] > lower[i]
                        && upper[j] > lower[j]) {
                    double[] d = new double[n];
                    d[i] = unit(i);
                    d[j] = -unit(j);
                    directions.add(d);
                }
            }
        }
        return directions;
    }

    private double unit(int i) {
        return step[i] > 0 ? step[i] : upper[i] - lower[i];
    }

    /**
     * The range {@code [tLow, tHigh]} of {@code t} for which {@code x + t d} stays in the bounds and meets every
     * row (these and {@code extra}); whole numbers on a lattice. {@code x} must lie in the region, so the range
     * holds 0.
     */
    public double[] interval(double[] x, double[] d, List<Row> extra) {
        double[] box = boxInterval(x, d);
        double low = box[0];
        double high = box[1];
        List<Row> all = new ArrayList<>(rows);
        all.addAll(extra);
        for (Row row : all) {
            double g = row.dot(d);
            if (Math.abs(g) < 1e-12) {
                continue;
            }
            double s = row.dot(x);
            double a = (row.lo() - s) / g;
            double b = (row.hi() - s) / g;
            low = Math.max(low, Math.min(a, b));
            high = Math.min(high, Math.max(a, b));
        }
        low = Math.min(low, 0);
        high = Math.max(high, 0);
        if (isLattice()) {
            low = Math.ceil(low - 1e-9);
            high = Math.floor(high + 1e-9);
        }
        return new double[] {low, high};
    }

    /**
     * A point of the region near {@code start}, found by greedy moves that shrink the constraints' total excess
     * (from {@code start}, then from the lower bounds, the upper bounds and the middle of the box); empty when no
     * start leads to one, which for the sums of this section means the constraints contradict each other.
     */
    public Optional<double[]> repair(double[] start) {
        int n = dimension();
        double[] middle = new double[n];
        for (int i = 0; i < n; i++) {
            middle[i] = (lower[i] + upper[i]) / 2;
        }
        for (double[] from : List.of(start, lower, upper, middle)) {
            Optional<double[]> found = descend(snap(from));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<double[]> descend(double[] x) {
        List<double[]> moves = repairMoves();
        double v = violation(x, List.of());
        for (int move = 0; move < MAX_REPAIR_MOVES && v > 0; move++) {
            double[] best = null;
            double bestV = v;
            for (double[] d : moves) {
                for (double t : candidateSteps(x, d)) {
                    double[] y = snap(plus(x, t, d));
                    double vy = violation(y, List.of());
                    if (vy < bestV - 1e-12 * (1 + bestV)) {
                        best = y;
                        bestV = vy;
                    }
                }
            }
            if (best == null) {
                return Optional.empty();
            }
            x = best;
            v = bestV;
        }
        return v == 0 ? Optional.of(x) : Optional.empty();
    }

    /** Single variables and every pair traded one for the other (pairs only among variables of equal step). */
    private List<double[]> repairMoves() {
        int n = dimension();
        List<double[]> moves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] d = new double[n];
            d[i] = unit(i);
            moves.add(d);
            for (int j = i + 1; j < n; j++) {
                if (step[i] == step[j]) {
                    double[] pair = new double[n];
                    pair[i] = unit(i);
                    pair[j] = -unit(j);
                    moves.add(pair);
                }
            }
        }
        return moves;
    }

    /** Steps along {@code d} that bring one row to a bound, clipped to the box; ±1 and rounded on a lattice. */
    private List<Double> candidateSteps(double[] x, double[] d) {
        double[] box = boxInterval(x, d);
        List<Double> steps = new ArrayList<>();
        for (Row row : rows) {
            double g = row.dot(d);
            if (Math.abs(g) < 1e-12) {
                continue;
            }
            double s = row.dot(x);
            for (double bound : new double[] {row.lo(), row.hi()}) {
                if (Double.isFinite(bound)) {
                    steps.add((bound - s) / g);
                }
            }
        }
        steps.add(box[0]);
        steps.add(box[1]);
        steps.add(1.0);
        steps.add(-1.0);
        List<Double> clipped = new ArrayList<>();
        for (double t : steps) {
            double c = Math.max(box[0], Math.min(box[1], t));
            if (isLattice()) {
                clipped.add(Math.floor(c));
                clipped.add(Math.ceil(c));
            } else {
                clipped.add(c);
            }
        }
        clipped.removeIf(t -> t == 0);
        return clipped;
    }

    /** The range of {@code t} for which {@code x + t d} stays within the bounds; it holds 0. */
    private double[] boxInterval(double[] x, double[] d) {
        double low = Double.NEGATIVE_INFINITY;
        double high = Double.POSITIVE_INFINITY;
        for (int i = 0; i < x.length; i++) {
            if (d[i] != 0) {
                double a = (lower[i] - x[i]) / d[i];
                double b = (upper[i] - x[i]) / d[i];
                low = Math.max(low, Math.min(a, b));
                high = Math.min(high, Math.max(a, b));
            }
        }
        return new double[] {Math.min(low, 0), Math.max(high, 0)};
    }

    static double[] plus(double[] x, double t, double[] d) {
        double[] y = x.clone();
        for (int i = 0; i < y.length; i++) {
            y[i] += t * d[i];
        }
        return y;
    }
}
