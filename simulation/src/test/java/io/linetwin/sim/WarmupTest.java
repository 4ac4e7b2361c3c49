package io.linetwin.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.linetwin.model.LineSpec;
import io.linetwin.model.StationSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deterministic lines whose window statistics can be worked out by hand. */
final class WarmupTest {

    @Test
    void onlyPartsLeavingInsideTheClosedWindowCount() {
        // One machine, 2 s per part, never starved or blocked: parts leave at 2, 4, 6, ... The window [4, 14]
        // is closed, so the parts leaving at 4 and 14 both count: 6 parts in 10 s.
        LineSpec line = Lines.chain(List.of(StationSpec.machine("m", Lines.constant(2.0))));

        ReplicationResult result = LineSimulation.run(line, 4, 10, 1, 0);

        assertThat(result.throughputPerHour()).isCloseTo(6 * 360.0, within(1e-9));
        assertThat(result.leadTimeSeconds()).isCloseTo(2.0, within(1e-9));
        assertThat(result.wip()).isCloseTo(1.0, within(1e-9));
        assertThat(result.station("m").orElseThrow().states().working()).isCloseTo(1.0, within(1e-9));
        assertThat(result.totals().goodOut()).isEqualTo(7);
    }

    @Test
    void theWarmupTransientIsLeftOutOfEveryStatistic() {
        // m1 (1 s) feeds m2 (2 s) through a buffer of capacity 0. After the first part, m1 alternates 1 s of
        // work with 1 s blocked, m2 always works, two parts are in the line, and each part takes 4 s. The first
        // part's 3 s and m1's first seconds fall in the warm-up.
        LineSpec line = Lines.chain(
                List.of(StationSpec.machine("m1", Lines.constant(1.0)), StationSpec.machine("m2", Lines.constant(2.0))),
                0);

        ReplicationResult result = LineSimulation.run(line, 10, 100, 1, 0);

        StationResult first = result.station("m1").orElseThrow();
        StationResult second = result.station("m2").orElseThrow();
        assertThat(result.throughputPerHour()).isCloseTo(50 * 36.0, within(1e-9));
        assertThat(result.leadTimeSeconds()).isCloseTo(4.0, within(1e-9));
        assertThat(result.wip()).isCloseTo(2.0, within(1e-9));
        assertThat(first.states().working()).isCloseTo(0.5, within(1e-9));
        assertThat(first.states().blocked()).isCloseTo(0.5, within(1e-9));
        assertThat(second.states().working()).isCloseTo(1.0, within(1e-9));
        assertThat(second.good()).isEqualTo(50);
        assertThat(result.bottleneck()).contains("m2");
        assertThat(second.oee()).isCloseTo(1.0, within(1e-9));
        // m1 finishes at 10, 12, ..., 110: 51 parts in the closed window of 100 s, but it worked 50 s of it; OEE
        // counts the time worked (it was 0.51, a part begun before the window counted whole).
        assertThat(first.good()).isEqualTo(51);
        assertThat(first.oee()).isCloseTo(0.5, within(1e-9));
    }
}
