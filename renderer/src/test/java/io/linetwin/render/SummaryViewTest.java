package io.linetwin.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.model.LineSpec;
import io.linetwin.model.StationStatus;
import io.linetwin.sim.LineSimulation;
import io.linetwin.sim.ReplicationResult;
import io.linetwin.sim.StateShares;
import org.junit.jupiter.api.Test;

final class SummaryViewTest {

    @Test
    void eachMachineShowsItsDominantStateAndTheHudTheWindowsKpis() {
        LineSpec line = Lines.chain(5);
        ReplicationResult result = LineSimulation.run(line, 60, 3600, 7, 0);

        LineView view = LineView.fromReplication(line, result);

        assertThat(view.simSeconds()).isEqualTo(3660);
        assertThat(view.stations()).containsOnlyKeys("m1", "m2", "m3");
        result.stations()
                .forEach(s -> assertThat(view.stations().get(s.id())).isEqualTo(SummaryView.dominant(s.states())));
        assertThat(view.kpis().throughputPerHour()).isEqualTo(result.throughputPerHour());
        assertThat(view.kpis().bottleneck()).isEqualTo(result.bottleneck());
        assertThat(view.kpis().caption()).startsWith("summary of window 00:01:00 .. 01:01:00");
        assertThat(view.bufferLevels()).isEmpty();
    }

    @Test
    void theDominantStateIsTheLargestShare() {
        assertThat(SummaryView.dominant(new StateShares(0.2, 0.1, 0.1, 0.5, 0.1, 0)))
                .isEqualTo(StationStatus.DOWN);
        assertThat(SummaryView.dominant(new StateShares(0.3, 0.3, 0.4, 0, 0, 0)))
                .isEqualTo(StationStatus.STARVED);
    }
}
