package io.linetwin.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.linetwin.model.BufferSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.ProductSpec;
import io.linetwin.model.RouteSpec;
import io.linetwin.model.StationSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Routing by share and by product, rework loops through a quality gate, and deadlock detection. */
final class RoutingTest {

    /** m1 → m2 → gate; the gate passes a share on and sends the rest back to m2 (rework first). */
    private static LineSpec reworkLoop(double reworkShare, int capacity) {
        StationSpec gate = StationSpec.machine("gate", Lines.exponential(0.3))
                .withRoutes(
                        List.of(RouteSpec.share("b-out", 1 - reworkShare), RouteSpec.share("b-rework", reworkShare)));
        return LineSpec.builder("test:rework")
                .stations(
                        StationSpec.machine("m1", Lines.exponential(1.0)),
                        StationSpec.machine("m2", Lines.exponential(0.5)),
                        gate,
                        StationSpec.sink("out"))
                .buffers(
                        new BufferSpec("b-rework", "gate", "m2", capacity),
                        new BufferSpec("b1", "m1", "m2", capacity),
                        new BufferSpec("b2", "m2", "gate", capacity),
                        new BufferSpec("b-out", "gate", "out", capacity))
                .build();
    }

    @Test
    void aReworkLoopBalancesItsFlows() {
        long[] passedOn = new long[1];
        long[] reworked = new long[1];
        Map<Long, Integer> visitsToM2 = new HashMap<>();

        ReplicationResult result = new LineSimulation(reworkLoop(0.2, 5))
                .checkingInvariants()
                .run(0, 20_000, 7, 0, event -> {
                    if (event instanceof TraceEvent.PartMoved moved) {
                        if (moved.from().equals("gate")) {
                            if (moved.to().equals("b-out") || moved.to().equals("out")) {
                                passedOn[0]++;
                            } else {
                                reworked[0]++;
                            }
                        }
                        if (moved.to().equals("m2")) {
                            visitsToM2.merge(moved.part(), 1, Integer::sum);
                        }
                    }
                });

        StationResult m2 = result.station("m2").orElseThrow();
        StationResult gate = result.station("gate").orElseThrow();
        long gateHolding = gate.good() - passedOn[0] - reworked[0];
        // The gate's in = out + rework + what it still holds (a finished part blocked at the end).
        assertThat(gateHolding).isBetween(0L, 1L);
        // Every pass through m2 reaches the gate, or is still on its way at the end.
        long inFlight = result.totals().wipAtEnd();
        assertThat(m2.good()).isBetween(gate.good(), gate.good() + inFlight);
        // A share of 0.2 is reworked: 1 / 0.8 = 1.25 passes per part on average.
        assertThat((double) reworked[0] / (passedOn[0] + reworked[0])).isCloseTo(0.2, within(0.015));
        assertThat((double) m2.good() / result.totals().goodOut()).isCloseTo(1.25, within(0.03));
        assertThat(visitsToM2.values().stream()
                        .mapToInt(Integer::intValue)
                        .max()
                        .orElseThrow())
                .isGreaterThan(2);
        LineTotals totals = result.totals();
        assertThat(totals.released()).isEqualTo(totals.goodOut() + totals.scrapped() + totals.wipAtEnd());
    }

    @Test
    void partsFollowTheRouteOfTheirProduct() {
        StationSpec splitter = StationSpec.machine("split", Lines.exponential(0.5))
                .withRoutes(List.of(RouteSpec.products("b-a", Set.of("a")), RouteSpec.products("b-b", Set.of("b"))));
        LineSpec line = LineSpec.builder("test:split")
                .products(List.of(new ProductSpec("a", 0.3), new ProductSpec("b", 0.7)))
                .stations(
                        StationSpec.machine("m", Lines.exponential(1.0)),
                        splitter,
                        StationSpec.sink("sink-a"),
                        StationSpec.sink("sink-b"))
                .buffers(
                        new BufferSpec("b1", "m", "split", 2),
                        new BufferSpec("b-a", "split", "sink-a", 0),
                        new BufferSpec("b-b", "split", "sink-b", 0))
                .build();
        Map<String, Long> finishedAt = new HashMap<>();

        new LineSimulation(line).checkingInvariants().run(0, 2_000, 3, 0, event -> {
            if (event instanceof TraceEvent.PartFinished done) {
                finishedAt.merge(done.product() + "@" + done.station(), 1L, Long::sum);
            }
        });

        assertThat(finishedAt).containsOnlyKeys("a@sink-a", "b@sink-b");
    }

    @Test
    void aLoopWithNoRoomLeftIsReportedAsADeadlockWithItsChain() {
        LineSimulation simulation = new LineSimulation(reworkLoop(0.5, 0));

        assertThatThrownBy(() -> simulation.run(0, 10_000, 1, 0))
                .isInstanceOfSatisfying(LineDeadlockException.class, e -> {
                    assertThat(e.chain()).containsExactly("m2", "b2 (full)", "gate", "b-rework (full)", "m2");
                    assertThat(e.timeSeconds()).isPositive();
                })
                .hasMessageContaining("the line deadlocked at t = ")
                .hasMessageContaining("m2 -> b2 (full) -> gate -> b-rework (full) -> m2");
    }

    @Test
    void aLoopWithoutAQualityGateIsRejected() {
        StationSpec splitter = StationSpec.machine("split", Lines.exponential(0.5))
                .withRoutes(
                        List.of(RouteSpec.products("b-back", Set.of("a")), RouteSpec.products("b-out", Set.of("b"))));
        LineSpec line = LineSpec.builder("test:loop")
                .products(List.of(new ProductSpec("a", 1), new ProductSpec("b", 1)))
                .stations(StationSpec.machine("m", Lines.exponential(1.0)), splitter, StationSpec.sink("out"))
                .buffers(
                        new BufferSpec("b1", "m", "split", 2),
                        new BufferSpec("b-back", "split", "m", 2),
                        new BufferSpec("b-out", "split", "out", 2))
                .build();

        assertThatThrownBy(() -> new LineSimulation(line))
                .hasMessageContaining("the line loops: m -> split -> m; a loop needs a quality gate");
    }
}
