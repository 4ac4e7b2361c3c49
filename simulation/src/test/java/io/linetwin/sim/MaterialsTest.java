package io.linetwin.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.linetwin.model.LineSpec;
import io.linetwin.model.LineState;
import io.linetwin.model.MaterialSpec;
import io.linetwin.model.StationSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Material stores: consumption per operation, (s, Q) reorders, starvation by material, the balance. */
final class MaterialsTest {

    /**
     * 1 s per part, 10 units on hand, reorder 10 at stock 0 with a 5 s lead time: each 14 s cycle makes 10
     * parts and waits 4 s for the delivery (from the 11th start attempt at 10 + 14k to the delivery at 14 + 14k).
     */
    @Test
    void aStationWaitsForItsMaterialAndTheBalanceCloses() {
        LineSpec line = Lines.chain(
                List.of(new MaterialSpec("steel", 10, Optional.of(new MaterialSpec.Reorder(0, 10, 5)))),
                List.of(StationSpec.machine("m", Lines.constant(1)).withConsumes(Map.of("steel", 1.0))));

        List<TraceEvent.MaterialShortage> shortages = new java.util.ArrayList<>();
        ReplicationResult result = new LineSimulation(line).checkingInvariants().run(0, 140, 1, 0, event -> {
            if (event instanceof TraceEvent.MaterialShortage shortage) {
                shortages.add(shortage);
            }
        });

        assertThat(shortages).hasSize(20).first().isEqualTo(new TraceEvent.MaterialShortage(10, "m", "steel", true));
        assertThat(shortages.get(1)).isEqualTo(new TraceEvent.MaterialShortage(14, "m", "steel", false));
        MaterialResult steel = result.material("steel").orElseThrow();
        assertThat(result.throughputPerHour() * 140 / 3600).isCloseTo(100, within(1e-9));
        assertThat(steel.stockOuts()).isEqualTo(10);
        assertThat(steel.orders()).isEqualTo(10);
        assertThat(steel.starvedSecondsByStation()).containsEntry("m", 40.0);
        assertThat(steel.receipts()).isEqualTo(100);
        // 100 parts made, and the 101st started on the delivery at t = 140.
        assertThat(steel.consumed()).isEqualTo(101);
        assertThat(steel.initialStock() + steel.receipts() - steel.consumed()).isEqualTo(steel.finalStock());
        assertThat(result.stations().get(0).states().starved()).isCloseTo(40 / 140.0, within(1e-9));
    }

    @Test
    void consumptionIsUnitsTimesOperationsStarted() {
        LineSpec line = Lines.chain(
                List.of(
                        new MaterialSpec("cap", 500, Optional.of(new MaterialSpec.Reorder(100, 400, 60))),
                        new MaterialSpec("glue", 20, Optional.empty())),
                List.of(
                        StationSpec.machine("m1", Lines.exponential(1)).withConsumes(Map.of("cap", 1.0, "glue", 0.25)),
                        StationSpec.machine("m2", Lines.exponential(0.9))
                                .withScrap(0.1)
                                .withConsumes(Map.of("cap", 2.0))),
                3);

        long[] startsAtM2 = new long[1];
        ReplicationResult result = new LineSimulation(line).checkingInvariants().run(0, 2_000, 3, 0, event -> {
            if (event instanceof TraceEvent.PartMoved moved && moved.to().equals("m2")) {
                startsAtM2[0]++;
            }
        });

        MaterialResult cap = result.material("cap").orElseThrow();
        MaterialResult glue = result.material("glue").orElseThrow();
        // Glue runs out after 80 operations and is never reordered: m1 stops for good.
        assertThat(glue.consumed()).isEqualTo(20);
        assertThat(glue.finalStock()).isZero();
        assertThat(result.totals().released()).isEqualTo(80);
        assertThat(cap.consumedByStation()).containsEntry("m1", 80.0).containsEntry("m2", 2.0 * startsAtM2[0]);
        assertThat(startsAtM2[0]).isEqualTo(80);
        assertThat(cap.initialStock() + cap.receipts() - cap.consumed()).isCloseTo(cap.finalStock(), within(1e-9));
        assertThat(glue.starvedSecondsByStation().get("m1")).isPositive();
        assertThat(glue.stockOuts()).isEqualTo(1);
    }

    @Test
    void aWarmStartTakesTheStocksOfTheState() {
        LineSpec line = Lines.chain(
                List.of(new MaterialSpec("steel", 1_000, Optional.empty())),
                List.of(StationSpec.machine("m", Lines.constant(1)).withConsumes(Map.of("steel", 1.0))));
        LineSimulation simulation = new LineSimulation(line);
        LineState state = new LineState(Instant.EPOCH, 50, Map.of(), Map.of(), Map.of(), Map.of("steel", 3.0));

        ReplicationResult result = simulation.run(state, 0, 100, 1, 0);
        LineState snapshot = simulation.snapshot(7.5, 1, 0, Instant.EPOCH);

        assertThat(result.material("steel").orElseThrow().consumed()).isEqualTo(3);
        assertThat(result.throughputPerHour() * 100 / 3600).isCloseTo(3, within(1e-9));
        assertThat(snapshot.materialStocks()).containsEntry("steel", 1_000 - 8.0);
    }
}
