package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.app.emulate.CommandInbox;
import io.linetwin.app.emulate.LineClocks;
import io.linetwin.app.emulate.LineEmulator;
import io.linetwin.app.emulate.Pacer;
import io.linetwin.app.emulate.ParameterCommands;
import io.linetwin.app.health.WearLineModels;
import io.linetwin.app.twin.TopicRecords;
import io.linetwin.broker.EmbeddedBroker;
import io.linetwin.loop.TwinView;
import io.linetwin.model.LineSpec;
import io.linetwin.scenario.ScenarioLoader;
import io.linetwin.sim.LineSimulation;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.LineDescriptors;
import io.linetwin.twin.RulReadings;
import io.linetwin.twin.Snapshot;
import io.linetwin.twin.sync.KafkaSettings;
import io.linetwin.twin.sync.KafkaSignalPublisher;
import io.linetwin.twin.sync.KafkaTwin;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From sensor readings to a maintenance decision through a real broker: the emulator runs the wear line (its
 * spindle's bearing wears out, its readings drift with its operating age), {@code health monitor} reads the twin's
 * readings and writes its estimates into the twin, a follower keeps the twin's snapshot, and {@code health risk
 * --from-twin} reads the estimates back and names the spindle first.
 */
final class HealthMonitorIT {

    private static final Instant T0 = Instant.parse("2026-11-30T00:00:00Z");
    private static final double LINE_HOURS = 4;
    /** Line seconds per wall second: the 4 h run in about 8 s. */
    private static final double SPEED = 1800;
    /** The monitor's rounds, in minutes of line time. */
    private static final int ROUND_MINUTES = 10;
    /** The monitor's consumer group: linetwin-health-<line id>. */
    private static final String MONITOR_GROUP = "linetwin-health-test:wear";
    /** The bound of every wait: far above what a loaded box takes, it only ends a test that would otherwise hang. */
    private static final Duration WAIT = Duration.ofSeconds(180);

    @TempDir
    static Path dir;

    static EmbeddedBroker broker;
    static Path spindleModel;
    static Path deburrModel;

    @BeforeAll
    static void start() throws Exception {
        spindleModel = WearLineModels.train(dir.resolve("models"), "spindle");
        deburrModel = WearLineModels.train(dir.resolve("models"), "deburr");
        broker = EmbeddedBroker.start(0, dir.resolve("kafka"));
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    private static KafkaSettings settings(String topic, String group) {
        return KafkaSettings.of(broker.bootstrapServers(), topic, group);
    }

    @Test
    void theMonitorSeesTheSpindleWearAndHealthRiskNamesItFirst() throws Exception {
        Path scenario = WearLineModels.scenario();
        LineSpec line = ScenarioLoader.load(scenario).line();
        LineDescriptor things = LineDescriptors.of(line);
        broker.createTopic("wear.events", 3);
        broker.createTopic("wear.commands", 1);
        broker.createTopic("wear.responses", 1);
        Path snapshotFile = dir.resolve("twin.json");

        KafkaTwin follower = KafkaTwin.builder(things, settings("wear.events", "follower"))
                .checkpointFile(snapshotFile)
                .every(Duration.ofMillis(500))
                .start();
        // The monitor runs in-process on a thread of its own, which the test interrupts to stop it (as Ctrl-C does)
        // once it has read the whole run; --for only bounds a test that failed before that.
        FutureTask<Cli> monitor = new FutureTask<>(() -> Cli.run(
                "health",
                "monitor",
                scenario.toString(),
                "--kafka",
                broker.bootstrapServers(),
                "--topic",
                "wear.events",
                "--commands-topic",
                "wear.commands",
                "--model",
                "spindle=" + spindleModel,
                "--model",
                "deburr=" + deburrModel,
                "--every",
                ROUND_MINUTES + "m",
                "--for",
                "600s",
                "--horizon",
                "2h",
                "--threshold",
                "0.6"));
        Thread monitorThread = new Thread(monitor, "health-monitor-under-test");
        Cli result;
        long estimates;
        try (KafkaSignalPublisher events = new KafkaSignalPublisher(settings("wear.events", ""));
                KafkaSignalPublisher responses = new KafkaSignalPublisher(settings("wear.responses", ""));
                CommandInbox inbox = new CommandInbox(
                        settings("wear.commands", "emulator-wear"),
                        new ParameterCommands(line, things),
                        responses,
                        64)) {
            inbox.start();
            assertThat(inbox.awaitReady(WAIT)).isTrue();
            monitorThread.start();
            LineSimulation simulation = new LineSimulation(line).startingAt(LineClocks.secondsOfWeek(T0));
            LineEmulator emulator = new LineEmulator(simulation, events, T0, 11, 60, 60, Pacer.realTime(SPEED), inbox);
            // The line runs in real time at 1800x; how far the monitor keeps up with it depends on the box's load,
            // and nothing below does: its rounds go by the events' line time, and whatever it writes after the
            // line's last chunk, one more chunk takes into the twin.
            emulator.run(LINE_HOURS * 3600);
            awaitCommitted(MONITOR_GROUP, "wear.events", "the monitor to read the whole run");
            monitorThread.interrupt();
            result = monitor.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).contains("watching test:wear");
            Matcher written =
                    Pattern.compile("(\\d+) estimates written into the twin").matcher(result.out());
            assertThat(written.find()).as(result.out()).isTrue();
            estimates = Long.parseLong(written.group(1));
            awaitTrue(() -> inbox.received() >= estimates, "the emulator to receive the monitor's estimates");
            emulator.step(60);
            awaitCommitted("follower", "wear.events", "the follower to checkpoint the whole run");
        } finally {
            monitorThread.interrupt();
            follower.close();
        }

        // Every estimate the monitor wrote came back as the Thing's own event, nothing lost on the way.
        List<double[]> spindle =
                rulEvents("wear.events", things.thingIdOf("spindle").toString());
        List<double[]> deburr =
                rulEvents("wear.events", things.thingIdOf("deburr").toString());
        assertThat(spindle.size() + deburr.size()).isEqualTo(estimates);
        // Rounds of line time: one estimate per machine per 10 min of its events, and one more as the monitor stops
        // (4 h: at most 25 each), in the line's order.
        for (List<double[]> machine : List.of(spindle, deburr)) {
            assertThat(machine).hasSizeBetween(4, (int) (LINE_HOURS * 60 / ROUND_MINUTES) + 1);
            for (int i = 1; i < machine.size(); i++) {
                assertThat(machine.get(i)[0]).isGreaterThan(machine.get(i - 1)[0]);
            }
        }
        // The spindle's estimates fall while it wears.
        Instant firstFailure =
                firstDown("wear.events", things.thingIdOf("spindle").toString());
        List<double[]> firstLife = spindle.stream()
                .filter(e -> e[0] < firstFailure.getEpochSecond())
                .toList();
        assertThat(firstLife).hasSizeGreaterThanOrEqualTo(4);
        assertThat(firstLife.get(firstLife.size() - 1)[1]).isLessThan(firstLife.get(0)[1] - 3600);
        assertThat(follower.health().stats().stale())
                .as("no event of the line collided with an estimate")
                .isZero();
        assertThat(follower.health().stats().rejectedTotal()).isZero();

        Snapshot snapshot = Snapshot.read(snapshotFile);
        double lastSpindle = RulReadings.of(snapshot, things).get("spindle").seconds();
        assertThat(lastSpindle).isEqualTo(spindle.get(spindle.size() - 1)[1]);
        // The live loop's view of the twin reads the same number.
        assertThat(new TwinView(snapshot, things).rulSeconds("spindle")).hasValue(lastSpindle);

        Cli risk = Cli.run("health", "risk", scenario.toString(), "--from-twin", snapshotFile.toString());
        assertThat(risk.exitCode()).as(risk.err()).isZero();
        List<String> rows =
                risk.out().lines().filter(l -> l.matches("^[a-z]+ +\\d+%.*")).toList();
        assertThat(rows).extracting(r -> r.split(" ")[0]).containsExactly("spindle", "deburr");
    }

    /**
     * Waits until {@code group} has committed every record of {@code topic} (the monitor: read and handed to its
     * histories; the follower: in a written checkpoint), within a bound far above what a loaded box needs.
     */
    private static void awaitCommitted(String group, String topic, String what) throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            awaitTrue(
                    () -> {
                        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                        admin.describeTopics(List.of(topic))
                                .allTopicNames()
                                .get()
                                .get(topic)
                                .partitions()
                                .forEach(
                                        p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
                        var ends = admin.listOffsets(latest).all().get();
                        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                                .partitionsToOffsetAndMetadata()
                                .get();
                        return ends.entrySet().stream().allMatch(e -> {
                            OffsetAndMetadata c = committed.get(e.getKey());
                            return (c == null ? 0 : c.offset()) >= e.getValue().offset();
                        });
                    },
                    what);
        }
    }

    /** A condition to wait for, never a time to meet: {@link #WAIT} only ends a test that would otherwise hang. */
    @FunctionalInterface
    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(Condition condition, String what) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + WAIT.toSeconds() + " s for " + what);
            }
            Thread.sleep(100);
        }
    }

    /** Each health/rul event of the Thing: {epoch second of its "at", seconds}, in topic order. */
    private static List<double[]> rulEvents(String topic, String thingId) {
        List<double[]> out = new ArrayList<>();
        for (JsonObject event : read(topic)) {
            if (thingId.equals(thingOf(event))
                    && event.getValue("path")
                            .map(v -> v.asString())
                            .orElse("")
                            .equals("/features/health/properties/rul")) {
                JsonObject rul = event.getValue("value").orElseThrow().asObject();
                out.add(new double[] {
                    Instant.parse(rul.getValue("at").orElseThrow().asString()).getEpochSecond(),
                    rul.getValue("seconds").orElseThrow().asDouble()
                });
            }
        }
        return out;
    }

    private static Instant firstDown(String topic, String thingId) {
        for (JsonObject event : read(topic)) {
            if (thingId.equals(thingOf(event))
                    && event.getValue("path")
                            .map(v -> v.asString())
                            .orElse("")
                            .equals("/features/status/properties/state")
                    && event.getValue("value").orElseThrow().asString().equals("down")) {
                return Instant.parse(event.getValue("timestamp").orElseThrow().asString());
            }
        }
        return Instant.MAX;
    }

    private static String thingOf(JsonObject event) {
        String[] topic = event.getValue("topic").orElseThrow().asString().split("/");
        return topic[0] + ":" + topic[1];
    }

    /** Every record of {@code topic}, read until the consumer's position reaches the topic's end. */
    private static List<JsonObject> read(String topic) {
        List<JsonObject> out = TopicRecords.all(broker.bootstrapServers(), topic).stream()
                .map(r -> JsonFactory.newObject(r.value()))
                .toList();
        // One Thing's events are in the topic's order (one partition per key), which is all the callers need.
        return out;
    }
}
