package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.app.emulate.CommandInbox;
import io.linetwin.app.emulate.LineClocks;
import io.linetwin.app.emulate.LineEmulator;
import io.linetwin.app.emulate.Pacer;
import io.linetwin.app.emulate.ParameterCommands;
import io.linetwin.app.health.WearLineModels;
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
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
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
        CompletableFuture<Cli> monitor;
        try (KafkaSignalPublisher events = new KafkaSignalPublisher(settings("wear.events", ""));
                KafkaSignalPublisher responses = new KafkaSignalPublisher(settings("wear.responses", ""));
                CommandInbox inbox = new CommandInbox(
                        settings("wear.commands", "emulator-wear"),
                        new ParameterCommands(line, things),
                        responses,
                        64)) {
            inbox.start();
            assertThat(inbox.awaitReady(Duration.ofSeconds(60))).isTrue();
            monitor = CompletableFuture.supplyAsync(() -> Cli.run(
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
                    "300ms",
                    "--for",
                    (int) (LINE_HOURS * 3600 / SPEED + 6) + "s",
                    "--horizon",
                    "2h",
                    "--threshold",
                    "0.6"));
            LineSimulation simulation = new LineSimulation(line).startingAt(LineClocks.secondsOfWeek(T0));
            new LineEmulator(simulation, events, T0, 11, 60, 60, Pacer.realTime(SPEED), inbox).run(LINE_HOURS * 3600);
            Cli result = monitor.join();
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).contains("watching test:wear").contains("estimates written into the twin");
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (follower.health().lag().orElse(1) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } finally {
            follower.close();
        }

        // What the twin received: the spindle's estimates, as the line's own events, fall while it wears.
        List<double[]> spindle =
                rulEvents("wear.events", things.thingIdOf("spindle").toString());
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

    private static List<JsonObject> read(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + System.nanoTime());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<JsonObject> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            int emptyPolls = 0;
            while (emptyPolls < 5) {
                var records = consumer.poll(Duration.ofMillis(500));
                emptyPolls = records.isEmpty() && !out.isEmpty() ? emptyPolls + 1 : records.isEmpty() ? emptyPolls : 0;
                records.forEach(r -> out.add(JsonFactory.newObject(r.value())));
            }
        }
        // One Thing's events are in the topic's order (one partition per key), which is all the callers need.
        return out;
    }
}
