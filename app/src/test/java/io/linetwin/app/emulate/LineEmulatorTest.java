package io.linetwin.app.emulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.model.LineSpec;
import io.linetwin.scenario.ScenarioLoader;
import io.linetwin.sim.LineSimulation;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.LineDescriptors;
import io.linetwin.twin.TwinEvent;
import io.linetwin.twin.TwinStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.ditto.things.model.signals.events.FeaturePropertyModified;
import org.junit.jupiter.api.Test;

final class LineEmulatorTest {

    static final Instant START = Instant.parse("2026-11-30T06:00:00Z");

    /** START is Monday 06:00, the bottling line's experiment start: its first shift begins at t = 0. */
    static final double START_SECONDS_OF_WEEK = 6 * 3600;

    static LineSpec bottling() throws Exception {
        Path file = Path.of("..", "scenarios", "bottling-line.yaml");
        return ScenarioLoader.load(file).line();
    }

    static LineSimulation simulationOf(LineSpec line) {
        return new LineSimulation(line).startingAt(START_SECONDS_OF_WEEK);
    }

    @Test
    void aListenerHearsTheEngineTimeAfterEveryChunkForProgress() throws Exception {
        List<Double> clocks = new ArrayList<>();
        LineEmulator emulator = new LineEmulator(
                        simulationOf(bottling()), new RecordingSink(), START, 7, 30, 60, Pacer.NO_WAIT, List::of)
                .afterEachChunk(clocks::add);

        emulator.run(100);

        assertThat(clocks).containsExactly(30.0, 60.0, 90.0, 100.0);
    }

    /**
     * The bottling line's AGVs need ~2.5 min for a round trip and its conveyor ~24 s per bottle, longer than a chunk:
     * only what is in flight (vehicles, places on the belt, parts staged at the packer and palletiser) carried from one
     * chunk to the next lets them finish. Dropped, every chunk called the AGVs afresh and none ever delivered: the
     * pallet in b6 stayed, the palletiser blocked, the line stood still within the hour (and staged parts put back
     * into their buffers overfilled b4 and b5).
     */
    @Test
    void whatIsInFlightCarriesOverFromChunkToChunkSoTheLineKeepsDelivering() throws Exception {
        LineSpec line = bottling();
        LineEmulator emulator =
                new LineEmulator(simulationOf(line), new RecordingSink(), START, 7, 30, 60, Pacer.NO_WAIT, List::of);
        long palletsBefore = 0;
        for (int hour = 1; hour <= 3; hour++) {
            for (int chunk = 0; chunk < 120; chunk++) {
                emulator.step(30);
                io.linetwin.model.LineState state = emulator.state();
                for (io.linetwin.model.BufferSpec buffer : line.buffers()) {
                    if (!buffer.unlimited()) {
                        assertThat(state.buffers().get(buffer.id()).total())
                                .as("%s at %s s", buffer.id(), state.clockSeconds())
                                .isLessThanOrEqualTo(buffer.capacity());
                    }
                }
            }
            assertThat(emulator.state().inFlight().fleet()).isPresent();
            long pallets = emulator.state().stations().get("palletiser").good();
            assertThat(pallets - palletsBefore).as("pallets in hour %d", hour).isGreaterThanOrEqualTo(2);
            palletsBefore = pallets;
        }
    }

    @Test
    void aTwinFedTheEventsEqualsTheEmulatorsStateAtEveryChunkBoundary() throws Exception {
        LineSpec line = bottling();
        LineDescriptor things = LineDescriptors.of(line);
        RecordingSink sink = new RecordingSink();
        List<ParameterChange> pending = new ArrayList<>();
        LineEmulator emulator = new LineEmulator(simulationOf(line), sink, START, 7, 30, 60, Pacer.NO_WAIT, () -> {
            List<ParameterChange> out = List.copyOf(pending);
            pending.clear();
            return out;
        });
        TwinStore twin = TwinStore.of(things, Clock.fixed(START, ZoneOffset.UTC));
        int applied = 0;
        for (int i = 0; i < 40; i++) {
            emulator.step(30);
            for (; applied < sink.json.size(); applied++) {
                twin.apply(sink.json.get(applied));
            }
            assertThat(TwinMatch.mismatches(emulator.state(), twin.snapshot(), things))
                    .as("chunk " + i)
                    .isEmpty();
        }
        assertThat(twin.stats().rejectedTotal()).isZero();
        assertThat(twin.stats().stale()).isZero();
        assertThat(emulator.state().clockSeconds()).isEqualTo(1200.0);
        assertThat(emulator.state().stations().get("filler").good()).isGreaterThan(500);

        pending.add(new ParameterChange("filler", "speed", 1.1));
        int before = sink.signals.size();
        emulator.step(30);
        assertThat(emulator.state().parameters().get("filler")).containsEntry("speed", 1.1);
        assertThat(sink.signals.subList(before, sink.signals.size()))
                .filteredOn(s -> s instanceof FeaturePropertyModified m
                        && m.getFeatureId().equals("parameters"))
                .singleElement()
                .satisfies(s -> assertThat(
                                ((FeaturePropertyModified) s).getPropertyValue().asDouble())
                        .isEqualTo(1.1));
    }

    @Test
    void aPredictorsEstimateIsPublishedAsTheThingsNextEventAtTheNextBoundary() throws Exception {
        LineSpec line = bottling();
        LineDescriptor things = LineDescriptors.of(line);
        RecordingSink sink = new RecordingSink();
        List<HealthEstimate> pending = new ArrayList<>();
        int[] applied = {0};
        CommandSource source = new CommandSource() {
            private List<HealthEstimate> drained = List.of();

            @Override
            public List<ParameterChange> drain() {
                drained = List.copyOf(pending);
                pending.clear();
                return List.of();
            }

            @Override
            public List<HealthEstimate> drainedEstimates() {
                return drained;
            }

            @Override
            public void applied() {
                applied[0]++;
            }
        };
        LineEmulator emulator = new LineEmulator(simulationOf(line), sink, START, 7, 30, 60, Pacer.NO_WAIT, source);
        TwinStore twin = TwinStore.of(things, Clock.fixed(START, ZoneOffset.UTC));
        emulator.step(30);
        org.eclipse.ditto.json.JsonObject rul = org.eclipse.ditto.json.JsonObject.newBuilder()
                .set("seconds", 5400)
                .set("sdSeconds", 600)
                .set("at", START.plusSeconds(20).toString())
                .set("model", "m@1")
                .build();
        pending.add(new HealthEstimate("filler", rul));
        int before = sink.signals.size();
        emulator.step(30);

        FeaturePropertyModified event = sink.signals.subList(before, sink.signals.size()).stream()
                .map(FeaturePropertyModified.class::cast)
                .filter(m -> m.getFeatureId().equals("health")
                        && m.getPropertyPointer().toString().equals("/rul"))
                .findFirst()
                .orElseThrow();
        assertThat(event.getPropertyValue()).isEqualTo(rul);
        assertThat(event.getTimestamp()).contains(START.plusSeconds(30));
        assertThat(applied[0]).isEqualTo(1);
        sink.json.forEach(twin::apply);
        assertThat(twin.stats().stale()).isZero();
        assertThat(twin.stats().rejectedTotal()).isZero();
        assertThat(io.linetwin.twin.RulReadings.of(twin.snapshot(), things)
                        .get("filler")
                        .seconds())
                .isEqualTo(5400);
    }

    @Test
    void revisionsIncreaseByOnePerThingAndTimestampsAreEmulatedInstants() throws Exception {
        LineSpec line = bottling();
        RecordingSink sink = new RecordingSink();
        LineEmulator emulator = new LineEmulator(simulationOf(line), sink, START, 3, 10, 60, Pacer.NO_WAIT, List::of);
        emulator.run(600);
        java.util.Map<String, Long> last = new java.util.HashMap<>();
        Instant latest = START;
        for (var signal : sink.signals) {
            FeaturePropertyModified m = (FeaturePropertyModified) signal;
            long previous = last.getOrDefault(m.getEntityId().toString(), 0L);
            assertThat(m.getRevision()).isEqualTo(previous + 1);
            last.put(m.getEntityId().toString(), m.getRevision());
            Instant at = m.getTimestamp().orElseThrow();
            assertThat(at).isBetween(START, START.plusSeconds(600));
            latest = at.isAfter(latest) ? at : latest;
        }
        assertThat(latest).isEqualTo(START.plusSeconds(600));
        assertThat(sink.signals)
                .anyMatch(s -> ((FeaturePropertyModified) s)
                        .getPropertyPointer()
                        .toString()
                        .equals("/readings/temperature"));
    }

    /**
     * What the engine reports must pass the twin's checks (capacity, products, limits, instants) for every
     * library line: otherwise the twin would refuse the emulator's own events.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"bottling-line.yaml", "automotive-body.yaml", "smt-line.yaml", "textbook-two-machine.yaml"})
    void theTwinTakesEveryEventOfEveryLibraryLine(String scenario) throws Exception {
        var loaded = ScenarioLoader.load(Path.of("..", "scenarios", scenario));
        LineSpec line = loaded.line();
        LineDescriptor things;
        try {
            things = LineDescriptors.of(line);
        } catch (IllegalArgumentException e) {
            return; // a line without a Ditto thing id has no twin
        }
        RecordingSink sink = new RecordingSink();
        LineEmulator emulator = new LineEmulator(
                new LineSimulation(line).startingAt(loaded.experiment().startSecondsOfWeek()),
                sink,
                START,
                13,
                60,
                60,
                Pacer.NO_WAIT,
                CommandSource.NONE);
        TwinStore twin = TwinStore.of(things, Clock.fixed(START, ZoneOffset.UTC));
        emulator.run(2 * 3600);
        for (String json : sink.json) {
            TwinEvent outcome = twin.apply(json);
            assertThat(outcome).as(json).isInstanceOf(TwinEvent.Applied.class);
        }
        assertThat(TwinMatch.mismatches(emulator.state(), twin.snapshot(), things))
                .isEmpty();
    }
}
