package io.linetwin.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.linetwin.model.BufferSpec;
import io.linetwin.model.ConveyorSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.OnFull;
import io.linetwin.model.RouteSpec;
import io.linetwin.model.StationSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The shapes the engine runs ({@code RunRules}): what it refuses, and the two it runs on purpose since this
 * release: zero-time stations (pure routing gates) and unlimited supply into a conveyor.
 */
final class TopologyTest {

    private static final StationSpec UNLIMITED_SOURCE = StationSpec.source("in", Optional.empty(), OnFull.BLOCK);

    @Test
    void anUnlimitedSourceMayNotFillAnUnlimitedBuffer() {
        LineSpec line = Lines.chain(
                List.of(UNLIMITED_SOURCE, StationSpec.machine("m", Lines.constant(1))), BufferSpec.UNLIMITED);

        assertThatThrownBy(() -> new LineSimulation(line))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("in supply: unlimited supply feeds unlimited buffer 'b-in-m': parts would "
                        + "pile up without end at one instant");
    }

    @Test
    void anUnlimitedSourceMayNotFeedASinkDirectly() {
        LineSpec line = Lines.chain(List.of(UNLIMITED_SOURCE, StationSpec.sink("out")), 3);

        assertThatThrownBy(() -> new LineSimulation(line))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("in supply: unlimited supply reaches sink 'out' through 'b-in-out' with "
                        + "nothing that takes time on the way");
    }

    @Test
    void anUnlimitedSourceMayNotReachASinkThroughZeroTimeStations() {
        LineSpec line = Lines.chain(
                List.of(UNLIMITED_SOURCE, StationSpec.machine("gate", Lines.constant(0)), StationSpec.sink("out")),
                3,
                3);

        assertThatThrownBy(() -> new LineSimulation(line))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("in supply: unlimited supply reaches sink 'out' through 'b-gate-out'");
    }

    @Test
    void aStationWithTwoOutboundBuffersNeedsRoutes() {
        assertThatThrownBy(() -> LineSpec.builder("fork")
                        .stations(
                                StationSpec.machine("a", Lines.constant(1)),
                                StationSpec.machine("b", Lines.constant(1)),
                                StationSpec.machine("c", Lines.constant(1)))
                        .buffers(Lines.buffer("a", "b", 1), Lines.buffer("a", "c", 1))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("station a routes must go to each of its outbound buffers [b-a-b, b-a-c] (at least two),"
                        + " got []");
    }

    @Test
    void aBatchStationWithTwoOutboundBuffersIsToldItUnloadsIntoOneNotThatItNeedsRoutes() {
        assertThatThrownBy(() -> LineSpec.builder("fork")
                        .stations(
                                StationSpec.machine("a", Lines.constant(1)),
                                StationSpec.batch("oven", Lines.constant(10), io.linetwin.model.BatchRule.full(4)),
                                StationSpec.machine("b", Lines.constant(1)),
                                StationSpec.machine("c", Lines.constant(1)))
                        .buffers(
                                Lines.buffer("a", "oven", 4),
                                Lines.buffer("oven", "b", 1),
                                Lines.buffer("oven", "c", 1))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batch station oven unloads into one outbound buffer and takes no routes, got"
                        + " [b-oven-b, b-oven-c]");
    }

    @Test
    void aCycleIsRejected() {
        LineSpec line = LineSpec.builder("ring")
                .stations(StationSpec.machine("a", Lines.constant(1)), StationSpec.machine("b", Lines.constant(1)))
                .buffers(Lines.buffer("a", "b", 1), Lines.buffer("b", "a", 1))
                .build();

        assertThatThrownBy(() -> new LineSimulation(line))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a: the line loops: a -> b -> a; a loop needs a quality gate (a station with routes by "
                        + "share)");
    }

    @Test
    void aZeroTimeStationWithoutInboundLinkIsRejected() {
        LineSpec line = Lines.chain(List.of(StationSpec.machine("m", Lines.constant(0))));

        assertThatThrownBy(() -> new LineSimulation(line))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("m process: a zero-time station needs an inbound link to pace it");
    }

    @Test
    void aLoopOfZeroTimeStationsIsRejected() {
        StationSpec gate = StationSpec.machine("gate", Lines.constant(0))
                .withRoutes(List.of(RouteSpec.share("b-gate-back", 0.5), RouteSpec.share("b-gate-out", 0.5)));
        LineSpec line = LineSpec.builder("zero-loop")
                .stations(
                        StationSpec.source("in", Optional.of(Lines.exponential(5)), OnFull.BLOCK),
                        StationSpec.machine("back", Lines.constant(0)),
                        gate,
                        StationSpec.sink("out"))
                .buffers(
                        Lines.buffer("in", "back", 2),
                        new BufferSpec("b-back-gate", "back", "gate", 2),
                        new BufferSpec("b-gate-back", "gate", "back", 2),
                        new BufferSpec("b-gate-out", "gate", "out", 2))
                .build();

        assertThatThrownBy(() -> new LineSimulation(line))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("back process: a loop of zero-time stations (back -> gate -> back)");
    }

    @Test
    void aSinkCannotFeedAnything() {
        LineSpec line = Lines.chain(List.of(StationSpec.sink("out"), StationSpec.machine("m", Lines.constant(1))), 1);

        assertThatThrownBy(() -> new LineSimulation(line))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("out: a sink has no outbound link, got 'b-out-m'");
    }

    @Test
    void aZeroTimeGateRoutesPartsOnWithoutDelayAndConservesThem() {
        StationSpec gate = StationSpec.machine("gate", Lines.constant(0))
                .withRoutes(List.of(RouteSpec.share("b-gate-m1", 0.5), RouteSpec.share("b-gate-m2", 0.5)));
        LineSpec line = LineSpec.builder("gated")
                .stations(
                        StationSpec.source("in", Optional.of(Lines.exponential(2)), OnFull.BLOCK),
                        gate,
                        StationSpec.machine("m1", Lines.exponential(3)),
                        StationSpec.machine("m2", Lines.exponential(3)),
                        StationSpec.sink("out"))
                .buffers(
                        Lines.buffer("in", "gate", 5),
                        Lines.buffer("gate", "m1", 5),
                        Lines.buffer("gate", "m2", 5),
                        Lines.buffer("m1", "out", 5),
                        Lines.buffer("m2", "out", 5))
                .build();

        ReplicationResult result = new LineSimulation(line).checkingInvariants().run(0, 20_000, 7, 0);

        // Both machines share the arrivals (one every 2 s) at a utilisation of 3/4 each.
        assertThat(result.throughputPerHour()).isCloseTo(1800, within(60.0));
        StationResult gateResult = result.stations().stream()
                .filter(s -> s.id().equals("gate"))
                .findFirst()
                .orElseThrow();
        // Its working time is the clock's resolution (each hand-over moves time by one ulp): none to speak of.
        assertThat(gateResult.states().working()).isCloseTo(0, within(1e-9));
        LineTotals totals = result.totals();
        assertThat(totals.released()).isEqualTo(totals.goodOut() + totals.scrapped() + totals.wipAtEnd());
    }

    @Test
    void unlimitedSupplyIntoAConveyorIsPacedByTheBelt() {
        // Parts enter at least 1 m apart at 0.5 m/s: one every 2 s, whatever the supply.
        LineSpec line = LineSpec.builder("belt-fed")
                .stations(UNLIMITED_SOURCE, StationSpec.sink("out"))
                .buffers(new BufferSpec("belt", "in", "out", 10))
                .conveyors(List.of(new ConveyorSpec("belt", 10, 0.5, 1, List.of())))
                .build();

        ReplicationResult result = new LineSimulation(line).checkingInvariants().run(3600, 3600, 1, 0);

        assertThat(result.throughputPerHour()).isCloseTo(1800, within(1.0));
    }
}
