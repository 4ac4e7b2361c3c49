package io.linetwin.loop.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.loop.Lines;
import io.linetwin.model.Scenario;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.LineDescriptors;
import io.linetwin.twin.TwinStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

final class ThroughputMeterTest {

    private static final Instant T = Instant.parse("2026-11-30T06:00:00Z");

    static String counter(String thing, long good, long revision, Instant at) {
        return "{\"topic\":\"plant3/press." + thing + "/things/twin/events/modified\",\"headers\":{},"
                + "\"path\":\"/features/counters/properties/good\",\"value\":" + good + ",\"revision\":" + revision
                + ",\"timestamp\":\"" + at + "\"}";
    }

    @Test
    void theLinesOutputIsTheLastMachinesGoodCounterOverLineTime() throws Exception {
        Scenario scenario = Lines.pressLine();
        LineDescriptor things = LineDescriptors.of(scenario.line());
        TwinStore store = TwinStore.of(things, Clock.fixed(T, ZoneOffset.UTC));
        ThroughputMeter meter = new ThroughputMeter(scenario.line(), things);
        store.addListener(meter::observe);

        store.apply(counter("packer", 10, 1, T));
        store.apply(counter("washer", 500, 1, T.plusSeconds(900))); // not an exit: the washer feeds the packer
        store.apply(counter("packer", 70, 2, T.plusSeconds(1800)));
        store.apply(counter("packer", 130, 3, T.plusSeconds(3600)));

        assertThat(meter.perHour(T, T.plusSeconds(3600))).hasValue(120);
        assertThat(meter.perHour(T.minusSeconds(7200), T.plusSeconds(1800))).hasValue(120);
        assertThat(meter.coveredSeconds(T.minusSeconds(7200), T.plusSeconds(1800)))
                .isEqualTo(1800);
        assertThat(meter.perHour(T.plusSeconds(1800), T.plusSeconds(1800))).isEmpty();
    }
}
