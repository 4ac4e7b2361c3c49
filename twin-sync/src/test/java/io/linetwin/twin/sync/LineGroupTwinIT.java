package io.linetwin.twin.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.broker.EmbeddedBroker;
import io.linetwin.twin.InputLimits;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.Lines;
import io.linetwin.twin.TwinStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The group twin on a real KRaft broker: a refused record of an owned line is a dead letter, as for one line. */
final class LineGroupTwinIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @TempDir
    static Path dir;

    static EmbeddedBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedBroker.start(0, dir.resolve("kafka"));
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void refusedRecordsOfAnOwnedLineGoToTheDeadLetterTopicAndTheMemberGoesOn() throws Exception {
        String topic = "group-events";
        String deadTopic = "group-events.deadletters";
        String checkpoints = "group-events.checkpoints";
        broker.createTopic(topic, 1);
        broker.createTopic(deadTopic, 1);
        Topics.Spec spec = LineGroupTwin.checkpointTopic(checkpoints);
        broker.createTopic(checkpoints, spec.partitions(), spec.configs());
        LineDescriptor line = Lines.bottling();
        Traffic traffic = new Traffic(line, 11);
        List<Traffic.Message> messages = new ArrayList<>(traffic.next(200));
        // Offsets 200 and 201: keyed by the line and by one of its Things, so the line's owner must handle them.
        messages.add(new Traffic.Message("plant1:bottling", "{ not json"));
        messages.add(new Traffic.Message(
                "plant1:bottling.b1",
                "{\"topic\":\"plant1/bottling.b1/things/twin/events/"
                        + "modified\",\"path\":\"/attributes/capacity\",\"value\":-99,\"revision\":900}"));
        messages.addAll(traffic.next(100));
        TwinStore expected = TwinStore.of(line, Lines.fixedClock());
        messages.forEach(m -> expected.apply(m.json()));
        KafkaSettings settings = KafkaSettings.of(broker.bootstrapServers(), topic, "group-refused");

        LineGroupTwin twin = LineGroupTwin.start(
                List.of(line),
                settings,
                checkpoints,
                Duration.ofMillis(200),
                InputLimits.DEFAULT,
                Clock.systemUTC(),
                DeadLetters.toTopic(settings.withTopic(deadTopic)));
        try (KafkaSignalPublisher publisher = new KafkaSignalPublisher(settings)) {
            await("the member owns the line", () -> twin.owned().contains("plant1:bottling"));
            List<CompletableFuture<?>> sent = new ArrayList<>();
            for (Traffic.Message m : messages) {
                sent.add(publisher.publish(m.key(), m.json(), new RecordHeaders()));
            }
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
            await("the member handled every record", () -> twin.records() == messages.size());
            await("both dead letters are stored", () -> twin.deadLettered() == 2);
            assertThat(twin.owned()).containsExactly("plant1:bottling");
            TwinStore.Stats stats = twin.stats("plant1:bottling").orElseThrow();
            assertThat(stats.applied()).isEqualTo(expected.stats().applied());
            assertThat(stats.rejectedTotal()).isEqualTo(2);
        } finally {
            twin.close();
        }

        List<JsonObject> letters = new ArrayList<>();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "group-dead-reader");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> reader =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            reader.subscribe(List.of(deadTopic));
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (letters.size() < 2 && System.nanoTime() < deadline) {
                reader.poll(Duration.ofMillis(200)).forEach(r -> letters.add(JsonFactory.newObject(r.value())));
            }
        }
        assertThat(letters)
                .extracting(l -> l.getValue("reason").orElseThrow().asString())
                .containsExactly("NOT_JSON", "FORBIDDEN_PATH");
        assertThat(letters)
                .extracting(l -> l.getValue("source").orElseThrow().asString())
                .containsExactly(topic + "/0@200", topic + "/0@201");
        assertThat(letters.get(0).getValue("value").orElseThrow().asString()).isEqualTo("{ not json");
    }
}
