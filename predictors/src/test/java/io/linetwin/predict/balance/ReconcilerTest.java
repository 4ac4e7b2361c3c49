package io.linetwin.predict.balance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

final class ReconcilerTest {

    private static final double NAN = Double.NaN;

    @Test
    void twoMeasurementsOfOneFlowReconcileToTheirWeightedMean() {
        FlowNetwork chain = Networks.chain();
        Reconciliation r =
                Reconciler.reconcile(Networks.measure(chain, new double[] {100, NAN, 106}, new double[] {2, NAN, 1}));
        double mean = (100 / 4.0 + 106 / 1.0) / (1 / 4.0 + 1);
        assertThat(r.estimate(0)).isCloseTo(mean, within(1e-12));
        assertThat(r.estimate(2)).isCloseTo(mean, within(1e-12));
        assertThat(r.estimate(1)).isCloseTo(mean, within(1e-12));
        double sd = Math.sqrt(1 / (1 / 4.0 + 1));
        assertThat(r.sd(0)).isCloseTo(sd, within(1e-12));
        assertThat(r.sd(1)).isCloseTo(sd, within(1e-12));
        assertThat(r.globalStatistic()).isCloseTo(36 / 5.0, within(1e-12));
        assertThat(r.degreesOfFreedom()).isEqualTo(1);
        assertThat(r.standardised(0)).isCloseTo(-6 / Math.sqrt(5), within(1e-12));
        assertThat(r.standardised(2)).isCloseTo(6 / Math.sqrt(5), within(1e-12));
        assertThat(r.redundancy(0)).isCloseTo(4 / 5.0, within(1e-12));
        assertThat(r.redundancy(2)).isCloseTo(1 / 5.0, within(1e-12));
        assertThat(r.streamClass(1)).isEqualTo(StreamClass.OBSERVABLE);
        assertThat(r.indistinguishableFrom(0)).containsExactly(2);
    }

    @Test
    void aSplitterWithTwoOfThreeMeasuredHasNoRedundancy() {
        Reconciliation r = Reconciler.reconcile(
                Networks.measure(Networks.splitter(), new double[] {100, 60, NAN}, new double[] {1, 1, NAN}));
        assertThat(r.streamClass(0)).isEqualTo(StreamClass.JUST_MEASURED);
        assertThat(r.streamClass(1)).isEqualTo(StreamClass.JUST_MEASURED);
        assertThat(r.streamClass(2)).isEqualTo(StreamClass.OBSERVABLE);
        assertThat(r.estimate(2)).isEqualTo(40);
        assertThat(r.sd(2)).isCloseTo(Math.sqrt(2), within(1e-12));
        assertThat(r.adjustment(0)).isZero();
        assertThat(r.degreesOfFreedom()).isZero();
    }

    @Test
    void aSplitterWithOneMeasuredLeavesTheOthersUnobservable() {
        Reconciliation r = Reconciler.reconcile(
                Networks.measure(Networks.splitter(), new double[] {100, NAN, NAN}, new double[] {1, NAN, NAN}));
        assertThat(r.streamClass(0)).isEqualTo(StreamClass.JUST_MEASURED);
        assertThat(r.streamClass(1)).isEqualTo(StreamClass.UNOBSERVABLE);
        assertThat(r.streamClass(2)).isEqualTo(StreamClass.UNOBSERVABLE);
        assertThat(r.estimate(1)).isNaN();
        assertThat(r.sd(2)).isNaN();
    }

    @Test
    void aRecycleLoopIsUnobservableFromFeedAndProductWhichAreRedundant() {
        Reconciliation r = Reconciler.reconcile(
                Networks.measure(Networks.recycle(), new double[] {100, NAN, 98, NAN}, new double[] {1, NAN, 1, NAN}));
        assertThat(r.streamClass(0)).isEqualTo(StreamClass.REDUNDANT);
        assertThat(r.streamClass(2)).isEqualTo(StreamClass.REDUNDANT);
        assertThat(r.streamClass(1)).isEqualTo(StreamClass.UNOBSERVABLE);
        assertThat(r.streamClass(3)).isEqualTo(StreamClass.UNOBSERVABLE);
        assertThat(r.estimate(0)).isCloseTo(99, within(1e-12));
        assertThat(r.estimate(2)).isCloseTo(99, within(1e-12));
    }

    @Test
    void parallelUnitsMakeTheirOwnBranchJustMeasuredAndTheEndsRedundant() {
        Reconciliation r = Reconciler.reconcile(Networks.measure(
                Networks.parallel(), new double[] {100, 30, NAN, NAN, NAN, 104}, new double[] {2, 1, NAN, NAN, NAN, 2
                }));
        assertThat(r.streamClass(0)).isEqualTo(StreamClass.REDUNDANT);
        assertThat(r.streamClass(5)).isEqualTo(StreamClass.REDUNDANT);
        assertThat(r.streamClass(1)).isEqualTo(StreamClass.JUST_MEASURED);
        assertThat(r.estimate(0)).isCloseTo(102, within(1e-12));
        assertThat(r.estimate(2)).isCloseTo(72, within(1e-12));
        assertThat(r.estimate(3)).isCloseTo(30, within(1e-12));
        assertThat(r.estimate(4)).isCloseTo(72, within(1e-12));
        assertThat(r.sd(3)).isCloseTo(1, within(1e-12));
        assertThat(r.sd(4)).isCloseTo(Math.sqrt(2 + 1), within(1e-12));
    }

    @Test
    void anExactMeasurementMovesTheOthersAndStaysPut() {
        Reconciliation r = Reconciler.reconcile(
                Networks.measure(Networks.chain(), new double[] {100, NAN, 103}, new double[] {0, NAN, 2}));
        assertThat(r.streamClass(0)).isEqualTo(StreamClass.EXACT);
        assertThat(r.estimate(0)).isEqualTo(100);
        assertThat(r.estimate(2)).isCloseTo(100, within(1e-12));
        assertThat(r.sd(2)).isCloseTo(0, within(1e-9));
        assertThat(r.standardised(2)).isCloseTo(1.5, within(1e-12));
        assertThat(r.degreesOfFreedom()).isEqualTo(1);
    }

    @Test
    void exactMeasurementsThatContradictTheLawsAreRefused() {
        assertThatThrownBy(() -> Reconciler.reconcile(
                        Networks.measure(Networks.chain(), new double[] {100, NAN, 90}, new double[] {0, NAN, 0})))
                .isInstanceOf(BalanceInputException.class)
                .hasMessageContaining("sd 0 contradict");
        assertThatThrownBy(() -> Reconciler.reconcile(Networks.measure(
                        Networks.of(2, new double[] {1, -1}, new double[] {2, -2}),
                        new double[] {100, 90},
                        new double[] {0, 0})))
                .isInstanceOf(BalanceInputException.class);
    }

    @Test
    void constraintsListedTwiceCountOnce() {
        FlowNetwork twice = Networks.of(
                3,
                new double[] {1, -1, 0},
                new double[] {0, 1, -1},
                new double[] {1, -1, 0},
                new double[] {1, 0, -1},
                new double[] {2, -2, 0});
        Reconciliation r =
                Reconciler.reconcile(Networks.measure(twice, new double[] {100, 104, 106}, new double[] {2, 2, 1}));
        Reconciliation once = Reconciler.reconcile(
                Networks.measure(Networks.chain(), new double[] {100, 104, 106}, new double[] {2, 2, 1}));
        assertThat(r.degreesOfFreedom()).isEqualTo(2);
        for (int v = 0; v < 3; v++) {
            assertThat(r.estimate(v)).isCloseTo(once.estimate(v), within(1e-9));
            assertThat(r.sd(v)).isCloseTo(once.sd(v), within(1e-9));
        }
        assertThat(r.globalStatistic()).isCloseTo(once.globalStatistic(), within(1e-9));
    }

    /** The sparse elimination and envelope factor give the dense textbook answer on random networks. */
    @Test
    void matchesTheDenseProjectionOnRandomNetworks() {
        Random random = new Random(20261201);
        int compared = 0;
        for (int trial = 0; trial < 200; trial++) {
            FlowNetwork network = Networks.random(random, 3 + random.nextInt(12), random.nextInt(10));
            int n = network.size();
            double[] values = new double[n];
            double[] sds = new double[n];
            double[] truth = new double[n];
            for (int v = 0; v < n; v++) {
                truth[v] = 50 + random.nextInt(200);
            }
            for (int v = 0; v < n; v++) {
                int kind = random.nextInt(10);
                if (kind < 3) {
                    values[v] = NAN;
                    sds[v] = NAN;
                } else {
                    sds[v] = kind == 3 && random.nextInt(4) == 0 ? 0 : 0.5 + random.nextDouble() * 3;
                    values[v] = truth[v] + random.nextGaussian() * sds[v];
                }
            }
            MeasurementSet measurements = Networks.measure(network, values, sds);
            Reconciliation r;
            try {
                r = Reconciler.reconcile(measurements);
            } catch (BalanceInputException contradictoryExactValues) {
                continue;
            }
            DenseOracle oracle = new DenseOracle(measurements);
            compared++;
            assertThat(r.degreesOfFreedom()).as("trial " + trial).isEqualTo(oracle.degreesOfFreedom);
            assertThat(r.globalStatistic())
                    .as("trial " + trial)
                    .isCloseTo(oracle.statistic, within(1e-7 * (1 + oracle.statistic)));
            for (int v = 0; v < n; v++) {
                boolean observable = r.streamClass(v) != StreamClass.UNOBSERVABLE;
                assertThat(observable).as("trial " + trial + " stream " + v).isEqualTo(oracle.observable[v]);
                if (observable) {
                    assertThat(r.estimate(v))
                            .as("trial " + trial + " stream " + v)
                            .isCloseTo(oracle.estimate[v], within(1e-7 * (1 + Math.abs(oracle.estimate[v]))));
                    assertThat(r.sd(v) * r.sd(v))
                            .as("variance, trial " + trial + " stream " + v)
                            .isCloseTo(oracle.variance[v], within(1e-7 * (1 + oracle.variance[v])));
                }
                if (measurements.measured(v)) {
                    assertThat(oracle.variance[v]).isLessThanOrEqualTo(sds[v] * sds[v] * (1 + 1e-9) + 1e-12);
                }
            }
            assertThat(r.maxConstraintResidual()).as("trial " + trial).isLessThan(1e-9);
        }
        assertThat(compared).isGreaterThan(150);
    }
}
