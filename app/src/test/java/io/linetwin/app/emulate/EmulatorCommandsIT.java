package io.linetwin.app.emulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.broker.EmbeddedBroker;
import io.linetwin.model.LineSpec;
import io.linetwin.twin.DittoMessages;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.LineDescriptors;
import io.linetwin.twin.sync.KafkaSettings;
import io.linetwin.twin.sync.KafkaSignalPublisher;
import io.linetwin.twin.sync.KafkaTwin;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.ditto.base.model.signals.Signal;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.protocol.ProtocolFactory;
import org.eclipse.ditto.protocol.adapter.DittoProtocolAdapter;
import org.eclipse.ditto.things.model.ThingId;
import org.eclipse.ditto.things.model.signals.commands.ThingErrorResponse;
import org.eclipse.ditto.things.model.signals.commands.modify.ModifyFeaturePropertyResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The emulated line's command input and its restart, through a real broker. */
final class EmulatorCommandsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final ThingId FILLER = ThingId.of("plant1:bottling.filler");

    @TempDir
    static Path dir;

    static EmbeddedBroker broker;
    static LineSpec line;
    static LineDescriptor things;

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedBroker.start(0, dir.resolve("kafka"));
        line = LineEmulatorTest.bottling();
        things = LineDescriptors.of(line);
    }

    @AfterAll
    static void stop() {
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

    private static KafkaSettings settings(String topic, String group) {
        return KafkaSettings.of(broker.bootstrapServers(), topic, group);
    }

    private static void send(KafkaSignalPublisher gate, double speed, String correlationId) {
        gate.send(DittoMessages.modifyProperty(FILLER, "parameters", "speed", JsonValue.of(speed), correlationId))
                .toCompletableFuture()
                .join();
    }

    private static CommandInbox inbox(String topic, String group, KafkaSignalPublisher responses, int maxPending) {
        return new CommandInbox(settings(topic, group), new ParameterCommands(line, things), responses, maxPending);
    }

    private static List<Signal<?>> read(String topic, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + topic);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<Signal<?>> out = new ArrayList<>();
        DittoProtocolAdapter adapter = DittoProtocolAdapter.newInstance();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (out.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200))
                        .forEach(r -> out.add(adapter.fromAdaptable(
                                ProtocolFactory.jsonifiableAdaptableFromJson(JsonFactory.newObject(r.value())))));
            }
        }
        return out;
    }

    @Test
    void refusalsAndConfirmationsGoBackAsDittoResponsesWithTheCorrelationId() throws Exception {
        broker.createTopic("answers.commands", 1);
        broker.createTopic("answers.responses", 1);
        broker.createTopic("answers.events", 1);
        try (KafkaSignalPublisher gate = new KafkaSignalPublisher(settings("answers.commands", ""));
                KafkaSignalPublisher responses = new KafkaSignalPublisher(settings("answers.responses", ""));
                KafkaSignalPublisher events = new KafkaSignalPublisher(settings("answers.events", ""));
                CommandInbox inbox = inbox("answers.commands", "emulator-answers", responses, 64)) {
            inbox.start();
            assertThat(inbox.awaitReady(PATIENCE)).isTrue();
            send(gate, 1.5, "too-fast");
            gate.send(DittoMessages.modifyProperty(FILLER, "parameters", "speed", JsonValue.of(1.1), "live-one")
                            .setDittoHeaders(org.eclipse.ditto.base.model.headers.DittoHeaders.newBuilder()
                                    .correlationId("live-one")
                                    .channel("live")
                                    .build()))
                    .toCompletableFuture()
                    .join();
            send(gate, 1.1, "ok");
            await("the inbox read the three commands", () -> inbox.received() == 3);
            LineEmulator emulator = new LineEmulator(
                    LineEmulatorTest.simulationOf(line),
                    events,
                    LineEmulatorTest.START,
                    5,
                    30,
                    60,
                    Pacer.NO_WAIT,
                    inbox);
            emulator.step(30);
            assertThat(emulator.state().parameters().get("filler")).containsEntry("speed", 1.1);
        }

        List<Signal<?>> answers = read("answers.responses", 3);
        assertThat(answers).hasSize(3);
        assertThat(answers.get(0)).isInstanceOfSatisfying(ThingErrorResponse.class, e -> {
            assertThat(e.getDittoHeaders().getCorrelationId()).contains("too-fast");
            assertThat(e.getDittoHeaders()).containsEntry(Refusal.HEADER, "outOfRange");
            assertThat(e.getHttpStatus().getCode()).isEqualTo(403);
        });
        assertThat(answers.get(1)).isInstanceOfSatisfying(ThingErrorResponse.class, e -> {
            assertThat(e.getDittoHeaders().getCorrelationId()).contains("live-one");
            assertThat(e.getDittoHeaders()).containsEntry(Refusal.HEADER, "liveChannel");
        });
        assertThat(answers.get(2)).isInstanceOfSatisfying(ModifyFeaturePropertyResponse.class, r -> {
            assertThat(r.getDittoHeaders().getCorrelationId()).contains("ok");
            assertThat(r.getHttpStatus().getCode()).isEqualTo(204);
        });
    }

    @Test
    void aCommandSentWhileTheEmulatorIsDownIsTakenWhenItIsBackAndOnlyAnsweredOnesAreForgotten() throws Exception {
        broker.createTopic("down.commands", 1);
        broker.createTopic("down.responses", 1);
        try (KafkaSignalPublisher gate = new KafkaSignalPublisher(settings("down.commands", ""));
                KafkaSignalPublisher responses = new KafkaSignalPublisher(settings("down.responses", ""))) {
            try (CommandInbox first = inbox("down.commands", "emulator-down", responses, 64)) {
                first.start();
                assertThat(first.awaitReady(PATIENCE)).isTrue();
            }
            // The emulator is down: before, this command was lost (the inbox read from the end at every start).
            send(gate, 1.1, "while-down");
            try (CommandInbox second = inbox("down.commands", "emulator-down", responses, 64)) {
                second.start();
                await("the restarted inbox took the command", () -> second.pending() == 1);
                assertThat(second.drain()).containsExactly(new ParameterChange("filler", "speed", 1.1));
                // Crashes before applying it: the command is not answered, so it must come again.
            }
            try (CommandInbox third = inbox("down.commands", "emulator-down", responses, 64)) {
                third.start();
                await("the command came again", () -> third.pending() == 1);
                assertThat(third.drain()).containsExactly(new ParameterChange("filler", "speed", 1.1));
                third.applied();
            }
            try (CommandInbox fourth = inbox("down.commands", "emulator-down", responses, 64)) {
                fourth.start();
                assertThat(fourth.awaitReady(PATIENCE)).isTrue();
                send(gate, 1.0, "after");
                await("the next command arrived", () -> fourth.received() >= 1);
                assertThat(fourth.drain())
                        .as("the applied command is forgotten")
                        .containsExactly(new ParameterChange("filler", "speed", 1.0));
            }
        }
    }

    @Test
    void theQueueOfAcceptedCommandsIsBoundedAndNothingIsDropped() throws Exception {
        broker.createTopic("bounded.commands", 1);
        broker.createTopic("bounded.responses", 1);
        try (KafkaSignalPublisher gate = new KafkaSignalPublisher(settings("bounded.commands", ""));
                KafkaSignalPublisher responses = new KafkaSignalPublisher(settings("bounded.responses", ""));
                CommandInbox inbox = inbox("bounded.commands", "emulator-bounded", responses, 2)) {
            inbox.start();
            assertThat(inbox.awaitReady(PATIENCE)).isTrue();
            for (int i = 0; i < 6; i++) {
                send(gate, i % 2 == 0 ? 1.1 : 1.0, "c" + i);
            }
            List<ParameterChange> taken = new ArrayList<>();
            while (taken.size() < 6) {
                await("commands waiting", () -> inbox.pending() > 0);
                assertThat(inbox.pending()).isLessThanOrEqualTo(2);
                assertThat(inbox.received()).isLessThanOrEqualTo(taken.size() + 2L);
                taken.addAll(inbox.drain());
                inbox.applied();
            }
            assertThat(taken).hasSize(6);
            assertThat(inbox.refused()).isZero();
        }
    }

    @Test
    void anEmulatorStartedAgainContinuesTheLineAndTheTwinTakesEveryEvent() throws Exception {
        broker.createTopic("resume.events", 3);
        KafkaSettings events = settings("resume.events", "");
        LineEmulator first;
        LineEmulator second;
        try (KafkaSignalPublisher publisher = new KafkaSignalPublisher(events)) {
            first = new LineEmulator(
                    LineEmulatorTest.simulationOf(line),
                    publisher,
                    LineEmulatorTest.START,
                    21,
                    30,
                    60,
                    Pacer.NO_WAIT,
                    CommandSource.NONE);
            first.run(900);
        }
        EmulatorResume.Resumed resumed = EmulatorResume.read(events, line, 30).orElseThrow();
        assertThat(resumed.start().at()).isEqualTo(LineEmulatorTest.START.plusSeconds(900));
        assertThat(resumed.events()).isEqualTo(first.eventsPublished());
        try (KafkaSignalPublisher publisher = new KafkaSignalPublisher(events)) {
            second = new LineEmulator(
                    new io.linetwin.sim.LineSimulation(line)
                            .startingAt(LineClocks.secondsOfWeek(resumed.start().at())),
                    publisher,
                    22,
                    30,
                    60,
                    Pacer.NO_WAIT,
                    CommandSource.NONE,
                    resumed.start());
            second.run(900);
        }

        long total = first.eventsPublished() + second.eventsPublished();
        try (KafkaTwin twin = KafkaTwin.builder(things, settings("resume.events", "twin-resume"))
                .wallClock(Clock.fixed(LineEmulatorTest.START, ZoneOffset.UTC))
                .start()) {
            await("the twin read both runs", () -> twin.records() == total);
            var stats = twin.store().stats();
            assertThat(stats.rejectedTotal()).isZero();
            assertThat(stats.stale())
                    .as("the second run continued the revisions")
                    .isZero();
            assertThat(stats.applied()).isEqualTo(total);
            assertThat(TwinMatch.mismatches(second.state(), twin.snapshot(), things))
                    .isEmpty();
            assertThat(twin.store().time()).isEqualTo(LineEmulatorTest.START.plusSeconds(1800));
        }
        first.state().stations().forEach((id, s) -> {
            assertThat(second.state().stations().get(id).good())
                    .as(id + " good never goes back")
                    .isGreaterThanOrEqualTo(s.good());
        });
        assertThat(second.state().stations().get("filler").good())
                .isGreaterThan(first.state().stations().get("filler").good());
    }
}
