package io.linetwin.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.linetwin.model.BufferSpec;
import io.linetwin.model.ConveyorSpec;
import io.linetwin.model.FailureBasis;
import io.linetwin.model.FailureSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.StationSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Conveyors: transit time, capacity and spacing, and a stopped belt that holds its parts. */
final class ConveyorTest {

    /** m1 (1 s per part) → conveyor → {@code next} (a sink or a second machine). */
    private static LineSpec line(ConveyorSpec conveyor, int capacity, StationSpec next) {
        return new LineSpec("test:conveyor", List.of(), List.of(StationSpec.machine("m1", Lines.constant(1)), next),
                List.of(new BufferSpec(conveyor.id(), "m1", next.id(), capacity)), Map.of(), List.of(), List.of(),
                List.of(conveyor));
    }

    @Test
    void aPartTakesLengthOverSpeedToTravel() {
        LineSpec line = line(new ConveyorSpec("belt", 10, 0.5, 0, List.of()), 100, StationSpec.sink("out"));
        List<Double> finished = new ArrayList<>();

        ReplicationResult result = new LineSimulation(line).checkingInvariants().run(0, 100, 1, 0, event -> {
            if (event instanceof TraceEvent.PartFinished done && finished.size() < 3) {
                finished.add(done.timeSeconds());
            }
        });

        // Made at 1, 2, 3 s; 10 m at 0.5 m/s is 20 s.
        assertThat(finished).containsExactly(21.0, 22.0, 23.0);
        assertThat(result.leadTimeSeconds()).isCloseTo(21.0, within(1e-9));
        // At 100 s: the 20 parts made at 81..100 s on the belt, and m1's part in process.
        assertThat(result.totals().wipAtEnd()).isEqualTo(21);
    }

    @Test
    void aFullConveyorBlocksItsUpstream() {
        LineSpec line = line(new ConveyorSpec("belt", 10, 1, 0, List.of()), 3,
                StationSpec.machine("m2", Lines.constant(5)));

        ReplicationResult result = new LineSimulation(line).checkingInvariants().run(1_000, 3_600, 1, 0);

        assertThat(result.throughputPerHour()).isCloseTo(720, within(1.0));
        assertThat(result.station("m1").orElseThrow().states().blocked()).isCloseTo(0.8, within(1e-3));
        assertThat(result.totals().wipAtEnd()).isBetween(4L, 5L);
    }

    @Test
    void spacingLimitsTheEntryRate() {
        // 2 m apart at 1 m/s: one part every 2 s can enter, so the 1 s machine waits half the time.
        LineSpec line = line(new ConveyorSpec("belt", 10, 1, 2, List.of()), 5, StationSpec.sink("out"));

        ReplicationResult result = new LineSimulation(line).checkingInvariants().run(100, 3_600, 1, 0);

        assertThat(result.throughputPerHour()).isCloseTo(1_800, within(1.0));
        assertThat(result.station("m1").orElseThrow().states().blocked()).isCloseTo(0.5, within(1e-3));
    }

    @Test
    void aStoppedConveyorHoldsItsPartsAndResumesWhereItWas() {
        FailureSpec jam = new FailureSpec("jam", Lines.constant(100), Lines.constant(50), FailureBasis.CALENDAR);
        LineSpec line = line(new ConveyorSpec("belt", 20, 1, 0, List.of(jam)), 100, StationSpec.sink("out"));
        List<Double> finished = new ArrayList<>();

        ReplicationResult result = new LineSimulation(line).checkingInvariants().run(0, 200, 1, 0, event -> {
            if (event instanceof TraceEvent.PartFinished done) {
                finished.add(done.timeSeconds());
            }
        });

        // Parts made at 1..79 s arrive at 21..99 s. The belt stops at 100 s (the failure comes before the part
        // due at that instant) for 50 s; the parts on it then, made at 80..99 s, arrive 50 s late, from 150 s.
        assertThat(finished).filteredOn(t -> t > 99 && t < 150).isEmpty();
        assertThat(finished).contains(99.0, 150.0, 151.0);
        LineTotals totals = result.totals();
        assertThat(totals.released()).isEqualTo(totals.goodOut() + totals.wipAtEnd());
    }
}
