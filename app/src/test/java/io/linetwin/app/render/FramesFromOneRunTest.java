package io.linetwin.app.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.linetwin.render.LineView;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code render --frames} samples one traced run at the frames' instants; each frame must show what a picture of
 * that instant alone (its own run to t) shows: the same machine states, buffer levels and AGVs, and the same KPIs.
 */
final class FramesFromOneRunTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bottling-line", "smt-line"})
    void everyFrameShowsWhatASinglePictureOfItsInstantShows(String name) throws Exception {
        RenderScenario input = RenderScenario.load(Path.of("..", "scenarios", name + ".yaml"), "baseline", null);
        InstantViews views = new InstantViews(input.line(), input.experiment());
        double from = 2 * 3600;
        double to = input.experiment().warmupSeconds() + 10 * 3600;

        List<LineView> frames = views.between(from, to, 6);

        assertThat(frames).hasSize(6);
        for (LineView frame : frames) {
            LineView alone = views.at(frame.simSeconds());
            assertThat(frame.stations()).as("states at %s", frame.simSeconds()).isEqualTo(alone.stations());
            assertThat(frame.bufferLevels())
                    .as("levels at %s", frame.simSeconds())
                    .isEqualTo(alone.bufferLevels());
            assertThat(frame.movers()).as("movers at %s", frame.simSeconds()).isEqualTo(alone.movers());
            assertThat(frame.kpis().throughputPerHour())
                    .as("throughput at %s", frame.simSeconds())
                    .isCloseTo(alone.kpis().throughputPerHour(), within(1e-6));
            assertThat(frame.kpis().wip())
                    .as("WIP at %s", frame.simSeconds())
                    .isCloseTo(
                            alone.kpis().wip(),
                            within(1e-6 + 1e-9 * alone.kpis().wip()));
        }
    }
}
