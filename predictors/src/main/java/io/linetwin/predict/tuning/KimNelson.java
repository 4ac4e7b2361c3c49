package io.linetwin.predict.tuning;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Kim and Nelson's fully sequential indifference-zone selection (KN; Kim &amp; Nelson, ACM TOMACS 11(3), 2001):
 * with probability at least {@code pcs} it selects the system with the largest mean whenever that mean exceeds
 * every other by at least {@code delta}; otherwise it selects one within {@code delta} of the best with that
 * probability. Observations of the systems are paired replication by replication; KN works on the variances of
 * the differences, so common random numbers make it stop sooner. After a first stage of {@code n0} replications,
 * one replication per surviving system per stage; a system falls out when its mean is below another survivor's
 * by more than a margin that shrinks with the stages; at stage {@code N + 1} (N from the first-stage variances)
 * the largest mean is selected.
 */
final class KimNelson {

    /** Replications {@code [0, count)} of a system's fresh observations, made on demand. */
    interface Observations {
        double[] of(int system, int count);

        /** Makes sure the systems have {@code count} observations; runs them together (in parallel). */
        void ensure(List<Integer> systems, int count);
    }

    /**
     * The outcome: the selected system, each system's observations used and mean, whether the procedure ran to
     * its end (false when stopped or capped: its guarantee then does not hold), and the probability stated.
     */
    record Outcome(int winner, int[] observations, double[] means, boolean completed, double pcs) {}

    private KimNelson() {}

    static Outcome select(
            int systems,
            Observations observations,
            double delta,
            double pcs,
            int n0,
            int maxStages,
            BooleanSupplier stopped) {
        if (systems < 1) {
            throw new IllegalArgumentException("selection needs >= 1 system, got " + systems);
        }
        if (n0 < 2) {
            throw new IllegalArgumentException("first stage must have >= 2 replications, got " + n0);
        }
        if (!(delta > 0)) {
            throw new IllegalArgumentException("indifference zone must be > 0, got " + delta);
        }
        List<Integer> alive = new ArrayList<>();
        for (int i = 0; i < systems; i++) {
            alive.add(i);
        }
        observations.ensure(alive, n0);
        int[] used = new int[systems];
        double[] means = new double[systems];
        if (systems == 1) {
            used[0] = n0;
            means[0] = SearchContext.mean(observations.of(0, n0));
            return new Outcome(0, used, means, true, 1.0);
        }
        double alpha = 1 - pcs;
        double eta = 0.5 * (Math.pow(2 * alpha / (systems - 1), -2.0 / (n0 - 1)) - 1);
        double h2 = 2 * eta * (n0 - 1);
        double[][] variance = new double[systems][systems];
        long lastStage = 0;
        for (int i = 0; i < systems; i++) {
            for (int l = i + 1; l < systems; l++) {
                variance[i][l] = differenceVariance(observations.of(i, n0), observations.of(l, n0));
                variance[l][i] = variance[i][l];
                lastStage = Math.max(lastStage, (long) Math.floor(h2 * variance[i][l] / (delta * delta)));
            }
        }
        int r = n0;
        boolean completed = true;
        while (true) {
            for (int i : alive) {
                used[i] = r;
                means[i] = SearchContext.mean(observations.of(i, r));
            }
            List<Integer> survivors = new ArrayList<>();
            for (int i : alive) {
                boolean out = false;
                for (int l : alive) {
                    if (l != i) {
                        double margin = Math.max(0, delta / (2.0 * r) * (h2 * variance[i][l] / (delta * delta) - r));
                        out |= means[i] < means[l] - margin;
                    }
                }
                if (!out) {
                    survivors.add(i);
                }
            }
            alive = survivors;
            if (alive.size() == 1 || r >= lastStage + 1) {
                break;
            }
            if (r >= maxStages || stopped.getAsBoolean()) {
                completed = false;
                break;
            }
            r++;
            observations.ensure(alive, r);
        }
        int winner = alive.get(0);
        for (int i : alive) {
            if (means[i] > means[winner]) {
                winner = i;
            }
        }
        double stated = completed ? pcs : estimatedPcs(winner, alive, observations, used, delta);
        return new Outcome(winner, used, means, completed, stated);
    }

    /**
     * For an unfinished selection: a Bonferroni lower bound on the probability that the winner is within
     * {@code delta} of each other survivor, from paired t statistics over their common replications.
     */
    private static double estimatedPcs(
            int winner, List<Integer> alive, Observations observations, int[] used, double delta) {
        double miss = 0;
        for (int j : alive) {
            if (j == winner) {
                continue;
            }
            int n = Math.min(used[winner], used[j]);
            double[] w = observations.of(winner, n);
            double[] o = observations.of(j, n);
            double variance = differenceVariance(w, o);
            double meanDifference = SearchContext.mean(w) - SearchContext.mean(o);
            if (variance == 0) {
                miss += meanDifference + delta > 0 ? 0 : 1;
                continue;
            }
            double t = (meanDifference + delta) / Math.sqrt(variance / n);
            miss += 1 - new TDistribution(n - 1).cumulativeProbability(t);
        }
        return Math.max(0, 1 - miss);
    }

    private static double differenceVariance(double[] a, double[] b) {
        int n = a.length;
        double mean = 0;
        for (int r = 0; r < n; r++) {
            mean += a[r] - b[r];
        }
        mean /= n;
        double squares = 0;
        for (int r = 0; r < n; r++) {
            double d = a[r] - b[r] - mean;
            squares += d * d;
        }
        return squares / (n - 1);
    }
}
