package io.linetwin.app.twin;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.app.emulate.CommandSource;
import io.linetwin.app.emulate.LineEmulator;
import io.linetwin.app.emulate.Pacer;
import io.linetwin.broker.EmbeddedBroker;
import io.linetwin.model.LineSpec;
import io.linetwin.model.Scenario;
import io.linetwin.scenario.ScenarioLoader;
import io.linetwin.sim.LineSimulation;
import io.linetwin.twin.DittoMessages;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.LineDescriptors;
import io.linetwin.twin.Snapshot;
import io.linetwin.twin.TwinStore;
import io.linetwin.twin.sync.KafkaSettings;
import io.linetwin.twin.sync.KafkaSignalPublisher;
import io.linetwin.twin.sync.KafkaTwin;
import io.linetwin.twin.sync.SignalSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.ditto.base.model.signals.Signal;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of {@code twin follow} and of {@code emulate} at seeded random points, each started again: no update
 * committed to Kafka is lost from the twin, none is applied twice (at-least-once delivery, idempotent apply by
 * revision), and a command sent while the emulator is down takes effect when it is back.
 */
final class KillNineIT {

    private static final Path SCENARIO = Path.of("..", "scenarios", "bottling-line.yaml");
    private static final Instant START = Instant.parse("2026-11-30T06:00:00Z");

    @TempDir
    static Path dir;

    static EmbeddedBroker broker;
    static LineSpec line;
    static LineDescriptor things;

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedBroker.start(0, dir.resolve("kafka"));
        Scenario scenario = ScenarioLoader.load(SCENARIO);
        line = scenario.line();
        things = LineDescriptors.of(line);
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + ChildCli.PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }

    /** The Ditto Protocol JSON of a stretch of the emulated line: real, valid events in order. */
    private static List<String> lineEvents(long seed, double seconds) throws InterruptedException {
        List<String> json = new ArrayList<>();
        SignalSink sink = new SignalSink() {
            @Override
            public CompletionStage<Void> send(Signal<?> signal) {
                json.add(DittoMessages.toJson(signal));
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void close() {}
        };
        new LineEmulator(
                        new LineSimulation(line).startingAt(6 * 3600),
                        sink,
                        START,
                        seed,
                        30,
                        60,
                        Pacer.NO_WAIT,
                        CommandSource.NONE)
                .run(seconds);
        return json;
    }

    /**
     * Each changed Thing as JSON with its revision: what two twins that saw the same updates agree on. A value no
     * event set (a Thing no event touched, a conveyor's status, which the emulator does not publish) still shows
     * when its twin was made, so it is left out.
     */
    private static Map<String, String> things(Snapshot snapshot) {
        Map<String, String> out = new TreeMap<>();
        snapshot.things().forEach((id, t) -> {
            if (t.revision() > 0) {
                JsonObject json = t.thing().toJson();
                if (json.getValue("attributes/kind")
                        .map(JsonValue::asString)
                        .orElse("")
                        .equals("conveyor")) {
                    json = json.remove(org.eclipse.ditto.json.JsonPointer.of("/features/status/properties/since"));
                }
                out.put(id.toString(), json + " @" + t.revision());
            }
        });
        return out;
    }

    private static Snapshot readQuietly(Path file) {
        try {
            return Snapshot.read(file);
        } catch (Exception e) {
            throw new AssertionError("the snapshot file must always be whole: " + e.getMessage(), e);
        }
    }

    @Test
    void killingTheTwinFollowerAtRandomPointsLosesNoCommittedUpdate() throws Exception {
        String topic = "kill.follow.events";
        broker.createTopic(topic, 3);
        List<String> events = lineEvents(31, 2 * 3600);
        TwinStore expected = TwinStore.of(things, Clock.fixed(START, ZoneOffset.UTC));
        events.forEach(expected::apply);
        assertThat(expected.stats().applied()).isEqualTo(events.size());
        Path snapshot = dir.resolve("follow.snapshot.json");
        Random random = new Random(20261130);
        AtomicBoolean producing = new AtomicBoolean(true);
        List<Throwable> failures = new ArrayList<>();
        Thread producer = new Thread(
                () -> {
                    try (KafkaSignalPublisher publisher =
                            new KafkaSignalPublisher(KafkaSettings.of(broker.bootstrapServers(), topic, ""))) {
                        int i = 0;
                        for (String json : events) {
                            String key = JsonFactory.newObject(json)
                                    .getValue("topic")
                                    .orElseThrow()
                                    .asString();
                            publisher
                                    .publish(key.substring(0, key.indexOf("/things")), json, new RecordHeaders())
                                    .join();
                            if (++i % 200 == 0) {
                                Thread.sleep(20);
                            }
                        }
                    } catch (Throwable t) {
                        failures.add(t);
                    } finally {
                        producing.set(false);
                    }
                },
                "kill-nine-producer");
        producer.start();

        String[] follow = {
            "twin",
            "follow",
            SCENARIO.toString(),
            "--kafka",
            broker.bootstrapServers(),
            "--kafka-config",
            ChildCli.patientKafka(dir).toString(),
            "--topic",
            topic,
            "--snapshot-out",
            snapshot.toString(),
            "--every",
            "150ms",
            "--dead-letters",
            dir.resolve("follow.dead.jsonl").toString()
        };
        for (int kill = 0; kill < 3; kill++) {
            try (ChildCli twin = ChildCli.start(dir.resolve("follow-" + kill + ".log"), follow)) {
                twin.awaitLine(l -> l.startsWith("following "));
                await("the follower wrote a snapshot", () -> Files.exists(snapshot));
                Thread.sleep(300 + random.nextInt(1500));
                twin.kill();
            }
            assertThat(readQuietly(snapshot).things()).isNotEmpty();
        }
        producer.join();
        assertThat(failures).isEmpty();
        try (ChildCli twin = ChildCli.start(dir.resolve("follow-last.log"), follow)) {
            assertThat(twin.awaitLine(l -> l.startsWith("following "))).contains("resumed from");
            await(
                    "the twin holds every event",
                    () -> Files.exists(snapshot)
                            && readQuietly(snapshot).revisionSum()
                                    == expected.snapshot().revisionSum());
            twin.terminate();
        }
        Snapshot last = readQuietly(snapshot);
        assertThat(things(last)).hasSizeGreaterThan(10).isEqualTo(things(expected.snapshot()));
        assertThat(last.offsets().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(events.size());
        assertThat(
                        Files.exists(dir.resolve("follow.dead.jsonl"))
                                ? Files.readAllLines(dir.resolve("follow.dead.jsonl"))
                                : List.of())
                .as("nothing was refused")
                .isEmpty();
    }

    @Test
    void killingTheEmulatorAtRandomPointsLosesNoEventAndACommandSentWhileItIsDownTakesEffect() throws Exception {
        String prefix = "kill.emulate.";
        String[] emulate = {
            "emulate",
            SCENARIO.toString(),
            "--kafka",
            broker.bootstrapServers(),
            "--kafka-config",
            ChildCli.patientKafka(dir).toString(),
            "--speed",
            "300",
            "--start",
            START.toString(),
            "--command-interval",
            "0s",
            "--events-topic",
            prefix + "events",
            "--commands-topic",
            prefix + "commands",
            "--responses-topic",
            prefix + "responses"
        };
        Random random = new Random(19);
        for (int kill = 0; kill < 2; kill++) {
            try (ChildCli emulator = ChildCli.start(dir.resolve("emulate-" + kill + ".log"), emulate)) {
                emulator.awaitLine(l -> l.startsWith("emulating ") || l.startsWith("continuing "));
                // The next run continues only what this one published, and reads the command sent while it is down
                // only if this one committed where it reads the commands (a new group starts at the end): a kill
                // before either (a slow machine, or a fast test) would leave the next run nothing to continue.
                long before = recordsOn(prefix + "events");
                await(
                        "the emulator published and committed its commands' offsets",
                        () -> recordsOn(prefix + "events") > before
                                && committed("linetwin-emulator-" + line.id(), prefix + "commands"));
                Thread.sleep(random.nextInt(2000));
                emulator.kill();
            }
            if (kill == 0) {
                try (KafkaSignalPublisher gate = new KafkaSignalPublisher(
                        KafkaSettings.of(broker.bootstrapServers(), prefix + "commands", ""))) {
                    gate.send(DittoMessages.modifyProperty(
                                    things.thingIdOf("filler"), "parameters", "speed", JsonValue.of(1.1), "while-down"))
                            .toCompletableFuture()
                            .join();
                }
            }
        }
        List<String> lastArgs = new ArrayList<>(List.of(emulate));
        lastArgs.addAll(List.of("--duration", "20m"));
        try (ChildCli emulator = ChildCli.start(dir.resolve("emulate-last.log"), lastArgs.toArray(String[]::new))) {
            assertThat(emulator.awaitLine(l -> l.startsWith("emulating ") || l.startsWith("continuing ")))
                    .startsWith("continuing ");
            assertThat(emulator.awaitExit()).isZero();
        }
        for (int run = 1; run < 2; run++) {
            assertThat(Files.readString(dir.resolve("emulate-" + run + ".log")))
                    .as("run " + run)
                    .contains("continuing ");
        }

        long onTopic = recordsOn(prefix + "events");
        try (KafkaTwin twin = KafkaTwin.builder(
                        things, KafkaSettings.of(broker.bootstrapServers(), prefix + "events", "kill-check"))
                .wallClock(Clock.fixed(START, ZoneOffset.UTC))
                .start()) {
            await("the twin read every event", () -> twin.records() == onTopic);
            var stats = twin.store().stats();
            assertThat(stats.rejectedTotal())
                    .as("every event of every run is valid")
                    .isZero();
            assertThat(stats.stale()).as("each restart continued the revisions").isZero();
            assertThat(stats.applied()).isEqualTo(onTopic);
            JsonObject filler = twin.snapshot()
                    .get(things.thingIdOf("filler"))
                    .orElseThrow()
                    .thing()
                    .toJson();
            assertThat(filler.getValue("/features/parameters/properties/speed")).contains(JsonValue.of(1.1));
        }
        // Keyed by line (issue 19): the whole line lands in one partition, so one process of a twin group owns it.
        assertThat(records(prefix + "events"))
                .as("every event's key")
                .extracting(ConsumerRecord::key)
                .hasSize((int) onTopic)
                .containsOnly(things.lineId().toString());
        assertMonotonePerThing(prefix + "events");
        assertThat(responses(prefix + "responses")).anySatisfy(r -> {
            assertThat(r.getValue("headers/correlation-id")).contains(JsonValue.of("while-down"));
            assertThat(r.getValue("status")).contains(JsonValue.of(204));
        });
    }

    private static boolean committed(String group, String topic) {
        try {
            return TopicRecords.committed(broker.bootstrapServers(), group, topic);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long recordsOn(String topic) {
        try {
            return TopicRecords.count(broker.bootstrapServers(), topic);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonObject> read(String topic) {
        return records(topic).stream()
                .map(r -> JsonFactory.newObject(r.value()))
                .toList();
    }

    /** Every record of {@code topic} from the start, to the end it has now (the emulators have ended). */
    private static List<ConsumerRecord<String, String>> records(String topic) {
        return TopicRecords.all(broker.bootstrapServers(), topic);
    }

    private static List<JsonObject> responses(String topic) {
        return read(topic);
    }

    /** Per Thing, in revision order: the line's clock never goes back and no counter ever falls. */
    private static void assertMonotonePerThing(String topic) {
        Map<String, TreeMap<Long, JsonObject>> byThing = new HashMap<>();
        for (JsonObject e : read(topic)) {
            byThing.computeIfAbsent(e.getValue("topic").orElseThrow().asString(), t -> new TreeMap<>())
                    .put(e.getValue("revision").orElseThrow().asLong(), e);
        }
        assertThat(byThing).isNotEmpty();
        byThing.forEach((thing, events) -> {
            Instant clock = Instant.MIN;
            Map<String, Long> counters = new HashMap<>();
            long expectedRevision = 1;
            for (var entry : events.entrySet()) {
                assertThat(entry.getKey())
                        .as(thing + " revisions have no holes")
                        .isEqualTo(expectedRevision++);
                JsonObject e = entry.getValue();
                Instant at = Instant.parse(e.getValue("timestamp").orElseThrow().asString());
                assertThat(at).as(thing + " r" + entry.getKey()).isAfterOrEqualTo(clock);
                clock = at;
                String path = e.getValue("path").orElseThrow().asString();
                if (path.startsWith("/features/counters/properties/")) {
                    long value = e.getValue("value").orElseThrow().asLong();
                    assertThat(value)
                            .as(thing + " " + path + " r" + entry.getKey())
                            .isGreaterThanOrEqualTo(counters.getOrDefault(path, 0L));
                    counters.put(path, value);
                }
            }
        });
    }
}
