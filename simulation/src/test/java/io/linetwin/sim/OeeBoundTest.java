package io.linetwin.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.linetwin.model.LineSpec;
import io.linetwin.model.ParameterSpec;
import io.linetwin.model.StationSpec;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * OEE (Nakajima: availability × performance × quality) can never exceed 1. It did: performance summed each
 * finished part's mean cycle time, so cycles drawn shorter than their mean, and parts started before the window
 * but finished in it, counted more ideal time than the station ran.
 */
final class OeeBoundTest {

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 200);
    }

    @ParameterizedTest(name = "line seed {0}")
    @MethodSource("seeds")
    void everyFactorOfOeeLiesBetweenZeroAndOneOverRandomLinesAndWindows(long seed) {
        LineSpec line = RandomLines.line(seed);
        // Short windows make the edges count: a part in process when the window opens is finished inside it.
        for (double horizon : new double[] {13, 50, 300, 1500}) {
            ReplicationResult result = new LineSimulation(line).run(37, horizon, seed * 31, 0);
            assertThat(result.stations()).allSatisfy(station -> {
                String what = station.id() + " of " + line.id() + " over " + horizon + " s";
                assertThat(station.availability())
                        .as("availability of %s", what)
                        .isBetween(0.0, 1.0);
                assertThat(station.performance()).as("performance of %s", what).isBetween(0.0, 1.0);
                assertThat(station.quality()).as("quality of %s", what).isBetween(0.0, 1.0);
                assertThat(station.oee())
                        .as("OEE of %s", what)
                        .isBetween(0.0, 1.0)
                        .isCloseTo(station.availability() * station.performance() * station.quality(), within(1e-12));
            });
        }
    }

    @Test
    void aMachineWorkingWithoutPauseAtItsRatedSpeedHasPerformanceOne() {
        // Exponential cycles (mean 1 s) on a machine never starved or blocked: before the fix performance was the
        // count of finished parts over the working seconds, about 1 but often above it.
        LineSpec line = Lines.chain(List.of(StationSpec.machine("m", Lines.exponential(1.0))));
        for (long seed = 1; seed <= 20; seed++) {
            StationResult m =
                    new LineSimulation(line).run(10, 100, seed, 0).station("m").orElseThrow();
            assertThat(m.availability()).isEqualTo(1.0);
            assertThat(m.performance()).as("seed %d", seed).isEqualTo(1.0);
            assertThat(m.oee()).isEqualTo(1.0);
        }
    }

    @Test
    void runningBelowTheRatedSpeedIsASpeedLoss() {
        // Speed 0.8 of a rated (maximum) 1.0: Nakajima's reduced-speed loss, performance 0.8 while always working.
        ParameterSpec speed =
                new ParameterSpec(0.8, OptionalDouble.of(0.5), OptionalDouble.of(1.0), OptionalDouble.empty());
        LineSpec line = Lines.chain(List.of(
                StationSpec.machine("m", Lines.constant(1.0)).withParameters(Map.of(StationSpec.SPEED, speed))));

        StationResult m =
                new LineSimulation(line).run(10, 1000, 3, 0).station("m").orElseThrow();

        assertThat(m.states().working()).isEqualTo(1.0);
        assertThat(m.performance()).isCloseTo(0.8, within(1e-12));
        assertThat(m.oee()).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void aSpeedWithoutAMaximumIsItsOwnRatedSpeed() {
        LineSpec line = Lines.chain(List.of(StationSpec.machine("m", Lines.constant(1.0))
                .withParameters(Map.of(StationSpec.SPEED, ParameterSpec.of(1.3)))));

        StationResult m =
                new LineSimulation(line).run(10, 1000, 3, 0).station("m").orElseThrow();

        assertThat(m.performance()).isEqualTo(1.0);
    }
}
