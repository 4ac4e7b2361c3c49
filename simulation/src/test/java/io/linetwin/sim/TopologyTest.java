package io.linetwin.sim;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linetwin.model.BufferSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.OnFull;
import io.linetwin.model.StationSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class TopologyTest {

    private static final StationSpec UNLIMITED_SOURCE = StationSpec.source("in", Optional.empty(), OnFull.BLOCK);

    @Test
    void anUnlimitedSourceMayNotFillAnUnlimitedBuffer() {
        LineSpec line = Lines.chain(List.of(UNLIMITED_SOURCE, StationSpec.machine("m", Lines.constant(1))),
                BufferSpec.UNLIMITED);

        assertThatThrownBy(() -> new LineSimulation(line)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("source in with unlimited supply must feed a finite buffer, got unlimited b-in-m");
    }

    @Test
    void anUnlimitedSourceMayNotFeedASinkDirectly() {
        LineSpec line = Lines.chain(List.of(UNLIMITED_SOURCE, StationSpec.sink("out")), 3);

        assertThatThrownBy(() -> new LineSimulation(line)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("source in with unlimited supply must feed a machine, got sink out");
    }

    @Test
    void aStationWithTwoOutboundBuffersNeedsRoutes() {
        assertThatThrownBy(() -> new LineSpec("fork", List.of(), List.of(StationSpec.machine("a", Lines.constant(1)),
                StationSpec.machine("b", Lines.constant(1)), StationSpec.machine("c", Lines.constant(1))),
                List.of(Lines.buffer("a", "b", 1), Lines.buffer("a", "c", 1)), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("station a routes must go to each of its outbound buffers [b-a-b, b-a-c] (at least two),"
                        + " got []");
    }

    @Test
    void aCycleIsRejected() {
        LineSpec line = new LineSpec("ring", List.of(), List.of(StationSpec.machine("a", Lines.constant(1)),
                StationSpec.machine("b", Lines.constant(1))),
                List.of(Lines.buffer("a", "b", 1), Lines.buffer("b", "a", 1)), Map.of());

        assertThatThrownBy(() -> new LineSimulation(line)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line ring must loop only through a quality gate (routes by share), got a loop through a");
    }

    @Test
    void aMachineThatTakesNoTimeIsRejected() {
        LineSpec line = Lines.chain(List.of(StationSpec.machine("m", Lines.constant(0))));

        assertThatThrownBy(() -> new LineSimulation(line)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("station m process must have a mean > 0 seconds, got 0.0");
    }

    @Test
    void aSinkCannotFeedAnything() {
        LineSpec line = Lines.chain(List.of(StationSpec.sink("out"), StationSpec.machine("m", Lines.constant(1))), 1);

        assertThatThrownBy(() -> new LineSimulation(line)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sink out must have no outbound buffer, got b-out-m");
    }
}
