package io.linetwin.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.linetwin.model.LineSpec;
import io.linetwin.model.LineState;
import io.linetwin.model.OnFull;
import io.linetwin.model.ProductSpec;
import io.linetwin.model.StationSpec;
import io.linetwin.model.StationState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class SetupAndScrapTest {

    private static final long SEED = 99L;

    /** m1 scraps 20 % of its 1 s parts; m2 takes the good ones in 0.5 s without a buffer between. */
    private static LineSpec scrapLine() {
        return Lines.chain(
                List.of(
                        StationSpec.machine("m1", Lines.constant(1.0)).withScrap(0.2),
                        StationSpec.machine("m2", Lines.constant(0.5))),
                0);
    }

    @Test
    void aSetupFollowsEveryProductChange() {
        // Two products drawn 50/50 independently: half the parts differ from their predecessor, each costing
        // a 1 s setup next to 1 s of processing, so setup takes 0.5 / 1.5 of the time.
        StationSpec machine = StationSpec.machine("m", Lines.constant(1.0)).withSetup(Optional.of(Lines.constant(1.0)));
        LineSpec line = LineSpec.builder("setup")
                .products(List.of(new ProductSpec("a", 1), new ProductSpec("b", 1)))
                .stations(machine)
                .build();
        List<ReplicationResult> runs = Runs.replicate(line, 100, 100_000, SEED, 10);

        Confidence setup =
                Confidence.of(runs, r -> r.station("m").orElseThrow().states().setup());
        Confidence availability =
                Confidence.of(runs, r -> r.station("m").orElseThrow().availability());

        assertThat(setup.covers(1.0 / 3)).as("%s covers 1/3", setup).isTrue();
        assertThat(setup.relativeHalfWidth()).isLessThan(0.01);
        assertThat(availability.covers(2.0 / 3))
                .as("%s covers 2/3", availability)
                .isTrue();
    }

    @Test
    void scrappedPartsLeaveAtOnceAndCountAgainstQuality() {
        // m1 scraps 20 %; its scrapped parts never need room downstream, and m2 only sees the good ones.
        LineSpec line = scrapLine();
        List<ReplicationResult> runs = Runs.replicate(line, 100, 100_000, SEED, 10);

        Confidence quality =
                Confidence.of(runs, r -> r.station("m1").orElseThrow().quality());
        Confidence throughput = Confidence.of(runs, r -> r.throughputPerHour() / 3600);

        assertThat(quality.covers(0.8)).as("%s covers 0.8", quality).isTrue();
        assertThat(throughput.covers(0.8)).as("%s covers 0.8", throughput).isTrue();
        assertThat(runs).allSatisfy(r -> {
            StationResult first = r.station("m1").orElseThrow();
            assertThat(first.states().blocked()).isZero();
            // Never down, never blocked, never starved: OEE is quality, up to one part at the closed window's ends.
            assertThat(first.oee()).isCloseTo(first.quality(), within(1e-4));
            assertThat(r.totals().released())
                    .isEqualTo(r.totals().goodOut()
                            + r.totals().scrapped()
                            + r.totals().wipAtEnd());
        });
    }

    @Test
    void aWarmStartCountsGoodAndScrapOnFromTheStatesCounters() {
        LineSpec line = scrapLine();
        LineSimulation simulation = new LineSimulation(line).checkingInvariants();
        LineState at = simulation.snapshot(1_000.5, SEED, 0, Instant.EPOCH);
        StationState m1 = at.stations().get("m1");
        assertThat(m1.scrap()).isPositive();

        LineState again = simulation.snapshot(at, 0, SEED, 1, Instant.EPOCH);
        LineState later = simulation.snapshot(at, 500, SEED, 1, Instant.EPOCH);
        ReplicationResult window = simulation.run(at, 0, 500, SEED, 1);

        assertThat(again.stations().get("m1").good()).isEqualTo(m1.good());
        assertThat(again.stations().get("m1").scrap()).isEqualTo(m1.scrap());
        // The later state counts on from the state's counters; the run's own results count its window only.
        StationResult made = window.station("m1").orElseThrow();
        assertThat(later.stations().get("m1").good()).isEqualTo(m1.good() + made.good());
        assertThat(later.stations().get("m1").scrap()).isEqualTo(m1.scrap() + made.scrap());
        assertThat(made.good() + made.scrap()).isBetween(499L, 501L);
    }

    @Test
    void aSourceThatDropsCountsLostArrivalsAndNeverReleasesThem() {
        // Arrivals every 1 s on average into a direct hand-over to a 2 s machine: most arrivals are lost.
        LineSpec line = Lines.chain(
                List.of(
                        StationSpec.source("in", Optional.of(Lines.exponential(1.0)), OnFull.DROP),
                        StationSpec.machine("m", Lines.constant(2.0))),
                0);

        ReplicationResult result = new LineSimulation(line).checkingInvariants().run(0, 10_000, SEED, 0);

        LineTotals totals = result.totals();
        assertThat(totals.lostArrivals()).isPositive();
        assertThat(totals.released()).isEqualTo(totals.goodOut() + totals.wipAtEnd());
        assertThat(result.station("m").orElseThrow().states().working()).isGreaterThan(0.5);
    }
}
