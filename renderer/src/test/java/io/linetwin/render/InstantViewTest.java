package io.linetwin.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.model.LineSpec;
import io.linetwin.model.LineState;
import io.linetwin.sim.LineSimulation;
import io.linetwin.sim.ReplicationResult;
import java.time.Instant;
import org.junit.jupiter.api.Test;

final class InstantViewTest {

    @Test
    void showsEachMachinesStateAndEachBuffersLevelAtTheInstant() {
        LineSpec line = Lines.chain(5);
        LineSimulation simulation = new LineSimulation(line);
        LineState state = simulation.snapshot(1800, 7, 0, Instant.EPOCH);
        ReplicationResult upTo = simulation.run(60, 1740, 7, 0);

        LineView view = LineView.atInstant(line, state, upTo);

        assertThat(view.simSeconds()).isEqualTo(1800);
        assertThat(view.stations()).containsOnlyKeys("m1", "m2", "m3");
        view.stations()
                .forEach((id, shown) -> assertThat(shown)
                        .isEqualTo(state.stations().get(id).condition().status()));
        assertThat(view.bufferLevels())
                .containsOnlyKeys(line.buffers().stream().map(b -> b.id()).toArray(String[]::new));
        view.bufferLevels().forEach((id, level) -> {
            var contents = state.buffers().get(id);
            assertThat(level).isEqualTo(contents == null ? 0 : contents.total());
        });
        assertThat(view.bufferLevels().values().stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .as("a loaded line has parts waiting somewhere")
                .isPositive();
        assertThat(view.kpis().throughputPerHour()).isEqualTo(upTo.throughputPerHour());
        assertThat(view.kpis().caption()).isEqualTo("state at 00:30:00; KPIs over 00:01:00 .. 00:30:00");
    }
}
