package io.linetwin.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.model.BufferSpec;
import io.linetwin.model.FailureBasis;
import io.linetwin.model.LineSpec;
import io.linetwin.model.OnFull;
import io.linetwin.model.StationSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The engine against queueing results known exactly. Each KPI must lie inside the 95 % Student-t interval of
 * the replications, and that interval must be narrower than 1 % of the mean, so a pass is informative. Seeds
 * are fixed: the tests never flake.
 */
final class AnalyticValidationTest {

    private static final long SEED = 20_260_101L;
    private static final int REPLICATIONS = 20;
    private static final int MM1_REPLICATIONS = 30;

    @Test
    void anMm1QueueHasLeadTimeFiveSecondsAndWipFour() {
        List<ReplicationResult> runs = Runs.replicate(Lines.mm1(1.25, 1.0), 2_000, 400_000, SEED, MM1_REPLICATIONS);

        Confidence leadTime = Confidence.of(runs, ReplicationResult::leadTimeSeconds);
        Confidence wip = Confidence.of(runs, ReplicationResult::wip);
        Confidence throughput = Confidence.of(runs, ReplicationResult::throughputPerHour);

        assertInsideNarrowInterval(leadTime, 5.0);
        assertInsideNarrowInterval(wip, 4.0);
        assertInsideNarrowInterval(throughput, 0.8 * 3600);
    }

    @Test
    void aSourcesSpeedDividesItsInterarrivalTimes() {
        // Arrivals every 2 s on average at speed 1.6 are every 1.25 s: the M/M/1 above, lead time 5 s, WIP 4.
        LineSpec slow = Lines.mm1(2.0, 1.0);
        StationSpec source = slow.station("in").orElseThrow();
        LineSpec line = slow.withStation(
                source.withParameters(java.util.Map.of(StationSpec.SPEED, io.linetwin.model.ParameterSpec.of(1.6))));
        List<ReplicationResult> runs = Runs.replicate(line, 2_000, 400_000, SEED, MM1_REPLICATIONS);

        assertInsideNarrowInterval(Confidence.of(runs, ReplicationResult::leadTimeSeconds), 5.0);
        assertInsideNarrowInterval(Confidence.of(runs, ReplicationResult::wip), 4.0);
        assertInsideNarrowInterval(Confidence.of(runs, ReplicationResult::throughputPerHour), 0.8 * 3600);
    }

    @Test
    void anMm2QueueMatchesErlangC() {
        // λ = 1.5, μ = 1, c = 2: P0 = 1/7, Lq = 13.5/7, L = Lq + 1.5 = 24/7, W = L/λ = 16/7.
        LineSpec line = Lines.chain(
                List.of(
                        StationSpec.source("in", Optional.of(Lines.exponential(1 / 1.5)), OnFull.BLOCK),
                        StationSpec.machine("m", Lines.exponential(1.0)).withServers(2),
                        StationSpec.sink("out")),
                BufferSpec.UNLIMITED,
                BufferSpec.UNLIMITED);
        List<ReplicationResult> runs = Runs.replicate(line, 2_000, 200_000, SEED, REPLICATIONS);

        assertInsideNarrowInterval(Confidence.of(runs, ReplicationResult::wip), 24.0 / 7);
        assertInsideNarrowInterval(Confidence.of(runs, ReplicationResult::leadTimeSeconds), 16.0 / 7);
        assertInsideNarrowInterval(
                Confidence.of(runs, r -> r.station("m").orElseThrow().utilization()), 0.75);
    }

    @Test
    void aJacksonTandemLineHasTheSumOfItsStationLeadTimes() {
        double lambda = 0.5;
        double[] mu = {1.0, 0.8, 0.9};
        List<ReplicationResult> runs = Runs.replicate(
                Lines.jackson(1 / lambda, 1 / mu[0], 1 / mu[1], 1 / mu[2]), 2_000, 300_000, SEED, REPLICATIONS);

        double expectedLead = 0;
        for (double m : mu) {
            expectedLead += 1 / (m - lambda);
        }
        Confidence leadTime = Confidence.of(runs, ReplicationResult::leadTimeSeconds);
        Confidence wip = Confidence.of(runs, ReplicationResult::wip);
        Confidence secondUtilization =
                Confidence.of(runs, r -> r.station("m2").orElseThrow().utilization());

        assertInsideNarrowInterval(leadTime, expectedLead);
        assertInsideNarrowInterval(wip, lambda * expectedLead);
        assertInsideNarrowInterval(secondUtilization, lambda / mu[1]);
    }

    @Test
    void twoReliableMachinesWithABufferOfTenMakeTwelveThirteenthsPerSecond() {
        LineSpec line = Lines.twoMachines(
                StationSpec.machine("m1", Lines.exponential(1.0)),
                StationSpec.machine("m2", Lines.exponential(1.0)),
                10);
        List<ReplicationResult> runs = Runs.replicate(line, 1_000, 100_000, SEED, REPLICATIONS);

        // Blocking after service: parts in buffer and M2 plus a blocked M1 give states 0..12, uniform for
        // equal rates, so M2 is starved 1/13 of the time.
        Confidence throughput = Confidence.of(runs, r -> r.throughputPerHour() / 3600);

        assertInsideNarrowInterval(throughput, 12.0 / 13.0);
    }

    @Test
    void twoUnreliableMachinesMatchTheExactMarkovChain() {
        TwoMachineChain chain = new TwoMachineChain(1.0, 1 / 100.0, 1 / 10.0, 1.1, 1 / 80.0, 1 / 15.0, 5);
        LineSpec line = Lines.twoMachines(
                StationSpec.machine("m1", Lines.exponential(1 / chain.mu1()))
                        .withFailures(List.of(Lines.failure("jam", 100, 10, FailureBasis.OPERATING))),
                StationSpec.machine("m2", Lines.exponential(1 / chain.mu2()))
                        .withFailures(List.of(Lines.failure("jam", 80, 15, FailureBasis.OPERATING))),
                chain.bufferCapacity());
        List<ReplicationResult> runs = Runs.replicate(line, 5_000, 400_000, SEED, REPLICATIONS);

        Confidence throughput = Confidence.of(runs, r -> r.throughputPerHour() / 3600);

        assertInsideNarrowInterval(throughput, chain.throughput());
    }

    @Test
    void aMachineWithCalendarFailuresIsAvailableMtbfOverMtbfPlusMttr() {
        LineSpec line = Lines.chain(List.of(StationSpec.machine("m", Lines.exponential(1.0))
                .withFailures(List.of(Lines.failure("power", 100, 10, FailureBasis.UP_TIME)))));
        List<ReplicationResult> runs = Runs.replicate(line, 1_000, 400_000, SEED, REPLICATIONS);

        Confidence availability =
                Confidence.of(runs, r -> r.station("m").orElseThrow().availability());
        Confidence up = Confidence.of(
                runs, r -> 1 - r.station("m").orElseThrow().states().down());

        assertInsideNarrowInterval(availability, 100.0 / 110.0);
        assertInsideNarrowInterval(up, 100.0 / 110.0);
    }

    @Test
    void aMachineWithOperatingFailuresThatNeverWaitsIsAvailableMtbfOverMtbfPlusMttr() {
        LineSpec line = Lines.chain(List.of(StationSpec.machine("m", Lines.exponential(1.0))
                .withFailures(List.of(Lines.failure("wear", 50, 5, FailureBasis.OPERATING)))));
        List<ReplicationResult> runs = Runs.replicate(line, 1_000, 200_000, SEED, REPLICATIONS);

        Confidence availability =
                Confidence.of(runs, r -> r.station("m").orElseThrow().availability());

        assertInsideNarrowInterval(availability, 50.0 / 55.0);
    }

    @Test
    void twoCalendarModesEachPauseDuringTheOthersRepair() {
        // Both clocks count up time only, so failures arrive at 1/100 + 1/50 per up second and each costs its
        // own mean repair: availability = 1 / (1 + 10/100 + 5/50) = 5/6.
        LineSpec line = Lines.chain(List.of(StationSpec.machine("m", Lines.exponential(1.0))
                .withFailures(List.of(
                        Lines.failure("power", 100, 10, FailureBasis.UP_TIME),
                        Lines.failure("air", 50, 5, FailureBasis.UP_TIME)))));
        List<ReplicationResult> runs = Runs.replicate(line, 1_000, 300_000, SEED, REPLICATIONS);

        assertInsideNarrowInterval(
                Confidence.of(runs, r -> r.station("m").orElseThrow().availability()), 5.0 / 6);
    }

    private static void assertInsideNarrowInterval(Confidence estimate, double exact) {
        assertThat(estimate.relativeHalfWidth())
                .as("relative half-width of %s", estimate)
                .isLessThan(0.01);
        assertThat(estimate.covers(exact)).as("%s covers %s", estimate, exact).isTrue();
    }
}
