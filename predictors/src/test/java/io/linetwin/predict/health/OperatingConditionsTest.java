package io.linetwin.predict.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class OperatingConditionsTest {

    /** The six C-MAPSS regimes: altitude (kft), Mach, throttle resolver angle. */
    private static final double[][] REGIMES = {
        {0, 0, 100}, {10, 0.25, 100}, {20, 0.7, 100}, {25, 0.62, 60}, {35, 0.84, 100}, {42, 0.84, 100}
    };

    @Test
    void recoversSixConditionsFromNoisySettings() {
        List<double[]> rows = new ArrayList<>();
        List<Integer> truth = new ArrayList<>();
        sample(rows, truth, new Random(7));

        OperatingConditions conditions = OperatingConditions.fit(rows, 6);

        assertThat(conditions.count()).isEqualTo(6);
        Map<Integer, Set<Integer>> clustersPerRegime = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            clustersPerRegime
                    .computeIfAbsent(truth.get(i), k -> new HashSet<>())
                    .add(conditions.assign(rows.get(i)));
        }
        assertThat(clustersPerRegime).hasSize(6);
        assertThat(clustersPerRegime.values())
                .allSatisfy(clusters -> assertThat(clusters).hasSize(1));
        assertThat(clustersPerRegime.values().stream().flatMap(Set::stream).distinct())
                .hasSize(6);
    }

    @Test
    void numbersConditionsIndependentlyOfRowOrder() {
        List<double[]> rows = new ArrayList<>();
        sample(rows, new ArrayList<>(), new Random(11));
        List<double[]> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new Random(3));

        OperatingConditions a = OperatingConditions.fit(rows, 6);
        OperatingConditions b = OperatingConditions.fit(shuffled, 6);

        for (double[] regime : REGIMES) {
            assertThat(a.assign(regime)).isEqualTo(b.assign(regime));
        }
        assertThat(a.assign(REGIMES[0])).isZero();
        assertThat(a.assign(REGIMES[5])).isEqualTo(5);
    }

    @Test
    void aSingleConditionPutsEveryRowInConditionZero() {
        OperatingConditions single =
                OperatingConditions.fit(List.of(new double[] {1, 2, 3}, new double[] {9, 9, 9}), 1);

        assertThat(single.assign(new double[] {42, 0.84, 100})).isZero();
    }

    private static void sample(List<double[]> rows, List<Integer> truth, Random random) {
        for (int i = 0; i < 3000; i++) {
            int regime = random.nextInt(REGIMES.length);
            double[] base = REGIMES[regime];
            rows.add(new double[] {
                base[0] + random.nextGaussian() * 0.003, base[1] + random.nextGaussian() * 0.0003, base[2]
            });
            truth.add(regime);
        }
    }
}
