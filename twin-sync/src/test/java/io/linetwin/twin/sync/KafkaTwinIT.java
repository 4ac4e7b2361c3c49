package io.linetwin.twin.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.broker.EmbeddedBroker;
import io.linetwin.twin.DittoMessages;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.protocol.ProtocolFactory;
import org.eclipse.ditto.protocol.adapter.DittoProtocolAdapter;
import org.eclipse.ditto.things.model.ThingId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class KafkaTwinIT {

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

    private static void publish(KafkaSignalPublisher publisher, List<Traffic.Message> messages) {
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (Traffic.Message m : messages) {
            sent.add(publisher.publish(m.key(), m.json(), new RecordHeaders()));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
    }

    /** The same messages applied directly: what the twin must look like after Kafka. */
    private static TwinStore expected(LineDescriptor line, List<Traffic.Message> messages) {
        TwinStore store = TwinStore.of(line, Lines.fixedClock());
        messages.forEach(m -> store.apply(m.json()));
        return store;
    }

    @Test
    void eventsSentThroughKafkaEndUpInTheTwinSnapshot() throws Exception {
        String topic = "events-snapshot";
        broker.createTopic(topic, 3);
        LineDescriptor line = Lines.bottling();
        List<Traffic.Message> messages = new ArrayList<>(new Traffic(line, 1).next(3_000));
        // Duplicates and late arrivals, as an at-least-once source produces them.
        List<Traffic.Message> resent = new ArrayList<>(messages.subList(100, 400));
        messages.addAll(resent);
        messages.add(messages.get(10));
        messages.add(new Traffic.Message("x", "{ not json"));

        TwinStore twin = TwinStore.of(line, Lines.fixedClock());
        try (KafkaTwinConsumer consumer =
                        new KafkaTwinConsumer(KafkaSettings.of(broker.bootstrapServers(), topic, "twin-a"), twin);
                KafkaSignalPublisher publisher =
                        new KafkaSignalPublisher(KafkaSettings.of(broker.bootstrapServers(), topic, ""))) {
            consumer.start();
            publish(publisher, messages);
            await("the twin consumed everything", () -> consumer.records() == messages.size());
        }

        TwinStore expected = expected(line, messages);
        assertThat(twin.snapshot().things()).isEqualTo(expected.snapshot().things());
        assertThat(twin.stats().applied()).isEqualTo(3_000);
        assertThat(twin.stats().stale()).isEqualTo(301);
        assertThat(twin.stats().rejectedTotal()).isEqualTo(1);
    }

    @Test
    void restartingTheConsumerMidStreamLosesNothingAndAppliesNothingTwice() throws Exception {
        String topic = "events-restart";
        broker.createTopic(topic, 2);
        LineDescriptor line = Traffic.line(10);
        List<Traffic.Message> messages = new Traffic(line, 2).next(20_000);
        KafkaSettings settings = KafkaSettings.of(broker.bootstrapServers(), topic, "twin-b");
        TwinStore twin = TwinStore.of(line, Lines.fixedClock());

        try (KafkaSignalPublisher publisher = new KafkaSignalPublisher(settings)) {
            Thread producer = new Thread(() -> publish(publisher, messages));
            producer.start();
            KafkaTwinConsumer first = new KafkaTwinConsumer(settings, twin);
            first.start();
            await("the first consumer is mid-stream", () -> first.records() >= 5_000);
            first.close();
            long firstRun = first.records();
            // Stopped mid-stream: the second consumer of the group resumes from the committed offsets.
            long secondRun;
            try (KafkaTwinConsumer second = new KafkaTwinConsumer(settings, twin)) {
                second.start();
                await("the twin applied every message", () -> twin.stats().applied() == messages.size());
                producer.join();
                secondRun = second.records();
            }
            assertThat(firstRun).isLessThan(messages.size());
            assertThat(firstRun + secondRun).isGreaterThanOrEqualTo(messages.size());
        }

        assertThat(twin.stats().applied()).isEqualTo(messages.size());
        assertThat(twin.stats().rejectedTotal()).isZero();
        TwinStore expected = expected(line, messages);
        assertThat(twin.snapshot().things()).isEqualTo(expected.snapshot().things());
        assertThat(twin.snapshot().revisionSum()).isEqualTo(messages.size());
    }

    @Test
    void appliedOffsetsAreCommittedOnCloseHoweverWideTheCommitInterval() throws Exception {
        String topic = "events-commit";
        broker.createTopic(topic, 2);
        LineDescriptor line = Traffic.line(4);
        List<Traffic.Message> messages = new Traffic(line, 5).next(3_000);
        KafkaSettings settings = new KafkaSettings(
                broker.bootstrapServers(),
                topic,
                "twin-d",
                java.util.Map.of(KafkaTwinConsumer.COMMIT_INTERVAL_MS, "3600000"));
        TwinStore twin = TwinStore.of(line, Lines.fixedClock());
        try (KafkaSignalPublisher publisher = new KafkaSignalPublisher(settings);
                KafkaTwinConsumer consumer = new KafkaTwinConsumer(settings, twin)) {
            consumer.start();
            publish(publisher, messages);
            await("the twin consumed everything", () -> consumer.records() == messages.size());
        }

        long committed;
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                java.util.Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            committed = admin.listConsumerGroupOffsets("twin-d").partitionsToOffsetAndMetadata().get().values().stream()
                    .mapToLong(o -> o.offset())
                    .sum();
        }
        assertThat(committed).isEqualTo(messages.size());
        assertThat(twin.stats().applied()).isEqualTo(messages.size());
    }

    @Test
    void modifyCommandsLeaveOnTheCommandsTopicKeyedByThing() throws Exception {
        String topic = KafkaSettings.COMMANDS_TOPIC;
        broker.createTopic(topic, 2);
        ThingId filler = ThingId.of("plant1:bottling.filler");
        var command = DittoMessages.modifyProperty(filler, "parameters", "speed", JsonValue.of(1.1), "proposal-17");
        try (KafkaSignalPublisher publisher =
                new KafkaSignalPublisher(KafkaSettings.of(broker.bootstrapServers(), topic, ""))) {
            publisher.send(command).toCompletableFuture().get();
        }

        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "line");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> line =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            line.subscribe(List.of(topic));
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                line.poll(Duration.ofMillis(200)).forEach(received::add);
            }
        }

        assertThat(received).hasSize(1);
        assertThat(received.get(0).key()).isEqualTo(filler.toString());
        var adaptable = ProtocolFactory.jsonifiableAdaptableFromJson(
                JsonFactory.newObject(received.get(0).value()));
        var decoded = DittoProtocolAdapter.newInstance().fromAdaptable(adaptable);
        assertThat(decoded).isInstanceOf(command.getClass());
        assertThat(((org.eclipse.ditto.base.model.json.Jsonifiable<?>) decoded).toJson())
                .isEqualTo(command.toJson());
        assertThat(decoded.getDittoHeaders().getCorrelationId()).contains("proposal-17");
    }

    @Test
    void restartingTheBrokerMidStreamLosesNothing() throws Exception {
        String topic = "events-broker-restart";
        broker.createTopic(topic, 1);
        LineDescriptor line = Traffic.line(3);
        Traffic traffic = new Traffic(line, 3);
        List<Traffic.Message> before = traffic.next(2_000);
        List<Traffic.Message> after = traffic.next(2_000);
        KafkaSettings settings = KafkaSettings.of(broker.bootstrapServers(), topic, "twin-c");
        TwinStore twin = TwinStore.of(line, Lines.fixedClock());

        try (KafkaSignalPublisher publisher = new KafkaSignalPublisher(settings);
                KafkaTwinConsumer consumer = new KafkaTwinConsumer(settings, twin)) {
            consumer.start();
            publish(publisher, before);
            await("the first half arrived", () -> twin.stats().applied() == before.size());
            broker.restart();
            publish(publisher, after);
            await("the second half arrived", () -> twin.stats().applied() == before.size() + after.size());
        }

        List<Traffic.Message> all = new ArrayList<>(before);
        all.addAll(after);
        assertThat(twin.snapshot().things())
                .isEqualTo(expected(line, all).snapshot().things());
    }

    @Test
    void aConsumerThatFailsStartsAgainAndLosesNothing() throws Exception {
        String topic = "events-failing";
        broker.createTopic(topic, 2);
        LineDescriptor line = Traffic.line(5);
        List<Traffic.Message> messages = new Traffic(line, 7).next(4_000);
        KafkaSettings settings = KafkaSettings.of(broker.bootstrapServers(), topic, "twin-failing");
        TwinStore twin = TwinStore.of(line, Lines.fixedClock());
        java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
        // Before, one unexpected exception stopped the consumer thread for good and the twin went stale silently.
        KafkaTwinConsumer.RecordObserver failOnce = (record, outcome) -> {
            if (seen.incrementAndGet() == 1_500) {
                throw new IllegalStateException("planted failure");
            }
        };
        try (KafkaSignalPublisher publisher = new KafkaSignalPublisher(settings);
                KafkaTwinConsumer consumer = KafkaTwinConsumer.builder(settings, twin)
                        .observer(failOnce)
                        .backoff(Duration.ofMillis(50), Duration.ofMillis(200))
                        .build()) {
            consumer.start();
            publish(publisher, messages);
            await("the twin applied every message", () -> twin.stats().applied() == messages.size());
            assertThat(consumer.restarts()).isEqualTo(1);
            TwinHealth health = consumer.health();
            assertThat(health.restarts()).isEqualTo(1);
            assertThat(health.lastError()).hasValueSatisfying(e -> assertThat(e).contains("planted failure"));
            assertThat(health.consumer()).isEqualTo(TwinHealth.ConsumerState.RUNNING);
        }
        assertThat(twin.stats().rejectedTotal()).isZero();
        assertThat(twin.snapshot().things())
                .isEqualTo(expected(line, messages).snapshot().things());
    }

    @Test
    void aRecordThatThrowsWhileAppliedIsKeptAsADeadLetterBeforeItsOffsetIsCommitted() throws Exception {
        String topic = "events-throwing";
        broker.createTopic(topic, 1);
        LineDescriptor line = Traffic.line(3);
        List<Traffic.Message> messages = new Traffic(line, 8).next(1_000);
        String poison = messages.get(400).json();
        io.linetwin.twin.ThingUpdate poisoned = new io.linetwin.twin.SignalDecoder().decode(poison);
        KafkaSettings settings = KafkaSettings.of(broker.bootstrapServers(), topic, "twin-throwing");
        TwinStore twin = TwinStore.of(line, Lines.fixedClock());
        Path letters = dir.resolve("throwing.deadletters.jsonl");
        java.util.function.Function<io.linetwin.twin.Prepared, io.linetwin.twin.TwinEvent> applier = prepared -> {
            if (prepared instanceof io.linetwin.twin.Prepared.Update u
                    && u.update().equals(poisoned)) {
                throw new IllegalStateException("planted defect");
            }
            return twin.apply(prepared);
        };
        try (KafkaSignalPublisher publisher = new KafkaSignalPublisher(settings);
                DeadLetters deadLetters = DeadLetters.toFile(letters);
                KafkaTwinConsumer consumer = KafkaTwinConsumer.builder(settings, twin)
                        .deadLetters(deadLetters)
                        .applier(applier)
                        .build()) {
            consumer.start();
            publish(publisher, messages);
            await("the consumer handled every record", () -> consumer.records() == messages.size());
            assertThat(consumer.failures()).isEqualTo(1);
            assertThat(consumer.health().deadLettered()).isEqualTo(1);
        }
        List<String> lines = java.nio.file.Files.readAllLines(letters);
        assertThat(lines).singleElement().satisfies(l -> {
            var letter = JsonFactory.newObject(l);
            assertThat(letter.getValue("reason")).contains(JsonValue.of("APPLY_FAILED"));
            assertThat(letter.getValue("detail").orElseThrow().asString()).contains("planted defect");
            assertThat(letter.getValue("source")).contains(JsonValue.of(topic + "/0@400"));
            assertThat(letter.getValue("value")).contains(JsonValue.of(poison));
        });
        assertThat(twin.stats().rejected()).containsEntry(io.linetwin.twin.RejectReason.APPLY_FAILED, 1L);
        assertThat(twin.stats().applied()).isEqualTo(messages.size() - 1);
        assertThat(committed("twin-throwing")).isEqualTo(messages.size());
    }

    /** The dead letters on {@code topic}, read from its start until {@code expected} came (or patience ran out). */
    private static List<JsonObject> lettersOn(String topic, long expected) {
        List<JsonObject> letters = new ArrayList<>();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, topic + "-reader");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> reader =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            reader.subscribe(List.of(topic));
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (letters.size() < expected && System.nanoTime() < deadline) {
                reader.poll(Duration.ofMillis(200)).forEach(r -> letters.add(JsonFactory.newObject(r.value())));
            }
        }
        return letters;
    }

    @Test
    void refusedMessagesGoToTheDeadLetterTopicWithTheirReasons() throws Exception {
        String topic = "events-refused";
        String deadTopic = "events-refused.deadletters";
        broker.createTopic(topic, 1);
        broker.createTopic(deadTopic, 1);
        LineDescriptor line = Lines.bottling();
        List<Traffic.Message> messages = new ArrayList<>(new Traffic(line, 9).next(200));
        messages.add(new Traffic.Message("x", "{ not json"));
        messages.add(new Traffic.Message(
                "plant1:bottling.b1",
                "{\"topic\":\"plant1/bottling.b1/things/twin/events/"
                        + "modified\",\"path\":\"/attributes/capacity\",\"value\":-99,\"revision\":900}"));
        KafkaSettings settings = KafkaSettings.of(broker.bootstrapServers(), topic, "twin-refused");
        TwinStore twin = TwinStore.of(line, Lines.fixedClock());
        try (KafkaSignalPublisher publisher = new KafkaSignalPublisher(settings);
                KafkaTwinConsumer consumer = KafkaTwinConsumer.builder(settings, twin)
                        .deadLetters(DeadLetters.toTopic(settings.withTopic(deadTopic)))
                        .build()) {
            consumer.start();
            publish(publisher, messages);
            await("the consumer handled every record", () -> consumer.records() == messages.size());
        }
        List<String> reasons = lettersOn(deadTopic, twin.stats().rejectedTotal()).stream()
                .map(l -> l.getValue("reason").orElseThrow().asString())
                .toList();
        assertThat(reasons).hasSize((int) twin.stats().rejectedTotal()).contains("NOT_JSON", "FORBIDDEN_PATH");
        assertThat(reasons.stream().filter(r -> r.equals("NOT_JSON")).count()).isEqualTo(1);
    }

    @Test
    void aKafkaTwinResumesFromItsCheckpointWithoutReadingTheTopicAgain() throws Exception {
        String topic = "events-checkpoint";
        broker.createTopic(topic, 3);
        LineDescriptor line = Traffic.line(6);
        Traffic traffic = new Traffic(line, 10);
        List<Traffic.Message> first = traffic.next(3_000);
        List<Traffic.Message> second = traffic.next(1_000);
        KafkaSettings settings = KafkaSettings.of(broker.bootstrapServers(), topic, "twin-checkpoint");
        Path checkpoint = dir.resolve("checkpoint.json");
        try (KafkaSignalPublisher publisher = new KafkaSignalPublisher(settings)) {
            publish(publisher, first);
            try (KafkaTwin twin = KafkaTwin.builder(line, settings)
                    .checkpointFile(checkpoint)
                    .every(Duration.ofMillis(100))
                    .wallClock(Lines.fixedClock())
                    .start()) {
                await(
                        "the first twin applied everything",
                        () -> twin.store().stats().applied() == first.size());
            }
            io.linetwin.twin.Snapshot saved = io.linetwin.twin.Snapshot.read(checkpoint);
            assertThat(saved.offsets().values().stream()
                            .mapToLong(Long::longValue)
                            .sum())
                    .isEqualTo(first.size());
            assertThat(saved.revisionSum()).isEqualTo(first.size());

            publish(publisher, second);
            try (KafkaTwin twin = KafkaTwin.builder(line, settings)
                    .checkpointFile(checkpoint)
                    .every(Duration.ofMillis(100))
                    .wallClock(Lines.fixedClock())
                    .start()) {
                assertThat(twin.resumedRecords()).isEqualTo(first.size());
                await(
                        "the second twin caught up",
                        () -> twin.records() >= second.size()
                                && twin.snapshot().revisionSum() == first.size() + second.size());
                assertThat(twin.records()).isEqualTo(second.size());
                List<Traffic.Message> all = new ArrayList<>(first);
                all.addAll(second);
                assertThat(things(twin.snapshot()))
                        .isEqualTo(things(expected(line, all).snapshot()));
            }
        }
    }

    /** The Things without the twin's own bookkeeping (when it applied them), which differs between twins. */
    private static java.util.Map<?, ?> things(io.linetwin.twin.Snapshot snapshot) {
        java.util.Map<Object, Object> out = new java.util.TreeMap<>();
        snapshot.things()
                .forEach((id, t) -> out.put(id.toString(), t.thing().toJson().toString() + "@" + t.revision()));
        return out;
    }

    private static long committed(String group) throws Exception {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                java.util.Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().values().stream()
                    .mapToLong(o -> o.offset())
                    .sum();
        }
    }

    /** 200 events of the bottling line, two it refuses (offsets 200 and 201), 100 more. */
    private static List<Traffic.Message> groupTraffic(LineDescriptor line) {
        Traffic traffic = new Traffic(line, 11);
        List<Traffic.Message> messages = new ArrayList<>(traffic.next(200));
        // Keyed by the line and by one of its Things, so the line's owner must handle them.
        messages.add(new Traffic.Message("plant1:bottling", "{ not json"));
        messages.add(new Traffic.Message(
                "plant1:bottling.b1",
                "{\"topic\":\"plant1/bottling.b1/things/twin/events/"
                        + "modified\",\"path\":\"/attributes/capacity\",\"value\":-99,\"revision\":900}"));
        messages.addAll(traffic.next(100));
        return messages;
    }

    /** The group twin: a refused record of an owned line is a dead letter, as for one line, and the member goes on. */
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
        List<Traffic.Message> messages = groupTraffic(line);
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

        List<JsonObject> letters = lettersOn(deadTopic, 2);
        assertThat(letters)
                .extracting(l -> l.getValue("reason").orElseThrow().asString())
                .containsExactly("NOT_JSON", "FORBIDDEN_PATH");
        assertThat(letters)
                .extracting(l -> l.getValue("source").orElseThrow().asString())
                .containsExactly(topic + "/0@200", topic + "/0@201");
        assertThat(letters.get(0).getValue("value").orElseThrow().asString()).isEqualTo("{ not json");
    }

    /** Dead letters that cannot be stored, once: the store loses them, as a broker that goes away would. */
    private static final class FailingOnceLetters implements DeadLetters {
        private final List<DeadLetter> pending = new ArrayList<>();
        private final List<DeadLetter> stored = new ArrayList<>();
        private int failures;

        @Override
        public synchronized void add(DeadLetter letter) {
            pending.add(letter);
        }

        @Override
        public synchronized void flush() {
            if (failures == 0 && !pending.isEmpty()) {
                failures++;
                pending.clear();
                throw new DeadLetterException("the dead-letter store is away", null);
            }
            stored.addAll(pending);
            pending.clear();
        }

        @Override
        public synchronized long count() {
            return stored.size();
        }

        @Override
        public void close() {
            flush();
        }

        synchronized List<String> sources() {
            return stored.stream().map(DeadLetter::source).toList();
        }

        synchronized int failures() {
            return failures;
        }
    }

    /**
     * A member whose dead letters cannot be stored commits nothing past them and reads again from its last commit:
     * the refused records are lettered once the store takes them, and the replayed events apply nothing twice.
     */
    @Test
    void aGroupMemberWhoseDeadLettersAreLostReadsAgainAndLettersThemOnce() throws Exception {
        String topic = "group-events-failing";
        String checkpoints = topic + ".checkpoints";
        broker.createTopic(topic, 1);
        Topics.Spec spec = LineGroupTwin.checkpointTopic(checkpoints);
        broker.createTopic(checkpoints, spec.partitions(), spec.configs());
        LineDescriptor line = Lines.bottling();
        List<Traffic.Message> messages = groupTraffic(line);
        TwinStore expected = TwinStore.of(line, Lines.fixedClock());
        messages.forEach(m -> expected.apply(m.json()));
        KafkaSettings settings = KafkaSettings.of(broker.bootstrapServers(), topic, "group-failing");
        FailingOnceLetters letters = new FailingOnceLetters();

        LineGroupTwin twin = LineGroupTwin.start(
                List.of(line),
                settings,
                checkpoints,
                Duration.ofMillis(200),
                InputLimits.DEFAULT,
                Clock.systemUTC(),
                letters);
        long applied;
        try (KafkaSignalPublisher publisher = new KafkaSignalPublisher(settings)) {
            await("the member owns the line", () -> twin.owned().contains("plant1:bottling"));
            publish(publisher, messages);
            await("the lost letters are stored after all", () -> letters.failures() == 1 && letters.count() == 2);
            await(
                    "every event is applied",
                    () -> twin.stats("plant1:bottling").orElseThrow().applied()
                            == expected.stats().applied());
            applied = twin.stats("plant1:bottling").orElseThrow().applied();
        } finally {
            twin.close();
        }
        assertThat(applied).isEqualTo(expected.stats().applied());
        assertThat(letters.sources()).containsExactly(topic + "/0@200", topic + "/0@201");
        assertThat(committed("group-failing")).isEqualTo(messages.size());
    }
}
