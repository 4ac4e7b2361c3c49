package io.linetwin.app.emulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.sim.TraceEvent;
import io.linetwin.twin.EquipmentDescriptor;
import io.linetwin.twin.EquipmentKind;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.TwinStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.ditto.things.model.signals.events.FeaturePropertyModified;
import org.junit.jupiter.api.Test;

final class TraceToDittoTest {

    static final Instant START = Instant.parse("2026-11-30T06:00:00Z");

    final LineDescriptor line = LineDescriptor.of(
            "plant1:bottling",
            List.of(
                    new EquipmentDescriptor(
                            "filler",
                            EquipmentKind.MACHINE,
                            OptionalInt.empty(),
                            Map.of("speed", 1.0),
                            Map.of(),
                            List.of("temperature")),
                    EquipmentDescriptor.of("out", EquipmentKind.SINK)));
    final RecordingSink sink = new RecordingSink();
    final List<String> told = new ArrayList<>();
    final TraceToDitto trace = new TraceToDitto(
            new DittoEventWriter(line, sink),
            new EmulatedClock(START),
            (station, t, state) -> told.add(station + "@" + t + "=" + state));

    private List<String> events() {
        return sink.signals.stream()
                .map(s -> (FeaturePropertyModified) s)
                .map(m -> m.getEntityId() + " " + m.getFeatureId() + m.getPropertyPointer() + "=" + m.getPropertyValue()
                        + " r" + m.getRevision() + " " + m.getTimestamp().orElseThrow())
                .toList();
    }

    @Test
    void aStateChangePublishesStateAndSinceAtTheEmulatedInstant() {
        trace.accept(new TraceEvent.StateChanged(90.5, "filler", 0, "down"));
        assertThat(events())
                .containsExactly(
                        "plant1:bottling.filler status/state=\"down\" r1 2026-11-30T06:01:30.500Z",
                        "plant1:bottling.filler status/since=\"2026-11-30T06:01:30.500Z\" r2 2026-11-30T06:01:30.500Z");
        assertThat(told).containsExactly("filler@90.5=down");
    }

    @Test
    void serversAggregateToTheMostActiveAndRepeatsAreNotPublished() {
        trace.accept(new TraceEvent.StateChanged(1, "filler", 0, "starved"));
        trace.accept(new TraceEvent.StateChanged(2, "filler", 1, "working"));
        trace.accept(new TraceEvent.StateChanged(3, "filler", 0, "blocked"));
        trace.accept(new TraceEvent.StateChanged(4, "filler", 1, "working"));
        assertThat(told).containsExactly("filler@1.0=starved", "filler@2.0=working");
        assertThat(sink.signals).hasSize(4);
    }

    @Test
    void partMovementsAndFeaturesAThingLacksPublishNothing() {
        trace.accept(new TraceEvent.PartMoved(1, 7, "b1", "filler"));
        trace.accept(new TraceEvent.PartFinished(2, 7, "litre", "out", 2));
        trace.accept(new TraceEvent.StateChanged(3, "out", 0, "working"));
        assertThat(sink.signals).isEmpty();
    }

    @Test
    void theTwinAcceptsEveryEventAsNewer() {
        TwinStore twin = TwinStore.of(line, Clock.fixed(START, ZoneOffset.UTC));
        trace.accept(new TraceEvent.StateChanged(1, "filler", 0, "working"));
        trace.accept(new TraceEvent.StateChanged(5, "filler", 0, "setup"));
        sink.json.forEach(twin::apply);
        assertThat(twin.stats().applied()).isEqualTo(4);
        assertThat(TwinMatch.property(
                                twin.snapshot()
                                        .get(line.thingIdOf("filler"))
                                        .orElseThrow()
                                        .thing(),
                                "status",
                                "state")
                        .orElseThrow()
                        .asString())
                .isEqualTo("setup");
    }
}
