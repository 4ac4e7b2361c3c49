package io.linetwin.app.twin;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.app.emulate.CommandSource;
import io.linetwin.app.emulate.LineEmulator;
import io.linetwin.app.emulate.Pacer;
import io.linetwin.broker.EmbeddedBroker;
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
import io.linetwin.twin.sync.LineGroupTwin;
import io.linetwin.twin.sync.SignalSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.ditto.base.model.signals.Signal;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The twin of many lines across a consumer group: a real broker, an events topic of 6 partitions keyed by line,
 * 12 emulated lines and 3 {@code twin follow} processes (JVMs of their own) in one group. Every line is owned by
 * exactly one process; after one is killed with SIGKILL its lines move to the others, which rebuild them from the
 * checkpoint topic and the committed offsets: every Thing ends at the revision of its last event (nothing lost, and
 * a revision is never applied twice) and every line equals a twin that applied all its events in one process.
 */
final class TwinGroupIT {

    private static final int LINES = 12;
    private static final Instant START = Instant.parse("2026-11-30T06:00:00Z");
    private static final String TOPIC = "group.events";
    private static final String CHECKPOINTS = "group.checkpoints";

    @TempDir
    static Path dir;

    static EmbeddedBroker broker;

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedBroker.start(0, dir.resolve("kafka"));
        broker.createTopic(TOPIC, 6);
        broker.createTopic(
                CHECKPOINTS, 1, LineGroupTwin.checkpointTopic(CHECKPOINTS).configs());
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void threeFollowersShareTwelveLinesAndTheLinesOfAKilledOneMoveWithoutLoss() throws Exception {
        String bottling = Files.readString(Path.of("..", "scenarios", "bottling-line.yaml"));
        List<Path> files = new ArrayList<>();
        Map<String, LineDescriptor> lines = new LinkedHashMap<>();
        Map<String, List<String>> firstHalf = new HashMap<>();
        Map<String, List<String>> secondHalf = new HashMap<>();
        Map<String, TwinStore> expected = new TreeMap<>();
        for (int n = 1; n <= LINES; n++) {
            String id = String.format("plant1:line-%02d", n);
            Path file = dir.resolve("line-" + n + ".yaml");
            Files.writeString(file, bottling.replace("id: plant1:bottling", "id: " + id));
            Scenario scenario = ScenarioLoader.load(file);
            files.add(file);
            LineDescriptor things = LineDescriptors.of(scenario.line());
            lines.put(id, things);
            List<String> events = lineEvents(scenario, 100 + n, 1200);
            firstHalf.put(id, events.subList(0, events.size() / 2));
            secondHalf.put(id, events.subList(events.size() / 2, events.size()));
            TwinStore store = TwinStore.of(things, Clock.fixed(START, ZoneOffset.UTC));
            events.forEach(store::apply);
            assertThat(store.stats().applied()).isEqualTo(events.size());
            expected.put(id, store);
        }
        Set<Integer> partitions = new HashSet<>();
        lines.keySet().forEach(id -> partitions.add(LineGroupTwin.partitionOf(id, 6)));
        System.out.println("TwinGroupIT: 12 lines on partitions " + partitions);

        Path logs = Path.of("target", "twin-group-it");
        Files.createDirectories(logs);
        Path config = dir.resolve("group.properties");
        Files.writeString(config, "session.timeout.ms=6000\nheartbeat.interval.ms=1000\n" + ChildCli.PATIENT_KAFKA);
        List<ChildCli> followers = new ArrayList<>();
        List<Path> snapshotDirs = new ArrayList<>();
        try {
            for (int p = 0; p < 3; p++) {
                Path snapshots = dir.resolve("follower-" + p);
                snapshotDirs.add(snapshots);
                List<String> args = new ArrayList<>(List.of("twin", "follow"));
                files.forEach(f -> args.add(f.toString()));
                args.addAll(List.of(
                        "--kafka",
                        broker.bootstrapServers(),
                        "--kafka-config",
                        config.toString(),
                        "--topic",
                        TOPIC,
                        "--group",
                        "twins",
                        "--checkpoint-topic",
                        CHECKPOINTS,
                        "--every",
                        "300ms",
                        "--snapshot-dir",
                        snapshots.toString()));
                ChildCli follower = ChildCli.start(logs.resolve("follower-" + p + ".log"), args.toArray(String[]::new));
                followers.add(follower);
                follower.awaitLine(l -> l.startsWith("following 12 lines"));
            }
            // The banner comes before a follower has joined: the owners are taken once all three share the lines.
            // Otherwise two could own and catch up on every line before the third joined and took some of them,
            // and "a survivor keeps its lines" would see that move instead of the kill's.
            awaitStableGroupOf(3);
            publish(firstHalf);
            Map<String, Integer> owners = awaitOwners(List.of(0, 1, 2), snapshotDirs, firstHalf, lines);
            assertThat(owners).as("every line has one owner").hasSize(LINES);
            System.out.println("TwinGroupIT: owners before the kill " + new TreeMap<>(owners));

            int victim = mostLines(owners);
            long before = records(snapshotDirs.get(victim));
            // Killed while it works through the second half: mid-stream, between checkpoints.
            Thread publisher = new Thread(() -> publish(secondHalf), "group-publisher");
            publisher.start();
            await("the victim reads the second half", () -> records(snapshotDirs.get(victim)) > before);
            followers.get(victim).kill();
            publisher.join();
            System.out.println("TwinGroupIT: killed follower " + victim + " after it had read "
                    + records(snapshotDirs.get(victim)) + " records (" + before + " of the first half)");
            List<Integer> survivors = new ArrayList<>(List.of(0, 1, 2));
            survivors.remove(Integer.valueOf(victim));
            Map<String, List<String>> all = new HashMap<>();
            lines.keySet().forEach(id -> {
                List<String> both = new ArrayList<>(firstHalf.get(id));
                both.addAll(secondHalf.get(id));
                all.put(id, both);
            });
            Map<String, Integer> after = awaitOwners(survivors, snapshotDirs, all, lines);
            System.out.println("TwinGroupIT: owners after " + new TreeMap<>(after));

            assertThat(after).hasSize(LINES);
            assertThat(after.values()).doesNotContain(victim);
            owners.forEach((line, owner) -> {
                if (owner != victim) {
                    assertThat(after.get(line)).as("a survivor keeps its lines").isEqualTo(owner);
                }
            });
            for (String id : lines.keySet()) {
                Snapshot rebuilt = Snapshot.read(snapshotDirs.get(after.get(id)).resolve(fileName(id)));
                assertThat(things(rebuilt))
                        .as(id)
                        .isEqualTo(things(expected.get(id).snapshot()));
                assertThat(rebuilt.revisionSum())
                        .as("every event of %s applied once", id)
                        .isEqualTo(all.get(id).size());
            }
            for (int s : survivors) {
                // SIGTERM, as Ctrl-C: the process leaves the group after a last checkpoint (exit 143 = 128 + 15)
                assertThat(followers.get(s).terminate()).isIn(0, 143);
            }
        } finally {
            for (ChildCli follower : followers) {
                follower.close();
            }
        }
    }

    /**
     * Waits until the processes' owned lines cover every line, no line twice, and each owner's snapshot holds every
     * event published so far; returns line → process.
     */
    private static Map<String, Integer> awaitOwners(
            List<Integer> processes,
            List<Path> dirs,
            Map<String, List<String>> published,
            Map<String, LineDescriptor> lines)
            throws Exception {
        Map<String, Integer> owners = new HashMap<>();
        await("every line is owned once and caught up", () -> {
            owners.clear();
            for (int p : processes) {
                for (String line : owned(dirs.get(p))) {
                    if (owners.put(line, p) != null) {
                        return false;
                    }
                }
            }
            if (!owners.keySet().equals(lines.keySet())) {
                return false;
            }
            for (Map.Entry<String, Integer> e : owners.entrySet()) {
                Path file = dirs.get(e.getValue()).resolve(fileName(e.getKey()));
                if (!Files.exists(file)
                        || read(file).revisionSum() != published.get(e.getKey()).size()) {
                    return false;
                }
            }
            return true;
        });
        return new HashMap<>(owners);
    }

    private static void awaitStableGroupOf(int members) throws InterruptedException {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            await("all " + members + " followers are in the group and it is stable", () -> {
                try {
                    ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("twins"))
                            .all()
                            .get()
                            .get("twins");
                    return group.groupState() == GroupState.STABLE
                            && group.members().size() == members
                            && group.members().stream()
                                    .noneMatch(m ->
                                            m.assignment().topicPartitions().isEmpty());
                } catch (ExecutionException e) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            });
        }
    }

    /** Records the process had read at its last report. */
    private static long records(Path snapshots) {
        Path file = snapshots.resolve("owned.json");
        try {
            return Files.exists(file)
                    ? JsonFactory.readFrom(Files.readString(file))
                            .asObject()
                            .getValue("records")
                            .orElseThrow()
                            .asLong()
                    : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static List<String> owned(Path snapshots) {
        Path file = snapshots.resolve("owned.json");
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return JsonFactory.readFrom(Files.readString(file))
                    .asObject()
                    .getValue("owned")
                    .orElseThrow()
                    .asArray()
                    .stream()
                    .map(JsonValue::asString)
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Snapshot read(Path file) {
        try {
            return Snapshot.read(file);
        } catch (Exception e) {
            throw new AssertionError("a snapshot file must always be whole: " + e.getMessage(), e);
        }
    }

    private static String fileName(String lineId) {
        return lineId.replace(':', '_') + ".json";
    }

    private static int mostLines(Map<String, Integer> owners) {
        int[] count = new int[3];
        owners.values().forEach(p -> count[p]++);
        int best = 0;
        for (int p = 1; p < 3; p++) {
            if (count[p] > count[best]) {
                best = p;
            }
        }
        return best;
    }

    private static void publish(Map<String, List<String>> events) {
        try (KafkaSignalPublisher publisher =
                new KafkaSignalPublisher(KafkaSettings.of(broker.bootstrapServers(), TOPIC, ""))) {
            List<CompletableFuture<?>> sent = new ArrayList<>();
            events.forEach(
                    (line, list) -> list.forEach(json -> sent.add(publisher.publish(line, json, new RecordHeaders()))));
            sent.forEach(CompletableFuture::join);
        }
    }

    /** The Ditto Protocol JSON of a stretch of the emulated line: real, valid events in order. */
    private static List<String> lineEvents(Scenario scenario, long seed, double seconds) throws InterruptedException {
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
                        new LineSimulation(scenario.line()).startingAt(6 * 3600),
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

    /** Each changed Thing as JSON with its revision (as KillNineIT compares twins). */
    private static Map<String, String> things(Snapshot snapshot) {
        Map<String, String> out = new TreeMap<>();
        snapshot.things().forEach((id, t) -> {
            if (t.revision() > 0) {
                JsonObject json = t.thing().toJson();
                if (json.getValue("attributes/kind")
                        .map(JsonValue::asString)
                        .orElse("")
                        .equals("conveyor")) {
                    json = json.remove(JsonPointer.of("/features/status/properties/since"));
                }
                out.put(id.toString(), json + " @" + t.revision());
            }
        });
        return out;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + ChildCli.PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(100);
        }
    }
}
