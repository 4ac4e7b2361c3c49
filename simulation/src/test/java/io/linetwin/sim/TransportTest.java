package io.linetwin.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.linetwin.model.BufferSpec;
import io.linetwin.model.Distribution;
import io.linetwin.model.LineSpec;
import io.linetwin.model.OnFull;
import io.linetwin.model.StationSpec;
import io.linetwin.model.TransportSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The AGV fleet: utilisation and empty travel against hand-computed loads, and a request queue. */
final class TransportTest {

    /** Arrivals → machine m (10 s) → AGVs over 60 m at 1 m/s, 20 s to load and to unload → sink. */
    private static LineSpec line(Distribution interarrival, int vehicles, Optional<String> park) {
        TransportSpec transport = new TransportSpec(
                vehicles, 1.0, 20, 20, park, List.of(new TransportSpec.Move("m-to-out", "m", "out", 60)));
        return LineSpec.builder("test:agv")
                .stations(
                        StationSpec.source("in", Optional.of(interarrival), OnFull.BLOCK),
                        StationSpec.machine("m", Lines.constant(10)),
                        StationSpec.sink("out"))
                .buffers(new BufferSpec("b-in", "in", "m", 5), new BufferSpec("m-to-out", "m", "out", 2))
                .transport(transport)
                .build();
    }

    /**
     * One request every 300 s; a vehicle parked at m loads (20 s), drives 60 s, unloads (20 s) and drives 60 s
     * back empty: 160 s busy of which 60 s empty, per request. Two vehicles: utilisation = requests × 160 s /
     * (2 × horizon) = 160 / 600, empty travel 60 / 600.
     */
    @Test
    void utilisationAndEmptyTravelMatchTheHandComputedLoad() {
        List<TraceEvent.VehicleMoved> moves = new ArrayList<>();

        ReplicationResult result = new LineSimulation(line(Lines.constant(300), 2, Optional.of("m")))
                .checkingInvariants()
                .run(3_000, 30_000, 1, 0, event -> {
                    if (event instanceof TraceEvent.VehicleMoved moved) {
                        moves.add(moved);
                    }
                });

        TransportResult fleet = result.transport().orElseThrow();
        assertThat(fleet.deliveries()).isEqualTo(100);
        assertThat(fleet.utilization()).isCloseTo(160.0 / 600, within(1e-9));
        assertThat(fleet.emptyTravelShare()).isCloseTo(60.0 / 600, within(1e-9));
        assertThat(result.leadTimeSeconds()).isCloseTo(10 + 20 + 60, within(1e-9));
        assertThat(moves).filteredOn(m -> m.part() >= 0).allSatisfy(m -> {
            assertThat(m.from()).isEqualTo("m");
            assertThat(m.to()).isEqualTo("out");
            assertThat(m.arrivalSeconds() - m.timeSeconds()).isCloseTo(60, within(1e-9));
        });
        assertThat(moves).filteredOn(m -> m.part() < 0 && m.to().equals("m")).isNotEmpty();
    }

    /**
     * The same line on a path graph: from m's node the way to out's runs by two corners (30 + 40 + 30 = 100 m;
     * the last edge is one way), the way back by a third corner d (2 × hypot(50, 20) = 107.70 m); a direct edge of
     * 500 m is never the shortest. Without a park the vehicle waits at out and drives back empty for the next
     * request: per request 107.70 m empty + 20 s load + 100 m loaded + 20 s unload at 1 m/s, one request every
     * 300 s, all 100 of the window inside it. Utilisation = 100 × 247.70 s / (2 vehicles × 30,000 s).
     */
    @Test
    void onAPathGraphUtilisationFollowsTheShortestPathsBothWays() {
        io.linetwin.model.PathGraph graph = new io.linetwin.model.PathGraph(
                List.of(
                        node("nm", 0, 0, "m"),
                        node("c1", 30, 0, null),
                        node("c2", 30, 40, null),
                        node("nout", 0, 40, "out"),
                        node("d", -50, 20, null)),
                List.of(
                        edge("nm", "c1", false),
                        edge("c1", "c2", false),
                        edge("c2", "nout", true),
                        edge("nm", "d", false),
                        edge("d", "nout", false),
                        new io.linetwin.model.PathGraph.Edge("nm", "nout", java.util.OptionalDouble.of(500), false)));
        TransportSpec transport = new TransportSpec(
                2,
                1.0,
                20,
                20,
                Optional.empty(),
                List.of(new TransportSpec.Move("m-to-out", "m", "out", 100)),
                Optional.of(graph));
        LineSpec straight = line(Lines.constant(300), 2, Optional.empty());
        LineSpec line = LineSpec.builder(straight.id())
                .products(straight.products())
                .stations(straight.stations())
                .buffers(straight.buffers())
                .transport(transport)
                .build();
        double back = 2 * Math.hypot(50, 20);

        ReplicationResult result = new LineSimulation(line).checkingInvariants().run(3_000, 30_000, 1, 0);

        TransportResult fleet = result.transport().orElseThrow();
        assertThat(fleet.deliveries()).isEqualTo(100);
        assertThat(fleet.utilization()).isCloseTo(100 * (back + 20 + 100 + 20) / (2 * 30_000.0), within(1e-9));
        assertThat(fleet.emptyTravelShare()).isCloseTo(100 * back / (2 * 30_000.0), within(1e-9));
        assertThat(result.leadTimeSeconds()).isCloseTo(10 + back + 20 + 100, within(1e-9));
    }

    private static io.linetwin.model.PathGraph.Node node(String id, double x, double z, String station) {
        return new io.linetwin.model.PathGraph.Node(id, x, z, Optional.ofNullable(station));
    }

    private static io.linetwin.model.PathGraph.Edge edge(String from, String to, boolean oneWay) {
        return new io.linetwin.model.PathGraph.Edge(from, to, java.util.OptionalDouble.empty(), oneWay);
    }

    @Test
    void anOverloadedFleetQueuesRequestsAndPacesTheLine() {
        // Requests every 30 s on average; one vehicle needs 160 s a round trip (back empty straight from out).
        ReplicationResult result = new LineSimulation(line(Lines.exponential(30), 1, Optional.empty()))
                .checkingInvariants()
                .run(2_000, 50_000, 3, 0);

        TransportResult fleet = result.transport().orElseThrow();
        assertThat(fleet.utilization()).isGreaterThan(0.999);
        assertThat(result.throughputPerHour()).isCloseTo(3_600 / 160.0, within(0.3));
        assertThat(fleet.emptyTravelShare()).isCloseTo(60 / 160.0, within(0.01));
        LineTotals totals = result.totals();
        assertThat(totals.released()).isEqualTo(totals.goodOut() + totals.wipAtEnd());
    }
}
