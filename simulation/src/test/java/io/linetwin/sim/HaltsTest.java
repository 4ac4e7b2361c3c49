package io.linetwin.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.linetwin.model.FailureBasis;
import org.junit.jupiter.api.Test;

/**
 * Halting one machine by hand, causes overlapping: a failure at 30 s, the shift's end at 40 s, the repair at
 * 50 s, the next shift at 60 s. The part in process freezes once (at the first cause) and resumes with its
 * remaining time when the last cause ends; the state times, up clock and operating clock follow by hand.
 */
final class HaltsTest {

    private static final double EPS = 1e-9;

    @Test
    void overlappingCausesFreezeOnceAndThawWhenTheLastEnds() {
        StationStats stats = new StationStats(0, 1, new BottleneckDetector(1));
        Machine machine = startedWithOnePartIn(stats);
        assertThat(machine.halted()).isFalse();

        machine.fail(30);
        assertThat(machine.halted()).isTrue();
        assertThat(machine.isDown()).isTrue();
        assertThat(machine.canAccept()).isFalse();
        assertThat(machine.remainingSeconds(0, 30)).isCloseTo(70, within(EPS));

        machine.shiftEnds(40);
        assertThat(machine.isOffShift()).isTrue();
        assertThat(machine.remainingSeconds(0, 40))
                .as("frozen once, at the failure")
                .isCloseTo(70, within(EPS));

        machine.repaired(50);
        assertThat(machine.isDown()).isFalse();
        assertThat(machine.halted()).as("still off shift").isTrue();
        assertThat(machine.remainingSeconds(0, 50)).isCloseTo(70, within(EPS));

        machine.shiftStarts(60);
        assertThat(machine.halted()).isFalse();
        assertThat(machine.remainingSeconds(0, 65))
                .as("resumed at 60 with 70 s left")
                .isCloseTo(65, within(EPS));

        stats.accumulate(100);
        assertThat(stats.seconds(ServerState.WORKING)).isCloseTo(30 + 40, within(EPS));
        assertThat(stats.seconds(ServerState.DOWN))
                .as("down from the failure to the repair")
                .isCloseTo(20, within(EPS));
        assertThat(stats.seconds(ServerState.OFF_SHIFT))
                .as("off shift from the repair to the shift")
                .isCloseTo(10, within(EPS));
        assertThat(machine.clockFor(FailureBasis.UP_TIME).valueAt(100))
                .as("up time stops only under repair")
                .isCloseTo(30 + 50, within(EPS));
        assertThat(machine.clockFor(FailureBasis.OPERATING).valueAt(100))
                .as("operating time stops while halted")
                .isCloseTo(30 + 40, within(EPS));
    }

    @Test
    void aPlannedStopWaitingForThePartKeepsNewPartsOutWithoutHalting() {
        Machine machine = startedWithOnePartIn(new StationStats(0, 2, new BottleneckDetector(1)));
        assertThat(machine.canAccept()).as("one idle server").isTrue();

        machine.stopWaitsForPart();
        assertThat(machine.halted()).isFalse();
        assertThat(machine.canAccept()).isFalse();
        assertThat(machine.partsInProcess()).isEqualTo(1);

        machine.stopBegins(10);
        assertThat(machine.halted()).isTrue();
        assertThat(machine.remainingSeconds(0, 10)).isCloseTo(90, within(EPS));
    }

    /** A machine with as many servers as {@code stats} counts, started at 0 s with one part 100 s from done. */
    private static Machine startedWithOnePartIn(StationStats stats) {
        Model model = new Model(1, false, null, new String[] {"a"}, 0);
        model.beginAt(0);
        int servers = stats.serversIn(ServerState.STARVED);
        Machine machine = new Machine(
                model, "m", servers, new MachineParameters(null, 1, 1, null, null, 0, null, null, null, null), stats);
        machine.connect(() -> {}, (Downstream) null);
        machine.restoreServer(0, new Part(1, 0, 0), ServerState.WORKING, 100, 0);
        machine.start(0);
        return machine;
    }
}
