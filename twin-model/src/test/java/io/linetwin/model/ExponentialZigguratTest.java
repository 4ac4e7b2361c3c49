package io.linetwin.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

final class ExponentialZigguratTest {

    private static final int DRAWS = 200_000;

    @Test
    void drawsFollowTheStandardExponentialByKolmogorovSmirnov() {
        double[] draws = draws(new MersenneTwister(20260101L));

        double pValue = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new ExponentialDistribution(1.0), draws);

        // Fixed seed: this p-value is a constant of the generator, far from any rejection level.
        assertThat(pValue).isGreaterThan(0.01);
    }

    @Test
    void momentsMatchMeanOneVarianceOneAndTheTailIsReached() {
        double[] draws = draws(new MersenneTwister(7L));
        double sum = 0;
        double squares = 0;
        long beyondTheBaseLayer = 0;
        for (double x : draws) {
            sum += x;
            squares += x * x;
            if (x > 7.697117470131487) {
                beyondTheBaseLayer++;
            }
        }
        double mean = sum / DRAWS;
        double variance = squares / DRAWS - mean * mean;

        // Standard errors: mean 1/sqrt(n) = 0.0022, variance sqrt(8/n) = 0.0063; bands of about 4.5 of them.
        assertThat(mean).isBetween(0.99, 1.01);
        assertThat(variance).isBetween(0.97, 1.03);
        // P(X > 7.697) = 4.5e-4: about 91 of 200,000 draws come from the tail branch.
        assertThat(beyondTheBaseLayer).isBetween(50L, 140L);
    }

    @Test
    void theSameSeedGivesTheSameDraws() {
        assertThat(draws(new MersenneTwister(3L))).isEqualTo(draws(new MersenneTwister(3L)));
    }

    private static double[] draws(RandomGenerator random) {
        double[] draws = new double[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            draws[i] = ExponentialZiggurat.sample(random);
        }
        return draws;
    }
}
