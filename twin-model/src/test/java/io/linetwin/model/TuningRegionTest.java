package io.linetwin.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

final class TuningRegionTest {

    private static TuningSpec spec(List<TuningVariable> variables, List<TuningConstraint> constraints) {
        return new TuningSpec(TuningObjective.maximise("throughputPerHour"), variables, constraints);
    }

    @Test
    void repairFindsALatticePointMeetingAnEqualityAndAnInequality() {
        TuningRegion region = spec(
                        List.of(
                                TuningVariable.integer("a", 0, 10),
                                TuningVariable.integer("b", 0, 10),
                                TuningVariable.integer("c", 0, 10)),
                        List.of(
                                TuningConstraint.equalTo(List.of("a", "b", "c"), 12),
                                TuningConstraint.atMost(List.of("a", "b"), 5)))
                .region();

        double[] point = region.repair(new double[] {10, 10, 10}).orElseThrow();

        assertThat(point[0] + point[1] + point[2]).isEqualTo(12);
        assertThat(point[0] + point[1]).isLessThanOrEqualTo(5);
        assertThat(region.contains(point)).isTrue();
        for (double v : point) {
            assertThat(v).isEqualTo(Math.rint(v)).isBetween(0.0, 10.0);
        }
    }

    @Test
    void repairReportsConstraintsThatContradictEachOther() {
        TuningRegion region = spec(
                        List.of(TuningVariable.integer("a", 0, 10), TuningVariable.integer("b", 0, 10)),
                        List.of(
                                TuningConstraint.atLeast(List.of("a", "b"), 15),
                                TuningConstraint.atMost(List.of("a"), 3)))
                .region();

        assertThat(region.repair(new double[] {0, 0})).isEmpty();
    }

    @Test
    void aContinuousRegionIsRepairedOffAnyGrid() {
        TuningRegion region = spec(
                        List.of(TuningVariable.continuous("x", 0, 1), TuningVariable.continuous("y", 0, 1)),
                        List.of(TuningConstraint.equalTo(List.of("x", "y"), 1.2345)))
                .region();

        double[] point = region.repair(new double[] {0.1, 0.1}).orElseThrow();

        assertThat(region.isLattice()).isFalse();
        assertThat(point[0] + point[1]).isCloseTo(1.2345, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void directionsKeepAnEqualityAndIntervalsStayInside() {
        TuningRegion region = spec(
                        List.of(
                                TuningVariable.integer("a", 0, 10),
                                TuningVariable.integer("b", 0, 10),
                                TuningVariable.integer("c", 2, 4)),
                        List.of(
                                TuningConstraint.equalTo(List.of("a", "b"), 10),
                                TuningConstraint.atMost(List.of("a", "c"), 9)))
                .region();
        double[] x = {5, 5, 3};

        List<double[]> directions = region.directions();

        // c alone, and a traded for b; a or b alone would break the equality.
        assertThat(directions).hasSize(2);
        for (double[] d : directions) {
            double[] t = region.interval(x, d, List.of());
            for (double step = t[0]; step <= t[1]; step++) {
                assertThat(region.contains(TuningRegion.plus(x, step, d)))
                        .as("step %s", step)
                        .isTrue();
            }
            assertThat(region.contains(TuningRegion.plus(x, t[0] - 1, d))).isFalse();
            assertThat(region.contains(TuningRegion.plus(x, t[1] + 1, d))).isFalse();
        }
    }

    @Test
    void variablesSharingAReachedLimitCanTradeOneForTheOther() {
        TuningRegion region = spec(
                        List.of(TuningVariable.integer("a", 0, 10), TuningVariable.integer("b", 0, 10)),
                        List.of(TuningConstraint.atMost(List.of("a", "b"), 12)))
                .region();
        double[] atLimit = {9, 3};

        List<double[]> directions = region.directions();

        assertThat(directions).hasSize(3);
        double[] trade = directions.get(2);
        assertThat(trade).containsExactly(1, -1);
        // Neither a nor b alone can grow at the limit; a trade moves along it.
        assertThat(region.interval(atLimit, directions.get(0), List.of())[1]).isZero();
        assertThat(region.interval(atLimit, trade, List.of())).containsExactly(-7, 1);
    }

    @Test
    void aContinuousVariableAmongIntegersMovesOnAHundredStepGrid() {
        TuningRegion region = spec(
                        List.of(TuningVariable.integer("a", 0, 10), TuningVariable.continuous("s", 0.8, 1.2)),
                        List.of())
                .region();

        assertThat(region.step(0)).isEqualTo(1);
        assertThat(region.step(1)).isCloseTo(0.004, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(region.contains(new double[] {3, 1.0})).isTrue();
        assertThat(region.contains(new double[] {3, 1.001})).isFalse();
        assertThat(region.snap(new double[] {3.4, 1.001})).containsExactly(3, 1.0);
    }
}
