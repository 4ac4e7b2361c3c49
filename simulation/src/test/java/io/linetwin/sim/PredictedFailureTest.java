package io.linetwin.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.model.Distribution;
import io.linetwin.model.FailureBasis;
import io.linetwin.model.FailureSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.LineState;
import io.linetwin.model.MachineCondition;
import io.linetwin.model.StationSpec;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A health prediction replaces a failure mode's MTBF for the first failure only. */
final class PredictedFailureTest {

    private static final Distribution RARELY = new Distribution.Exponential(1e7);
    private static final Distribution LONG_REPAIR = new Distribution.Constant(1000);

    @Test
    void aPredictedFirstFailureStopsTheMachineWhenPredicted() {
        LineSpec predicted = line(Optional.of(new Distribution.Constant(100)));
        LineSpec usual = line(Optional.empty());

        LineState justBefore = new LineSimulation(predicted).snapshot(99, 1, 0, Instant.EPOCH);
        LineState justAfter = new LineSimulation(predicted).snapshot(101, 1, 0, Instant.EPOCH);
        LineState withoutPrediction = new LineSimulation(usual).snapshot(101, 1, 0, Instant.EPOCH);

        assertThat(justBefore.stations().get("press").condition()).isNotInstanceOf(MachineCondition.Down.class);
        assertThat(justAfter.stations().get("press").condition()).isInstanceOf(MachineCondition.Down.class);
        assertThat(withoutPrediction.stations().get("press").condition()).isNotInstanceOf(MachineCondition.Down.class);
    }

    @Test
    void laterFailuresFollowTheUsualMtbfAgain() {
        // First failure at 100 s, repaired at 1100 s; with an MTBF of 1e7 s the window [1100, 5100] has no
        // second failure in this seed: the machine works all of it (constant 1 s cycles, never starved/blocked).
        // The failure strikes before the part due at 100 s leaves, so that part leaves as the repair ends, at
        // 1100 s: the closed window counts it and the 4000 after it.
        ReplicationResult result =
                new LineSimulation(line(Optional.of(new Distribution.Constant(100)))).run(1100, 4000, 1, 0);

        assertThat(result.station("press").orElseThrow().states().down()).isZero();
        assertThat(result.station("press").orElseThrow().good()).isEqualTo(4001);
    }

    private static LineSpec line(Optional<Distribution> firstFailure) {
        StationSpec press = StationSpec.machine("press", new Distribution.Constant(1))
                .withFailures(
                        List.of(new FailureSpec("wear", RARELY, LONG_REPAIR, FailureBasis.UP_TIME, firstFailure)));
        return LineSpec.builder("test:press").stations(press).build();
    }
}
