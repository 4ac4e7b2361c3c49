package io.linetwin.render.scene;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.model.StationStatus;
import io.linetwin.render.Hud;
import io.linetwin.render.LineView;
import io.linetwin.render.ViewTimeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class PlaybackStateTest {

    private static LineView view(double t, int level) {
        return new LineView(t, Map.of("m1", StationStatus.WORKING), Map.of("b1", level), Map.of(), Hud.none());
    }

    @Test
    void simTimeAdvancesByFrameTimeTimesSpeedAndStopsAtTheLastView() {
        List<LineView> shown = new ArrayList<>();
        PlaybackState playback =
                new PlaybackState(new ViewTimeline(List.of(view(0, 0), view(100, 10))), 20, shown::add);

        playback.update(1f);
        playback.update(2f);
        playback.update(10f);

        assertThat(shown).extracting(LineView::simSeconds).containsExactly(20.0, 60.0, 100.0);
        assertThat(shown.get(1).bufferLevels()).containsEntry("b1", 6);
    }

    @Test
    void aPausedPlaybackHoldsItsViewAndViewsAppendedLaterArePlayed() {
        List<LineView> shown = new ArrayList<>();
        PlaybackState playback = new PlaybackState(new ViewTimeline(List.of(view(0, 0), view(10, 2))), 5, shown::add);

        playback.togglePause();
        playback.update(1f);
        playback.update(1f);
        playback.togglePause();
        playback.append(view(30, 4));
        playback.update(4f);

        assertThat(shown).extracting(LineView::simSeconds).containsExactly(0.0, 20.0);
        assertThat(playback.playhead()).isEqualTo(20.0);
    }

    @Test
    void followingShowsTheLatestViewAtOnceAndAPauseHoldsThePictureUntilResumed() {
        List<LineView> shown = new ArrayList<>();
        PlaybackState playback = new PlaybackState(new ViewTimeline(List.of(view(0, 0))), 1, shown::add);
        playback.update(0.1f);

        playback.follow(view(500, 7));
        playback.togglePause();
        playback.follow(view(900, 9));
        playback.update(1f);
        List<LineView> whilePaused = List.copyOf(shown);
        playback.togglePause();
        playback.update(1f);

        assertThat(whilePaused).extracting(LineView::simSeconds).containsExactly(0.0, 500.0);
        assertThat(shown).extracting(LineView::simSeconds).containsExactly(0.0, 500.0, 900.0);
        assertThat(shown.get(2).bufferLevels()).containsEntry("b1", 9);
    }
}
