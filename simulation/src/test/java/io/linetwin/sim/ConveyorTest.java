package io.linetwin.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.linetwin.model.BufferSpec;
import io.linetwin.model.ConveyorSpec;
import io.linetwin.model.FailureBasis;
import io.linetwin.model.FailureSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.ShiftSpec;
import io.linetwin.model.StationSpec;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Conveyors: transit time, capacity and spacing, and a stopped belt that holds its parts. */
final class ConveyorTest {

    /** m1 (1 s per part) → conveyor → {@code next} (a sink or a second machine). */
    private static LineSpec line(ConveyorSpec conveyor, int capacity, StationSpec next) {
        return LineSpec.builder("test:conveyor")
                .stations(StationSpec.machine("m1", Lines.constant(1)), next)
                .buffers(new BufferSpec(conveyor.id(), "m1", next.id(), capacity))
                .conveyors(List.of(conveyor))
                .build();
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
        LineSpec line =
                line(new ConveyorSpec("belt", 10, 1, 0, List.of()), 3, StationSpec.machine("m2", Lines.constant(5)));

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

    /**
     * A belt fed by a machine that works one 8 h shift a day (every 30 s a part that rides 60 s, so the belt
     * carries parts all shift long and runs empty off shift) fails at exponential times of mean m = 1 h and is
     * repaired in exponential r = 5 min. On the operating basis failures come only while the belt moves, so in
     * the shift third of the day the belt alternates up/down as a renewal process: down share = (1/3) r / (m + r)
     * = 0.02564; on the wall basis failures come around the clock: r / (m + r) = 0.07692. Over 400 days
     * (about 2,950 operating failures) the relative standard deviation of the down time is sqrt(2 / N) = 2.6 %;
     * the band of 10 % is 3.8 of them (the shift-end spill-over of repairs biases by about 1 %). Failures in
     * moving time are Poisson with rate 1/m: their count is checked against moving seconds / m, 3.3 sd wide.
     */
    @Test
    void operatingBasisFailuresComeOnlyWhileTheBeltMoves() {
        double m = 3_600;
        double r = 300;
        double horizon = 400 * 86_400.0;

        ConveyorResult operating = shiftBelt(Lines.failure("wear", m, r, FailureBasis.OPERATING), horizon);
        ConveyorResult calendar = shiftBelt(Lines.failure("wear", m, r, FailureBasis.WALL), horizon);

        double operatingDown = r / (m + r) / 3;
        assertThat(operating.downShare()).isCloseTo(operatingDown, within(0.10 * operatingDown));
        assertThat(operating.movingShare()).isCloseTo(m / (m + r) / 3, within(0.02 * m / (m + r) / 3));
        double expectedFailures = operating.movingShare() * horizon / m;
        assertThat((double) operating.failures())
                .isCloseTo(expectedFailures, within(3.3 * Math.sqrt(expectedFailures) + 1));
        assertThat(calendar.downShare()).isCloseTo(r / (m + r), within(0.10 * r / (m + r)));
    }

    private static ConveyorResult shiftBelt(FailureSpec failure, double horizonSeconds) {
        LineSpec line = line(new ConveyorSpec("belt", 60, 1, 0, List.of(failure)), 10, StationSpec.sink("out"));
        LineSpec dayShift = LineSpec.builder(line.id())
                .products(line.products())
                .stations(StationSpec.machine("m1", Lines.constant(30)), StationSpec.sink("out"))
                .buffers(line.buffers())
                .shifts(List.of(new ShiftSpec(EnumSet.allOf(DayOfWeek.class), 6 * 3_600, 8 * 3_600, List.of())))
                .conveyors(line.conveyors())
                .build();
        return new LineSimulation(dayShift)
                .run(86_400, horizonSeconds, 11, 0)
                .conveyors()
                .get(0);
    }

    @Test
    void aStoppedConveyorHoldsItsPartsAndResumesWhereItWas() {
        FailureSpec jam = new FailureSpec("jam", Lines.constant(100), Lines.constant(50), FailureBasis.WALL);
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

    @Test
    void theTraceSaysWhenABeltStopsAndStartsAgain() {
        FailureSpec jam = new FailureSpec("jam", Lines.constant(100), Lines.constant(50), FailureBasis.WALL);
        LineSpec line = line(new ConveyorSpec("belt", 20, 1, 0, List.of(jam)), 100, StationSpec.sink("out"));
        List<TraceEvent.ConveyorStopped> changes = new ArrayList<>();

        new LineSimulation(line).run(0, 320, 1, 0, event -> {
            if (event instanceof TraceEvent.ConveyorStopped change) {
                changes.add(change);
            }
        });

        // Constant 100 s between failures (wall basis), 50 s repairs: stops at 100 and 250, starts at 150 and 300.
        assertThat(changes)
                .extracting(TraceEvent.ConveyorStopped::timeSeconds)
                .containsExactly(100.0, 150.0, 250.0, 300.0);
        assertThat(changes).extracting(TraceEvent.ConveyorStopped::stopped).containsExactly(true, false, true, false);
        assertThat(changes).allSatisfy(c -> assertThat(c.conveyor()).isEqualTo("belt"));
    }
}
