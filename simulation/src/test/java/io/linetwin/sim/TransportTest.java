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
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The AGV fleet: utilisation and empty travel against hand-computed loads, and a request queue. */
final class TransportTest {

    /** Arrivals → machine m (10 s) → AGVs over 60 m at 1 m/s, 20 s to load and to unload → sink. */
    private static LineSpec line(Distribution interarrival, int vehicles, Optional<String> park) {
        TransportSpec transport = new TransportSpec(vehicles, 1.0, 20, 20, park,
                List.of(new TransportSpec.Move("m-to-out", "m", "out", 60)));
        return new LineSpec("test:agv", List.of(), List.of(
                StationSpec.source("in", Optional.of(interarrival), OnFull.BLOCK),
                StationSpec.machine("m", Lines.constant(10)), StationSpec.sink("out")),
                List.of(new BufferSpec("b-in", "in", "m", 5), new BufferSpec("m-to-out", "m", "out", 2)), Map.of(),
                List.of(), List.of(), List.of(), Optional.of(transport));
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
                .checkingInvariants().run(3_000, 30_000, 1, 0, event -> {
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

    @Test
    void anOverloadedFleetQueuesRequestsAndPacesTheLine() {
        // Requests every 30 s on average; one vehicle needs 160 s a round trip (back empty straight from out).
        ReplicationResult result = new LineSimulation(line(Lines.exponential(30), 1, Optional.empty()))
                .checkingInvariants().run(2_000, 50_000, 3, 0);

        TransportResult fleet = result.transport().orElseThrow();
        assertThat(fleet.utilization()).isGreaterThan(0.999);
        assertThat(result.throughputPerHour()).isCloseTo(3_600 / 160.0, within(0.3));
        assertThat(fleet.emptyTravelShare()).isCloseTo(60 / 160.0, within(0.01));
        LineTotals totals = result.totals();
        assertThat(totals.released()).isEqualTo(totals.goodOut() + totals.wipAtEnd());
    }
}
