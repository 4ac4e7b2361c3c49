package io.linetwin.predict.balance;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.model.LineSpec;
import io.linetwin.sim.LineSimulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reconciliation of simulated plant counters: the true flows of a two-day bottling-line run (the engine's part
 * balance) plus Gaussian noise of known sd, every total stream measured (counters, stocks, material tallies) at
 * 1 % of its size (at least 0.01 part). Seeds are fixed, so the rates below are the same on every run.
 */
final class BalanceStatisticsTest {

    private static final int TRIALS = 500;
    private static final double ALPHA = 0.05;

    private static FlowNetwork network;
    private static double[] truth;
    private static List<Integer> measured;

    @BeforeAll
    static void run() throws Exception {
        LineSpec line = FlowNetworkTest.library("bottling-line");
        network = FlowNetwork.of(line);
        truth = BalanceTruth.of(network, new LineSimulation(line).run(0, 2 * 86_400, 42, 0));
        measured = new ArrayList<>();
        for (int v = 0; v < network.size(); v++) {
            if (network.stream(v).total()) {
                measured.add(v);
            }
        }
    }

    private static double sd(int v) {
        return 0.01 * Math.max(Math.abs(truth[v]), 1);
    }

    private static MeasurementSet noisy(Random random, int planted, double plantedSds) {
        List<Measurement> list = new ArrayList<>();
        for (int v : measured) {
            double value = truth[v] + random.nextGaussian() * sd(v) + (v == planted ? plantedSds * sd(v) : 0);
            list.add(new Measurement(network.stream(v).id(), value, sd(v)));
        }
        return MeasurementSet.of(network, list);
    }

    @Test
    void reconciledFlowsAreCloserToTheTruthThanTheMeasurementsAndTheirSdsAreCalibrated() {
        Random random = new Random(14);
        int n = network.size();
        double[] rawSquared = new double[n];
        double[] reconciledSquared = new double[n];
        double[] standardisedSquared = new double[n];
        int[] estimated = new int[n];
        double worstResidual = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            MeasurementSet measurements = noisy(random, -1, 0);
            Reconciliation r = Reconciler.reconcile(measurements);
            worstResidual = Math.max(worstResidual, r.maxConstraintResidual());
            for (int v = 0; v < n; v++) {
                if (measurements.measured(v)) {
                    rawSquared[v] += Math.pow(measurements.value(v) - truth[v], 2);
                    reconciledSquared[v] += Math.pow(r.estimate(v) - truth[v], 2);
                    assertThat(r.sd(v)).isLessThanOrEqualTo(measurements.sd(v));
                }
                if (r.streamClass(v) != StreamClass.UNOBSERVABLE && r.sd(v) > 0) {
                    standardisedSquared[v] += Math.pow((r.estimate(v) - truth[v]) / r.sd(v), 2);
                    estimated[v]++;
                }
            }
        }
        double ratioSum = 0;
        int redundant = 0;
        double rawTotal = 0;
        double reconciledTotal = 0;
        Reconciliation classes = Reconciler.reconcile(noisy(new Random(0), -1, 0));
        for (int v : measured) {
            rawTotal += rawSquared[v] / (sd(v) * sd(v));
            reconciledTotal += reconciledSquared[v] / (sd(v) * sd(v));
            if (classes.streamClass(v) == StreamClass.REDUNDANT && classes.redundancy(v) > 0.1) {
                assertThat(reconciledSquared[v]).as(network.stream(v).id()).isLessThan(rawSquared[v]);
                ratioSum += Math.sqrt(reconciledSquared[v] / rawSquared[v]);
                redundant++;
            }
        }
        double ratio = Math.sqrt(reconciledTotal / rawTotal);
        System.out.printf(
                "balance statistics: %d trials, %d measured streams (%d with redundancy > 0.1), dof %d;"
                        + " RMS error reconciled / raw: %.3f over all measured (in sd units), %.3f mean over the redundant"
                        + " ones; worst constraint residual %.2e%n",
                TRIALS,
                measured.size(),
                redundant,
                classes.degreesOfFreedom(),
                ratio,
                ratioSum / redundant,
                worstResidual);
        assertThat(ratio).isLessThan(0.85);
        assertThat(worstResidual).isLessThan(1e-9);
        for (int v = 0; v < n; v++) {
            if (estimated[v] == TRIALS) {
                // E[z^2] = 1 when the sds are right: chi-square(500) / 500 lies in [0.75, 1.28] with 99.99 %.
                assertThat(standardisedSquared[v] / TRIALS)
                        .as("calibration of " + network.stream(v).id())
                        .isBetween(0.75, 1.28);
            }
        }
    }

    @Test
    void aFiveSdGrossErrorOnARedundantCounterIsNamedAndTheGlobalTestRarelyFalseAlarms() {
        int planted = network.indexOf("filler.out").orElseThrow();
        Reconciliation clean = Reconciler.reconcile(noisy(new Random(0), -1, 0));
        assertThat(clean.streamClass(planted)).isEqualTo(StreamClass.REDUNDANT);
        Random random = new Random(1414);
        int named = 0;
        int namedFirst = 0;
        int globalDetected = 0;
        double biasSum = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            BalanceReport report = BalanceAnalysis.run(noisy(random, planted, 5), ALPHA);
            if (report.initialTest().rejects()) {
                globalDetected++;
            }
            if (report.suspected("filler.out")) {
                named++;
                biasSum += report.suspects().stream()
                        .filter(s -> s.stream().equals("filler.out"))
                        .findFirst()
                        .orElseThrow()
                        .bias();
            }
            if (!report.suspects().isEmpty()
                    && report.suspects().get(0).stream().equals("filler.out")) {
                namedFirst++;
            }
        }
        int falseAlarms = 0;
        int falselyNamed = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            BalanceReport report = BalanceAnalysis.run(noisy(random, -1, 0), ALPHA);
            if (report.initialTest().rejects()) {
                falseAlarms++;
            }
            if (!report.suspects().isEmpty()) {
                falselyNamed++;
            }
        }
        System.out.printf(
                "balance gross errors: +5 sd on filler.out (redundancy %.3f), alpha %.2f, %d trials each:"
                        + " named %.1f %% (first suspect %.1f %%), global test rejected %.1f %%, mean estimated bias %.2f sd;"
                        + " without gross error: global test false alarms %.1f %%, some stream named %.1f %%%n",
                clean.redundancy(planted),
                ALPHA,
                TRIALS,
                100.0 * named / TRIALS,
                100.0 * namedFirst / TRIALS,
                100.0 * globalDetected / TRIALS,
                biasSum / named / sd(planted),
                100.0 * falseAlarms / TRIALS,
                100.0 * falselyNamed / TRIALS);
        assertThat(named).isGreaterThanOrEqualTo(TRIALS * 90 / 100);
        assertThat(falseAlarms).isLessThanOrEqualTo(TRIALS * 6 / 100);
    }
}
