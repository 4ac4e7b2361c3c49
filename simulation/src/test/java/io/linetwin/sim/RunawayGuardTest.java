package io.linetwin.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linetwin.model.BufferContents;
import io.linetwin.model.BufferSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.LineState;
import io.linetwin.model.OnFull;
import io.linetwin.model.StationSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The engine stops a run that ran away, with a message, instead of hanging or filling the memory: more events
 * than its budget, simulated time that stands still, parts piling up without end, a warm-start level far above
 * what a buffer holds; and an interrupted run stops at once.
 */
final class RunawayGuardTest {

    @Test
    void aRunPastItsEventBudgetStops() {
        LineSpec line = Lines.benchmark();

        assertThatThrownBy(
                        () -> new LineSimulation(line).withEventBudget(50_000).run(0, 86_400, 1, 0))
                .isInstanceOf(RunStoppedException.class)
                .hasMessageContaining("replication 0 stopped at t = ")
                .hasMessageContaining("its budget (50000");
    }

    @Test
    void timeFarBelowTheClocksResolutionStops() {
        // 1e-15 s a part at t around 1000 s: each step moves the clock by one ulp (1.1e-13 s), so the run would
        // need 1e16 steps to reach its end. Validation refuses such a file; the engine must not hang on it either.
        LineSpec line = Lines.chain(
                List.of(
                        StationSpec.source("in", Optional.empty(), OnFull.BLOCK),
                        StationSpec.machine("m", Lines.constant(1e-15)),
                        StationSpec.sink("out")),
                1,
                1);

        assertThatThrownBy(() -> new LineSimulation(line).run(1000, 10, 1, 0))
                .isInstanceOf(RunStoppedException.class)
                .hasMessageContaining("simulated time stands still at t = ");
    }

    @Test
    void partsPilingUpInAnUnlimitedBufferStopTheRunBeforeTheMemoryIsFull() {
        // Arrivals every millisecond, one part a second leaves: five million parts wait after about 5,000 s.
        LineSpec line = Lines.mm1(0.001, 1);

        assertThatThrownBy(() -> new LineSimulation(line).run(0, 86_400, 1, 0))
                .isInstanceOf(RunStoppedException.class)
                .hasMessageContaining("parts in the line (released at 'in'): an unlimited buffer fills faster");
    }

    @Test
    void aWarmStartLevelAboveTheCapacityIsRefusedBeforeAnyPartIsMade() {
        LineSpec line = Lines.chain(
                List.of(StationSpec.machine("a", Lines.constant(1)), StationSpec.machine("b", Lines.constant(1))), 5);
        LineState state = new LineState(
                Instant.EPOCH,
                0,
                Map.of(),
                Map.of("b-a-b", new BufferContents(Map.of("", 2_000_000_000))),
                Map.of(),
                Map.of());

        assertThatThrownBy(() -> new LineSimulation(line).requireFits(state))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("state buffer b-a-b holds at most 5 parts, got 2000000000");
    }

    @Test
    void aWarmStartIntoAnUnlimitedBufferIsBoundedByThePartsALineMayHold() {
        LineSpec line = Lines.mm1(1, 0.5);
        LineState state = new LineState(
                Instant.EPOCH,
                0,
                Map.of(),
                Map.of("b-in-m", new BufferContents(Map.of("", 2_000_000_000))),
                Map.of(),
                Map.of());

        assertThatThrownBy(() -> new LineSimulation(line).requireFits(state))
                .hasMessage("state buffer b-in-m holds at most 5000000 parts, got 2000000000");
        assertThat(BufferSpec.UNLIMITED).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void anInterruptedRunStopsWithACancellation() throws InterruptedException {
        LineSpec line = Lines.benchmark();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            Thread.currentThread().interrupt();
            try {
                new LineSimulation(line).run(0, 1e8, 1, 0);
            } catch (RuntimeException e) {
                thrown.set(e);
            }
        });

        runner.start();
        runner.join();

        assertThat(thrown.get())
                .isInstanceOf(RunCancelledException.class)
                .hasMessageStartingWith("replication 0 cancelled at t = ");
    }
}
