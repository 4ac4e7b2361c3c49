package io.linetwin.loop.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.loop.Lines;
import io.linetwin.loop.LoopKpi;
import io.linetwin.loop.TwinView;
import io.linetwin.loop.gate.GateSettings;
import io.linetwin.loop.whatif.WhatIfSettings;
import io.linetwin.model.Scenario;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.LineDescriptors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When the live loop runs a what-if, on the press line's twin fed message by message: every hour of line time, and on
 * the events of issue 12 — a machine down, a buffer above 90 %, a health alarm — at most once per 10 min of line
 * time, each on its rising edge.
 */
final class TriggersTest {

    private static final Instant T = Instant.parse("2026-11-30T08:00:00Z");

    private StoreFeed twin;
    private LineDescriptor descriptor;
    private Triggers triggers;
    private long revision;

    @BeforeEach
    void pressLine() throws Exception {
        Scenario scenario = Lines.pressLine();
        descriptor = LineDescriptors.of(scenario.line());
        twin = new StoreFeed(descriptor, Clock.systemUTC());
        // every 1h, event gap 10 min, buffer alarm 90 %, RUL alarm 8h
        LoopSettings settings = new LoopSettings(
                3600,
                600,
                0.9,
                8 * 3600,
                1800,
                new WhatIfSettings(4 * 3600, 8, 2, LoopKpi.THROUGHPUT, 0.01, List.of()),
                new GateSettings(1800, 4 * 3600),
                Duration.ofMinutes(2),
                OptionalDouble.empty(),
                Optional.empty(),
                false);
        triggers = new Triggers(scenario.line(), settings);
        assertThat(due(T)).contains("start");
        triggers.ran(T);
    }

    private Optional<String> due(Instant now, String... wentDown) {
        return triggers.due(now, new TwinView(twin.store().snapshot(), descriptor), Set.of(wentDown));
    }

    private void blanks(int parts, Instant at) {
        twin.event("b-blanks", "buffer", "levels", "{\"bracket\":" + parts + "}", ++revision, at);
    }

    private static Instant minutes(long m) {
        return T.plusSeconds(60 * m);
    }

    @Test
    void everyHourOfLineTimeAndNotBefore() {
        assertThat(due(minutes(59))).isEmpty();
        assertThat(due(minutes(60))).contains("every 1h");
        triggers.ran(minutes(60));
        assertThat(due(minutes(119))).isEmpty();
        assertThat(due(minutes(120))).contains("every 1h");
    }

    @Test
    void aMachineGoingDownTriggersButASourceOrSinkDoesNot() {
        assertThat(due(minutes(5), "coil", "racks")).as("neither is a machine").isEmpty();
        assertThat(due(minutes(6), "press")).contains("press went down");
    }

    @Test
    void aBufferAboveNinetyPercentTriggersOnceUntilItDropsBelowAgain() {
        blanks(10, minutes(1));
        assertThat(due(minutes(1))).as("10 of 12 is 83 %").isEmpty();
        blanks(11, minutes(2));
        assertThat(due(minutes(2))).as("11 of 12 is 92 %").contains("b-blanks above 90 %");
        triggers.ran(minutes(2));

        blanks(12, minutes(20));
        assertThat(due(minutes(20))).as("still full: no new edge").isEmpty();
        blanks(4, minutes(25));
        assertThat(due(minutes(25))).isEmpty();
        blanks(12, minutes(30));
        assertThat(due(minutes(30))).contains("b-blanks above 90 %");
    }

    @Test
    void aRemainingUsefulLifeBelowTheAlarmTriggersAHealthAlarm() {
        twin.event(
                "press", "health", "rul", "{\"seconds\":36000,\"at\":\"" + minutes(1) + "\"}", ++revision, minutes(1));
        assertThat(due(minutes(1))).as("10 h is above the 8 h alarm").isEmpty();
        twin.event(
                "press", "health", "rul", "{\"seconds\":18000,\"at\":\"" + minutes(2) + "\"}", ++revision, minutes(2));
        assertThat(due(minutes(2))).contains("press health alarm (RUL 5h)");
    }

    @Test
    void eventsCloserThanTheGapRunOneWhatIf() {
        assertThat(due(minutes(1), "press")).contains("press went down");
        triggers.ran(minutes(1));
        assertThat(due(minutes(5), "washer")).as("4 min after the last event").isEmpty();
        assertThat(due(minutes(12), "washer")).contains("washer went down");
    }
}
