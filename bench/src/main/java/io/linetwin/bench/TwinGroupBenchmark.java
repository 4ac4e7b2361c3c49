package io.linetwin.bench;

import io.linetwin.app.emulate.CommandSource;
import io.linetwin.app.emulate.LineEmulator;
import io.linetwin.app.emulate.Pacer;
import io.linetwin.broker.EmbeddedBroker;
import io.linetwin.model.Scenario;
import io.linetwin.scenario.ScenarioLoader;
import io.linetwin.sim.LineSimulation;
import io.linetwin.twin.DittoMessages;
import io.linetwin.twin.sync.KafkaSettings;
import io.linetwin.twin.sync.KafkaSignalPublisher;
import io.linetwin.twin.sync.LineGroupTwin;
import io.linetwin.twin.sync.SignalSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.ditto.base.model.signals.Signal;
import org.eclipse.ditto.json.JsonFactory;

/**
 * Events per second that 1, 2 and 3 {@code twin follow} processes of one consumer group take from a topic already
 * holding the events of 12 emulated lines (6 partitions keyed by line). Each process is a JVM of its own; the figure
 * from process start includes JVM start and joining the group (cold), the steady one runs from the first report with
 * records to the last. Every process checkpoints its lines (snapshots to a compacted topic, then commits) and writes
 * their snapshot files every second, as {@code twin follow FILE... --snapshot-dir} does. Usage:
 * {@code TwinGroupBenchmark [LINE-SECONDS]}.
 */
public final class TwinGroupBenchmark {

    private static final Instant START = Instant.parse("2026-11-30T06:00:00Z");
    private static final String TOPIC = "bench.group.events";
    private static final String CHECKPOINTS = "bench.group.checkpoints";

    private TwinGroupBenchmark() {}

    public static void main(String[] args) throws Exception {
        double lineSeconds = args.length > 0 ? Double.parseDouble(args[0]) : 3600;
        Path work = Files.createTempDirectory("linetwin-twin-group-bench");
        String bottling = Files.readString(Path.of("scenarios", "bottling-line.yaml"));
        List<Path> files = new ArrayList<>();
        Map<String, List<String>> events = new LinkedHashMap<>();
        for (int n = 1; n <= 12; n++) {
            String id = String.format("plant1:line-%02d", n);
            Path file = work.resolve("line-" + n + ".yaml");
            Files.writeString(file, bottling.replace("id: plant1:bottling", "id: " + id));
            files.add(file);
            events.put(id, lineEvents(ScenarioLoader.load(file), 100 + n, lineSeconds));
        }
        long total = events.values().stream().mapToLong(List::size).sum();
        try (EmbeddedBroker broker = EmbeddedBroker.start(0, work.resolve("kafka"))) {
            broker.createTopic(TOPIC, 6);
            for (int processes = 1; processes <= 3; processes++) {
                // A checkpoint topic per group: a group may start from another's checkpoints, which would skip work.
                broker.createTopic(
                        CHECKPOINTS + "-" + processes,
                        1,
                        LineGroupTwin.checkpointTopic(CHECKPOINTS).configs());
            }
            try (KafkaSignalPublisher publisher =
                    new KafkaSignalPublisher(KafkaSettings.of(broker.bootstrapServers(), TOPIC, ""))) {
                List<CompletableFuture<?>> sent = new ArrayList<>();
                events.forEach((line, list) ->
                        list.forEach(json -> sent.add(publisher.publish(line, json, new RecordHeaders()))));
                sent.forEach(CompletableFuture::join);
            }
            System.out.printf(
                    Locale.ROOT,
                    "%,d events of 12 bottling lines (%.0f s of line time each) on %d " + "partitions%n",
                    total,
                    lineSeconds,
                    6);
            for (int processes = 1; processes <= 3; processes++) {
                measure(processes, files, total, broker.bootstrapServers(), work);
            }
        }
    }

    private static void measure(int processes, List<Path> files, long total, String bootstrap, Path work)
            throws Exception {
        List<Process> followers = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        long started = System.nanoTime();
        try {
            for (int p = 0; p < processes; p++) {
                Path dir = work.resolve("group-" + processes + "-" + p);
                dirs.add(dir);
                List<String> command = new ArrayList<>(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "io.linetwin.app.Main",
                        "twin",
                        "follow"));
                files.forEach(f -> command.add(f.toString()));
                command.addAll(List.of(
                        "--kafka",
                        bootstrap,
                        "--topic",
                        TOPIC,
                        "--group",
                        "bench-" + processes,
                        "--checkpoint-topic",
                        CHECKPOINTS + "-" + processes,
                        "--every",
                        "1s",
                        "--snapshot-dir",
                        dir.toString()));
                followers.add(new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(work.resolve("follower-" + processes + "-" + p + ".log")
                                .toFile())
                        .start());
            }
            double first = Double.NaN;
            long deadline = System.nanoTime() + 600_000_000_000L;
            while (System.nanoTime() < deadline) {
                long records = 0;
                for (Path dir : dirs) {
                    records += applied(dir);
                }
                double now = (System.nanoTime() - started) / 1e9;
                if (records > 0 && Double.isNaN(first)) {
                    first = now;
                }
                if (records >= total) {
                    System.out.printf(
                            Locale.ROOT,
                            "%d follower process%s: %,d events in %.1f s from process start "
                                    + "(%,.0f events/s cold), %.1f s from the first report with records (%,.0f events/s)%n",
                            processes,
                            processes > 1 ? "es" : "",
                            records,
                            now,
                            records / now,
                            now - first,
                            records / Math.max(1e-9, now - first));
                    return;
                }
                Thread.sleep(100);
            }
            System.out.println(processes + " follower processes: did not finish within 10 minutes");
        } finally {
            followers.forEach(Process::destroy);
            for (Process p : followers) {
                p.waitFor();
            }
        }
    }

    /**
     * Events in the twins of the lines the process owns now (their revisions: each event raises one by one), so a
     * line read twice during the group's first rebalances counts once.
     */
    private static long applied(Path dir) {
        Path file = dir.resolve("owned.json");
        try {
            if (!Files.exists(file)) {
                return 0;
            }
            long sum = 0;
            for (org.eclipse.ditto.json.JsonValue line : JsonFactory.readFrom(Files.readString(file))
                    .asObject()
                    .getValue("owned")
                    .orElseThrow()
                    .asArray()) {
                Path snapshot = dir.resolve(line.asString().replace(':', '_') + ".json");
                if (Files.exists(snapshot)) {
                    sum += io.linetwin.twin.Snapshot.read(snapshot).revisionSum();
                }
            }
            return sum;
        } catch (Exception e) {
            return 0;
        }
    }

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
}
