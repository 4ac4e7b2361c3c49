package io.linetwin.sim;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linetwin.model.BufferContents;
import io.linetwin.model.BufferSpec;
import io.linetwin.model.Distribution;
import io.linetwin.model.LineSpec;
import io.linetwin.model.LineState;
import io.linetwin.model.StationSpec;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class RequireFitsTest {

    private static final LineSpec LINE = LineSpec.builder("test:pair")
            .stations(
                    StationSpec.machine("m1", new Distribution.Constant(1)),
                    StationSpec.machine("m2", new Distribution.Constant(2)))
            .buffers(new BufferSpec("b", "m1", "m2", 3))
            .build();

    @Test
    void aStateTakenFromTheLineFitsIt() {
        LineState state = new LineSimulation(LINE).snapshot(50, 1, 0, Instant.EPOCH);

        assertThatCode(() -> new LineSimulation(LINE).requireFits(state)).doesNotThrowAnyException();
    }

    @Test
    void moreWaitingPartsThanTheBufferHoldsDoNotFit() {
        LineState taken = new LineSimulation(LINE).snapshot(50, 1, 0, Instant.EPOCH);
        Map<String, BufferContents> buffers = new HashMap<>(taken.buffers());
        buffers.put("b", new BufferContents(Map.of("", 4)));
        LineState overfull = new LineState(
                taken.capturedAt(),
                taken.clockSeconds(),
                taken.stations(),
                buffers,
                taken.parameters(),
                taken.materialStocks());

        assertThatThrownBy(() -> new LineSimulation(LINE).requireFits(overfull))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("state buffer b holds at most 3 parts, got 4");
    }
}
