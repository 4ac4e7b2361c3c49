package io.linetwin.predict.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Kim–Nelson's selection on normal observations whose means are known. */
final class KimNelsonTest {

    /** Normal observations with the given means and standard deviation 1, drawn as asked. */
    private static KimNelson.Observations normal(double[] means, long seed) {
        RandomGenerator random = new MersenneTwister(seed);
        List<List<Double>> drawn = new ArrayList<>();
        for (int i = 0; i < means.length; i++) {
            drawn.add(new ArrayList<>());
        }
        return new KimNelson.Observations() {
            @Override
            public double[] of(int system, int count) {
                double[] values = new double[count];
                for (int r = 0; r < count; r++) {
                    values[r] = drawn.get(system).get(r);
                }
                return values;
            }

            @Override
            public void ensure(List<Integer> systems, int count) {
                for (int system : systems) {
                    while (drawn.get(system).size() < count) {
                        drawn.get(system).add(means[system] + random.nextGaussian());
                    }
                }
            }
        };
    }

    @Test
    void theBestIsSelectedWithTheStatedProbabilityWhenItLeadsByTheIndifferenceZone() {
        // Slippage configuration, the least favourable for KN: the best leads the other four by exactly delta.
        double delta = 0.5;
        double[] means = {0, 0, 0.5, 0, 0};
        int correct = 0;
        int trials = 400;
        for (int trial = 0; trial < trials; trial++) {
            KimNelson.Outcome outcome =
                    KimNelson.select(5, normal(means, 1000 + trial), delta, 0.95, 10, 100_000, () -> false);
            assertThat(outcome.completed()).isTrue();
            correct += outcome.winner() == 2 ? 1 : 0;
        }
        // PCS >= 0.95; 372 is the binomial(400, 0.95) 99.9 % lower band.
        assertThat(correct).isGreaterThanOrEqualTo(372);
    }

    @Test
    void identicalSystemsEndAtTheProceduresLastStageWithoutLooping() {
        KimNelson.Observations same = new KimNelson.Observations() {
            @Override
            public double[] of(int system, int count) {
                double[] values = new double[count];
                for (int r = 0; r < count; r++) {
                    values[r] = r % 3;
                }
                return values;
            }

            @Override
            public void ensure(List<Integer> systems, int count) {}
        };

        KimNelson.Outcome outcome = KimNelson.select(3, same, 0.1, 0.95, 10, 1_000_000, () -> false);

        // Zero variance of every difference: the last stage is the first, and ties go to the first system.
        assertThat(outcome.winner()).isZero();
        assertThat(outcome.completed()).isTrue();
        assertThat(outcome.observations()[0]).isEqualTo(10);
    }

    @Test
    void aSelectionCutShortStatesAnEstimateBelowTheGuarantee() {
        KimNelson.Outcome outcome =
                KimNelson.select(2, normal(new double[] {0, 0.01}, 3), 0.02, 0.95, 10, 12, () -> false);

        assertThat(outcome.completed()).isFalse();
        assertThat(outcome.pcs()).isBetween(0.0, 1.0);
        assertThat(outcome.observations()[outcome.winner()]).isEqualTo(12);
    }
}
