package io.linetwin.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linetwin.model.StationStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ViewTimelineTest {

    private static LineView view(double t, StationStatus m1, int level, double risk) {
        return new LineView(t, Map.of("m1", m1), Map.of("b1", level), Map.of("m1", risk), Hud.none());
    }

    @Test
    void statesStepWhileLevelsAndRiskGlide() {
        ViewTimeline timeline = new ViewTimeline(
                List.of(view(0, StationStatus.WORKING, 0, 0.0), view(100, StationStatus.DOWN, 10, 0.5)));

        LineView middle = timeline.at(25);

        assertThat(middle.simSeconds()).isEqualTo(25);
        assertThat(middle.stations()).containsEntry("m1", StationStatus.WORKING);
        assertThat(middle.bufferLevels()).containsEntry("b1", 3);
        assertThat(middle.healthRisk().get("m1")).isEqualTo(0.125);
        assertThat(timeline.at(100).stations()).containsEntry("m1", StationStatus.DOWN);
    }

    @Test
    void timesOutsideTheTimelineHoldItsEnds() {
        ViewTimeline timeline =
                new ViewTimeline(List.of(view(10, StationStatus.WORKING, 1, 0), view(20, StationStatus.BLOCKED, 2, 0)));

        assertThat(timeline.at(0).simSeconds()).isEqualTo(10);
        assertThat(timeline.at(99).stations()).containsEntry("m1", StationStatus.BLOCKED);
    }

    @Test
    void viewsOutOfTimeOrderAreRefused() {
        assertThatThrownBy(() -> new ViewTimeline(
                        List.of(view(20, StationStatus.WORKING, 1, 0), view(10, StationStatus.WORKING, 1, 0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("time order");
    }

    @Test
    void aViewRefusesNegativeLevelsAndRisksOutsideZeroToOne() {
        assertThatThrownBy(() -> new LineView(0, Map.of(), Map.of("b1", -1), Map.of(), Hud.none()))
                .hasMessage("buffer b1 level must be >= 0, got -1");
        assertThatThrownBy(() -> new LineView(0, Map.of(), Map.of(), Map.of("m1", 1.5), Hud.none()))
                .hasMessage("health risk of m1 must be in [0, 1], got 1.5");
    }
}
