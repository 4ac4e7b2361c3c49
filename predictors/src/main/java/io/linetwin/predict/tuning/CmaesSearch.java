package io.linetwin.predict.tuning;

import io.linetwin.model.TuningRegion;
import java.util.List;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * CMA-ES (Hansen &amp; Ostermeier 2001; Commons Math's {@link CMAESOptimizer}) for regions of continuous variables,
 * restarted with a doubled population while budget remains (IPOP, Auger &amp; Hansen 2005). The optimiser works in
 * the unit box; each proposal is mapped to the variables' ranges and projected onto the region (box and linear
 * constraints), and that projection is what is simulated, so every simulated point meets the constraints. The
 * optimiser sees the projection's score less a penalty growing with the distance, so it is drawn into the
 * region. Proposals are rounded to 1/10,000 of each range first: once the search has converged, its proposals
 * repeat and cost no simulation.
 */
final class CmaesSearch {

    private static final double RESOLUTION = 1e-4;
    private static final double INITIAL_SIGMA = 0.3;
    /** Generations in a row whose every proposal was simulated before: the run has converged. */
    private static final int STALE_GENERATIONS = 4;

    private final TuningRegion region;
    private final SearchContext context;
    private final RandomGenerator random;

    CmaesSearch(TuningRegion region, SearchContext context, long seed) {
        this.region = region;
        this.context = context;
        this.random = new MersenneTwister(seed);
    }

    void run(double[] start) {
        int n = region.dimension();
        context.evaluate(List.of(Setting.of(start)));
        int population = 4 + (int) Math.floor(3 * Math.log(n));
        double[] guess = unit(start);
        while (!context.exhausted()) {
            int before = context.evaluator().settings().size();
            runOnce(guess, population);
            if (context.evaluator().settings().size() == before) {
                return;
            }
            population *= 2;
            guess = new double[n];
            for (int i = 0; i < n; i++) {
                guess[i] = random.nextDouble();
            }
        }
    }

    private void runOnce(double[] guess, int population) {
        int n = region.dimension();
        double[] sigma = new double[n];
        java.util.Arrays.fill(sigma, INITIAL_SIGMA);
        double[] lower = new double[n];
        double[] upper = new double[n];
        java.util.Arrays.fill(upper, 1);
        Fitness fitness = new Fitness(population);
        CMAESOptimizer optimizer = new CMAESOptimizer(100_000, 0, true, 0, 0, random, false, null);
        try {
            optimizer.optimize(
                    new MaxEval(Integer.MAX_VALUE),
                    new ObjectiveFunction(fitness::value),
                    GoalType.MAXIMIZE,
                    new InitialGuess(guess),
                    new SimpleBounds(lower, upper),
                    new CMAESOptimizer.Sigma(sigma),
                    new CMAESOptimizer.PopulationSize(population));
        } catch (Stop stop) {
            // The budget ended or the run converged.
        }
    }

    /** The score the optimiser sees for a proposal {@code u} in the unit box. */
    private final class Fitness {
        private final int population;
        private int callsSinceNew;

        Fitness(int population) {
            this.population = population;
        }

        double value(double[] u) {
            if (context.exhausted() || callsSinceNew >= STALE_GENERATIONS * population) {
                throw new Stop();
            }
            double[] x = new double[u.length];
            double distance = 0;
            for (int i = 0; i < u.length; i++) {
                double rounded = Math.rint(Math.min(1, Math.max(0, u[i])) / RESOLUTION) * RESOLUTION;
                x[i] = region.lower(i) + rounded * (region.upper(i) - region.lower(i));
            }
            double[] projected = Projection.onto(region, x);
            for (int i = 0; i < u.length; i++) {
                double range = region.upper(i) - region.lower(i);
                double gap = range > 0 ? (x[i] - projected[i]) / range : 0;
                distance += gap * gap;
            }
            Setting setting = Setting.of(projected);
            boolean known = context.known(setting);
            double score = context.evaluate(List.of(setting))[0];
            callsSinceNew = known ? callsSinceNew + 1 : 0;
            if (Double.isNaN(score)) {
                throw new Stop();
            }
            if (score == Double.NEGATIVE_INFINITY) {
                return -Double.MAX_VALUE / 4;
            }
            return score - (1 + Math.abs(score)) * Math.sqrt(distance);
        }
    }

    private double[] unit(double[] x) {
        double[] u = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double range = region.upper(i) - region.lower(i);
            u[i] = range > 0 ? (x[i] - region.lower(i)) / range : 0;
        }
        return u;
    }

    /** Ends an optimiser run from inside its objective function. */
    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super(null, null, false, false);
        }
    }
}
