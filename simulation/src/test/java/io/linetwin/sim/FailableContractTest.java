package io.linetwin.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.linetwin.model.AssemblyInput;
import io.linetwin.model.BufferSpec;
import io.linetwin.model.ConveyorSpec;
import io.linetwin.model.Distribution;
import io.linetwin.model.FailureBasis;
import io.linetwin.model.FailureSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.LineState;
import io.linetwin.model.StationSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The one failure rule, checked on every kind of equipment failures stop ({@link Failable}): a machine, an
 * assembly and a conveyor, each kept working without a pause (a machine that releases its own parts, an assembly
 * fed by two fast feeders, a belt fed a part a second). Times are constant, so every stop falls at an instant
 * worked out by hand; the stops are read from the trace.
 */
final class FailableContractTest {

    private static final double TOLERANCE_SECONDS = 1e-6;

    /** A kind of failable equipment, under the id {@code eq}, in a line that keeps it working. */
    enum Equipment {
        MACHINE(0) {
            @Override
            LineSpec line(List<FailureSpec> modes) {
                return LineSpec.builder("contract:machine")
                        .stations(StationSpec.machine("eq", constant(1)).withFailures(modes))
                        .build();
            }
        },
        ASSEMBLY(0.1) {
            @Override
            LineSpec line(List<FailureSpec> modes) {
                StationSpec assembly = StationSpec.assembly(
                                "eq", constant(1), List.of(new AssemblyInput("f1", 1), new AssemblyInput("f2", 1)))
                        .withFailures(modes);
                return LineSpec.builder("contract:assembly")
                        .stations(
                                StationSpec.machine("f1", constant(0.1)),
                                StationSpec.machine("f2", constant(0.1)),
                                assembly)
                        .buffers(new BufferSpec("b1", "f1", "eq", 5), new BufferSpec("b2", "f2", "eq", 5))
                        .build();
            }
        },
        CONVEYOR(1) {
            @Override
            LineSpec line(List<FailureSpec> modes) {
                return LineSpec.builder("contract:conveyor")
                        .stations(StationSpec.machine("m1", constant(1)), StationSpec.sink("out"))
                        .buffers(new BufferSpec("eq", "m1", "out", 100))
                        .conveyors(List.of(new ConveyorSpec("eq", 10, 1, 0, modes)))
                        .build();
            }

            @Override
            double downShare(ReplicationResult result) {
                return result.conveyors().get(0).downShare();
            }
        };

        /** When the equipment starts to work (its operating clock to run) and works on without a pause. */
        final double worksFromSeconds;

        Equipment(double worksFromSeconds) {
            this.worksFromSeconds = worksFromSeconds;
        }

        abstract LineSpec line(List<FailureSpec> modes);

        double downShare(ReplicationResult result) {
            return result.station("eq").orElseThrow().states().down();
        }
    }

    @ParameterizedTest
    @EnumSource(Equipment.class)
    void aFailureStopsTheEquipmentForItsRepairOnEveryClock(Equipment equipment) {
        for (FailureBasis basis : FailureBasis.values()) {
            double offset = basis == FailureBasis.OPERATING ? equipment.worksFromSeconds : 0;

            List<double[]> stops = stops(equipment, List.of(mode("jam", 100, 20, basis)), 400);

            assertStops(stops, offset + 100, offset + 120, offset + 220, offset + 240, offset + 340, offset + 360);
        }
    }

    @ParameterizedTest
    @EnumSource(Equipment.class)
    void theFirstFailureComesAfterFirstFailureThenEveryMtbf(Equipment equipment) {
        FailureSpec predicted =
                new FailureSpec("wear", constant(100), constant(20), FailureBasis.UP_TIME, Optional.of(constant(30)));

        assertStops(stops(equipment, List.of(predicted), 300), 30, 50, 150, 170, 270, 290);
    }

    @ParameterizedTest
    @EnumSource(Equipment.class)
    void aWallClockModeDueDuringAnotherRepairIsRepairedRightAfterIt(Equipment equipment) {
        FailureSpec a = mode("a", 100, 50, FailureBasis.WALL);
        FailureSpec b =
                new FailureSpec("b", constant(1_000), constant(10), FailureBasis.WALL, Optional.of(constant(120)));

        // b comes due at 120, during a's repair (100-150): its repair follows, so the stop lasts to 160.
        assertStops(stops(equipment, List.of(a, b), 320), 100, 160, 250, 300);
    }

    @ParameterizedTest
    @EnumSource(Equipment.class)
    void anUpTimeClockStandsStillDuringAnotherModesRepair(Equipment equipment) {
        FailureSpec a = mode("a", 100, 50, FailureBasis.WALL);
        FailureSpec b =
                new FailureSpec("b", constant(1_000), constant(10), FailureBasis.UP_TIME, Optional.of(constant(120)));

        // b's up clock reads 100 when a strikes and runs again from 150: it reaches 120 at 170.
        assertStops(stops(equipment, List.of(a, b), 320), 100, 150, 170, 180, 250, 300);
    }

    @ParameterizedTest
    @EnumSource(Equipment.class)
    void aWarmStartDuringARepairGoesOnAsTheRunWould(Equipment equipment) {
        LineSpec line = equipment.line(
                List.of(mode("jam", 100, 20, FailureBasis.UP_TIME), mode("slow", 250, 5, FailureBasis.WALL)));
        LineSimulation simulation = new LineSimulation(line).checkingInvariants();
        LineState duringRepair = simulation.snapshot(110, 1, 0, Instant.EPOCH);
        List<double[]> stops = new ArrayList<>();

        simulation.run(duringRepair, 0, 300, 1, 0, event -> record(event, stops));

        // Straight on: jam 100-120, slow due at 250 (wall) strikes 250-255, jam due at up time 200 = 225 ...
        assertStops(stops, 110, 120, 220, 240, 250, 255, 345, 365);
    }

    @ParameterizedTest
    @EnumSource(Equipment.class)
    void aWarmStartDuringARepairOnTheWallClockStrikesOnceAfterIt(Equipment equipment) {
        LineSpec line = equipment.line(List.of(mode("jam", 100, 20, FailureBasis.WALL)));
        LineSimulation simulation = new LineSimulation(line).checkingInvariants();
        LineState duringRepair = simulation.snapshot(110, 1, 0, Instant.EPOCH);
        List<double[]> stops = new ArrayList<>();

        simulation.run(duringRepair, 0, 300, 1, 0, event -> record(event, stops));

        // The mode under repair draws its next time when the repair ends (120): due at 220, then at 340. Before the
        // fix its first draw was also armed at the start and struck a second time.
        assertStops(stops, 110, 120, 220, 240, 340, 360);
    }

    @ParameterizedTest
    @EnumSource(Equipment.class)
    void theDownShareIsTheRepairsShareOfTheCycle(Equipment equipment) {
        LineSpec line = equipment.line(List.of(new FailureSpec(
                "jam", new Distribution.Exponential(100), new Distribution.Exponential(10), FailureBasis.UP_TIME)));

        ReplicationResult result = new LineSimulation(line).run(0, 2_000_000, 3, 0);

        // About 18,000 cycles: the share's standard error is about 0.0009.
        assertThat(equipment.downShare(result)).isCloseTo(10.0 / 110, within(0.004));
    }

    private static List<double[]> stops(Equipment equipment, List<FailureSpec> modes, double horizonSeconds) {
        List<double[]> stops = new ArrayList<>();
        new LineSimulation(equipment.line(modes))
                .checkingInvariants()
                .run(0, horizonSeconds, 1, 0, event -> record(event, stops));
        return stops;
    }

    /** Stop intervals of {@code eq}: a machine's server 0 going down and back, or the belt stopping and starting. */
    private static void record(TraceEvent event, List<double[]> stops) {
        boolean stopped;
        if (event instanceof TraceEvent.StateChanged change && change.station().equals("eq") && change.server() == 0) {
            stopped = change.state().equals("down");
        } else if (event instanceof TraceEvent.ConveyorStopped change
                && change.conveyor().equals("eq")) {
            stopped = change.stopped();
        } else {
            return;
        }
        boolean open = !stops.isEmpty() && Double.isNaN(stops.get(stops.size() - 1)[1]);
        if (stopped && !open) {
            stops.add(new double[] {event.timeSeconds(), Double.NaN});
        } else if (!stopped && open) {
            stops.get(stops.size() - 1)[1] = event.timeSeconds();
        }
    }

    /** {@code bounds}: start and end of each stop in turn. */
    private static void assertStops(List<double[]> stops, double... bounds) {
        assertThat(stops).as("stops").hasSize(bounds.length / 2);
        for (int i = 0; i < stops.size(); i++) {
            assertThat(stops.get(i)[0]).as("start of stop %d", i).isCloseTo(bounds[2 * i], within(TOLERANCE_SECONDS));
            assertThat(stops.get(i)[1]).as("end of stop %d", i).isCloseTo(bounds[2 * i + 1], within(TOLERANCE_SECONDS));
        }
    }

    private static FailureSpec mode(String name, double mtbfSeconds, double mttrSeconds, FailureBasis basis) {
        return new FailureSpec(name, constant(mtbfSeconds), constant(mttrSeconds), basis);
    }

    private static Distribution constant(double seconds) {
        return new Distribution.Constant(seconds);
    }
}
