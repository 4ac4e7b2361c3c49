package io.linetwin.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.model.BufferContents;
import io.linetwin.model.LineSpec;
import io.linetwin.model.LineState;
import io.linetwin.model.TransportSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A state that knows which parts wait in an AGV move but nothing of the vehicles (what a twin snapshot gives: the twin
 * has no fleet): the parts all wait for pickup, and the fleet is sent for them as the run starts. Checking such a
 * state ({@code requireFits}, before any event) dispatched a vehicle at the engine's "no event yet" time of −∞, and
 * MASON refused the schedule: every what-if of the live loop on the bottling line was skipped once a pallet waited
 * for an AGV.
 */
final class WarmStartWithoutFleetTest {

    private static final Instant NOW = Instant.parse("2025-01-06T06:00:00Z");

    @Test
    void partsWaitingForAnAgvWithoutAFleetStateFitAndRun() {
        int checked = 0;
        for (long seed = 1; seed <= 400 && checked < 5; seed++) {
            LineSpec line = RandomLines.line(seed);
            if (line.transport().isEmpty()) {
                continue;
            }
            List<String> moves = line.transport().get().moves().stream()
                    .map(TransportSpec.Move::id)
                    .toList();
            LineSimulation simulation = new LineSimulation(line).checkingInvariants();
            for (double t = 300; t <= 3000; t += 300) {
                LineState full = simulation.snapshot(t, seed, 0, NOW);
                int waiting = moves.stream()
                        .mapToInt(id -> full.buffers()
                                .getOrDefault(id, new BufferContents(java.util.Map.of(), new ArrayList<>()))
                                .total())
                        .sum();
                if (waiting == 0) {
                    continue;
                }
                LineState twinLike = full.withoutInFlight();
                simulation.requireFits(twinLike);
                ReplicationResult restarted = simulation.run(twinLike, 0, 600, seed + 1, 0);
                LineTotals totals = restarted.totals();
                assertThat(totals.wipAtStart() + totals.released())
                        .as("seed %d at %s s", seed, t)
                        .isEqualTo(totals.goodOut() + totals.scrapped() + totals.assembled() + totals.wipAtEnd());
                checked++;
                break;
            }
        }
        assertThat(checked).as("lines with parts waiting in an AGV move").isGreaterThanOrEqualTo(3);
    }
}
