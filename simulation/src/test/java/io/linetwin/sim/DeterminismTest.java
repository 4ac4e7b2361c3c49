package io.linetwin.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.model.LineSpec;
import org.junit.jupiter.api.Test;

final class DeterminismTest {

    @Test
    void theSameSeedAndReplicationGiveAnIdenticalResult() {
        LineSpec line = RandomLines.line(7);

        ReplicationResult first = LineSimulation.run(line, 200, 5_000, 42, 3);
        ReplicationResult second = LineSimulation.run(line, 200, 5_000, 42, 3);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void anotherReplicationIndexGivesAnotherResult() {
        LineSpec line = Lines.benchmark();

        ReplicationResult first = LineSimulation.run(line, 200, 5_000, 42, 0);
        ReplicationResult second = LineSimulation.run(line, 200, 5_000, 42, 1);

        assertThat(second.throughputPerHour()).isNotEqualTo(first.throughputPerHour());
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void anotherSeedGivesAnotherResult() {
        LineSpec line = Lines.benchmark();

        assertThat(LineSimulation.run(line, 200, 5_000, 43, 0))
                .isNotEqualTo(LineSimulation.run(line, 200, 5_000, 42, 0));
    }

    @Test
    void streamSeedsArePinnedSoEveryMachineDrawsTheSameNumbers() {
        RandomStreams streams = new RandomStreams(42, 3);

        long first = streams.stream("filler", RandomStreams.PROCESS).nextLong();
        long again =
                new RandomStreams(42, 3).stream("filler", RandomStreams.PROCESS).nextLong();
        long otherPurpose = streams.stream("filler", RandomStreams.SCRAP).nextLong();
        long otherStation = streams.stream("capper", RandomStreams.PROCESS).nextLong();

        assertThat(again).isEqualTo(first);
        assertThat(first).isEqualTo(PINNED_FILLER_PROCESS);
        assertThat(otherPurpose).isNotEqualTo(first);
        assertThat(otherStation).isNotEqualTo(first);
    }

    private static final long PINNED_FILLER_PROCESS = 4604132747407496780L;
}
