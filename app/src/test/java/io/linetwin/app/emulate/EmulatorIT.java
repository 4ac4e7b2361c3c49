package io.linetwin.app.emulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.broker.EmbeddedBroker;
import io.linetwin.model.LineSpec;
import io.linetwin.twin.DittoMessages;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.LineDescriptors;
import io.linetwin.twin.TwinStore;
import io.linetwin.twin.sync.KafkaSettings;
import io.linetwin.twin.sync.KafkaSignalPublisher;
import io.linetwin.twin.sync.KafkaTwinConsumer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.function.BooleanSupplier;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Emulator → real Kafka broker → KafkaTwinConsumer → TwinStore, and a speed command back. */
final class EmulatorIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @TempDir
    Path dir;

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
    void theTwinMatchesTheEmulatorAtAQuiescentPointAndTheEmulatorAppliesASpeedCommand() throws Exception {
        LineSpec line = LineEmulatorTest.bottling();
        LineDescriptor things = LineDescriptors.of(line);
        TwinStore twin = TwinStore.of(things, Clock.fixed(LineEmulatorTest.START, ZoneOffset.UTC));
        try (EmbeddedBroker broker = EmbeddedBroker.start(0, dir.resolve("kafka"))) {
            broker.createTopic("events", 3);
            broker.createTopic("commands", 1);
            broker.createTopic("responses", 1);
            String servers = broker.bootstrapServers();
            try (KafkaSignalPublisher events = new KafkaSignalPublisher(KafkaSettings.of(servers, "events", ""));
                    KafkaSignalPublisher gate = new KafkaSignalPublisher(KafkaSettings.of(servers, "commands", ""));
                    KafkaSignalPublisher responses =
                            new KafkaSignalPublisher(KafkaSettings.of(servers, "responses", ""));
                    CommandInbox inbox = new CommandInbox(
                            KafkaSettings.of(servers, "commands", "emulator"),
                            new ParameterCommands(line, things),
                            responses,
                            64);
                    KafkaTwinConsumer consumer =
                            new KafkaTwinConsumer(KafkaSettings.of(servers, "events", "twin"), twin)) {
                inbox.start();
                assertThat(inbox.awaitReady(PATIENCE)).isTrue();
                consumer.start();
                LineEmulator emulator = new LineEmulator(
                        LineEmulatorTest.simulationOf(line),
                        events,
                        LineEmulatorTest.START,
                        11,
                        30,
                        60,
                        Pacer.NO_WAIT,
                        inbox::drain);

                emulator.run(1800);
                // step() returns once the broker acknowledged every event: the end of the topic is the quiescent point.
                await("the twin applied every event", () -> consumer.records() == emulator.eventsPublished());
                assertThat(TwinMatch.mismatches(emulator.state(), twin.snapshot(), things))
                        .isEmpty();
                assertThat(twin.stats().rejectedTotal()).isZero();
                assertThat(emulator.state().stations().get("filler").good()).isGreaterThan(500);

                gate.send(DittoMessages.modifyProperty(
                                ThingId.of("plant1:bottling.filler"),
                                "parameters",
                                "speed",
                                JsonValue.of(1.1),
                                "speed-up"))
                        .toCompletableFuture()
                        .join();
                await("the emulator received the command", () -> inbox.received() == 1);
                emulator.step(30);
                assertThat(emulator.state().parameters().get("filler")).containsEntry("speed", 1.1);
                await("the twin applied the chunk", () -> consumer.records() == emulator.eventsPublished());
                assertThat(TwinMatch.property(
                                        twin.snapshot()
                                                .get(things.thingIdOf("filler"))
                                                .orElseThrow()
                                                .thing(),
                                        "parameters",
                                        "speed")
                                .orElseThrow()
                                .asDouble())
                        .isEqualTo(1.1);
                assertThat(TwinMatch.mismatches(emulator.state(), twin.snapshot(), things))
                        .isEmpty();
                assertThat(inbox.refused()).isZero();
            }
        }
    }
}
