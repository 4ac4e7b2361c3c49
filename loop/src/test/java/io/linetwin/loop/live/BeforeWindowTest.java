package io.linetwin.loop.live;

import static io.linetwin.loop.live.ThroughputMeterTest.counter;
import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.loop.Lines;
import io.linetwin.model.Scenario;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.LineDescriptors;
import io.linetwin.twin.TwinStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A confirmed change's "before" rate needs a minimum of history: 100 parts counted over 4 minutes is no rate to set
 * beside hours after the change. Counters at T, then every 10 min: the press line's packer makes 120 parts/h before
 * the change at T + 1 h and 180/h after it.
 */
final class BeforeWindowTest {

    private static final Instant T = Instant.parse("2026-11-30T06:00:00Z");
    private static final double LOOK_AHEAD = 8 * 3600;

    private static ThroughputMeter meterWithHistory() throws Exception {
        Scenario scenario = Lines.pressLine();
        LineDescriptor things = LineDescriptors.of(scenario.line());
        TwinStore store = TwinStore.of(things, Clock.fixed(T, ZoneOffset.UTC));
        ThroughputMeter meter = new ThroughputMeter(scenario.line(), things);
        store.addListener(meter::observe);
        long good = 0;
        for (int minute = 0; minute <= 180; minute += 10) {
            store.apply(counter("packer", good, minute / 10 + 1, T.plusSeconds(60L * minute)));
            good += minute < 60 ? 20 : 30;
        }
        return meter;
    }

    /** The change sent and confirmed at T + {@code seconds}, measured to T + 3 h. */
    private static LiveSummary.Measured changedAt(long seconds, double minBeforeSeconds) throws Exception {
        Instant change = T.plusSeconds(seconds);
        return LiveSummary.measure(
                meterWithHistory(),
                change,
                change,
                T.plusSeconds(3 * 3600),
                LOOK_AHEAD,
                minBeforeSeconds,
                Optional.empty());
    }

    @Test
    void exactlyTheMinimumOfHistoryGivesTheRate() throws Exception {
        LiveSummary.Measured m = changedAt(3600, 3600);

        assertThat(m.beforeSeconds()).isEqualTo(3600);
        assertThat(m.before()).hasValue(120);
        assertThat(m.beforeMissing()).isEmpty();
        assertThat(m.after()).hasValue(180);
    }

    @Test
    void lessThanTheMinimumSaysSoInsteadOfARate() throws Exception {
        LiveSummary.Measured m = changedAt(3600, 3660);

        assertThat(m.beforeSeconds()).isEqualTo(3600);
        assertThat(m.before()).isEmpty();
        assertThat(m.beforeMissing()).hasValue("not enough history before the change: 1h of 61m needed");
        assertThat(m.after()).hasValue(180);
    }

    @Test
    void aChangeInTheFirstMinutesHasNoBeforeRateUnderTheDefault() throws Exception {
        LiveSummary.Measured m = changedAt(600, LoopSettings.DEFAULT_MIN_BEFORE_SECONDS);

        assertThat(m.before()).isEmpty();
        assertThat(m.beforeMissing()).hasValue("not enough history before the change: 10m of 1h needed");
    }
}
