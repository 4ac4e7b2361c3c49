package io.linetwin.loop.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.broker.EmbeddedBroker;
import io.linetwin.loop.Change;
import io.linetwin.loop.Lines;
import io.linetwin.loop.LoopKpi;
import io.linetwin.loop.TwinView;
import io.linetwin.loop.audit.AuditLog;
import io.linetwin.loop.gate.CommandGate;
import io.linetwin.loop.gate.GateSettings;
import io.linetwin.loop.gate.KafkaCommandChannel;
import io.linetwin.loop.proposal.Drafts;
import io.linetwin.loop.proposal.Proposal;
import io.linetwin.loop.proposal.ProposalBook;
import io.linetwin.loop.proposal.ProposalStatus;
import io.linetwin.loop.whatif.WhatIfSettings;
import io.linetwin.model.Scenario;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.LineDescriptors;
import io.linetwin.twin.TwinStore;
import io.linetwin.twin.sync.KafkaSettings;
import io.linetwin.twin.sync.KafkaSignalPublisher;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery against a real broker: a command whose intent was recorded is looked up on the commands topic by its id
 * before it is sent again — at a restart, and before any retry — and, found, is marked sent and not sent again. (Not
 * found, it leaves once: {@code LiveKillIT} in app.) Then the read-back: no confirmation in time → failed + rollback.
 */
final class CommandRecoveryIT {

    private static final Instant T = Instant.parse("2026-11-30T09:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aCommandAlreadyOnTheTopicIsNeverSentAgainAndAnUnconfirmedOneFails() throws Exception {
        Scenario scenario = Lines.pressLine();
        LineDescriptor things = LineDescriptors.of(scenario.line());
        try (EmbeddedBroker broker = EmbeddedBroker.start(0, dir.resolve("kafka"))) {
            broker.createTopic("events", 1);
            broker.createTopic("commands", 1);
            KafkaSettings commands = KafkaSettings.of(broker.bootstrapServers(), "commands", "");
            ProposalBook book = ProposalBook.open(dir.resolve("state"), Clock.systemUTC());
            TwinView twin = new TwinView(
                    TwinStore.of(things, Clock.fixed(T, ZoneOffset.UTC)).snapshot(), things);

            // P1: intent recorded and the command on the topic, the send not recorded (killed in between).
            Proposal p1 = intent(book, twin, new Change("press", "speed", 0.7, 0.9));
            // P2: intent recorded, the send failed on this side; its command reaches the topic after the restart (a
            // lost
            // acknowledgement): the retry must find it there.
            Proposal p2 = intent(book, twin, new Change("blanker", "speed", 1.0, 1.1));
            try (KafkaCommandChannel channel = new KafkaCommandChannel(commands, Duration.ofSeconds(30))) {
                channel.send(p1.commands().get(0));
                assertThat(channel.delivered(List.of(p1.commandId(0), p2.commandId(0))))
                        .isEqualTo(Set.of(p1.commandId(0)));
            }
            try (KafkaSignalPublisher events =
                    new KafkaSignalPublisher(KafkaSettings.of(broker.bootstrapServers(), "events", ""))) {
                events.publish(
                                "plant3:press.press",
                                "{\"topic\":\"plant3/press.press/things/twin/events/modified\","
                                        + "\"headers\":{},\"path\":\"/features/status/properties/state\",\"value\":\"working\","
                                        + "\"revision\":1,\"timestamp\":\"" + T + "\"}",
                                new RecordHeaders())
                        .get();
            }

            StringWriter printed = new StringWriter();
            ManualClock wall = new ManualClock(Instant.parse("2026-12-01T12:00:00Z"));
            try (KafkaTwinFeed feed = new KafkaTwinFeed(
                    things, broker.bootstrapServers(), "events", Clock.systemUTC(), Duration.ofSeconds(30))) {
                LiveLoop loop = new LiveLoop(
                        scenario,
                        "ab".repeat(32),
                        settings(),
                        feed,
                        book,
                        Optional.of(new KafkaCommandChannel(commands, Duration.ofSeconds(30))),
                        new PrintingReport(new PrintWriter(printed, true), ""),
                        wall,
                        List.of());
                loop.start();
                assertThat(book.find("P1").orElseThrow().status()).isEqualTo(ProposalStatus.SENT);
                assertThat(book.find("P2").orElseThrow().status()).isEqualTo(ProposalStatus.APPROVED);
                try (KafkaCommandChannel late = new KafkaCommandChannel(commands, Duration.ofSeconds(30))) {
                    late.send(p2.commands().get(0));
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                while (!feed.caughtUp() || feed.lineTime().isEmpty()) {
                    assertThat(System.nanoTime()).as("the twin caught up").isLessThan(deadline);
                    Thread.sleep(20);
                }
                loop.tick();
                assertThat(book.find("P2").orElseThrow().status())
                        .as(printed.toString())
                        .isEqualTo(ProposalStatus.SENT);

                // Nobody applies the commands here: past the confirmation timeout both fail and get rollbacks.
                wall.advance(Duration.ofSeconds(119));
                loop.tick();
                assertThat(book.find("P2").orElseThrow().status()).isEqualTo(ProposalStatus.SENT);
                wall.advance(Duration.ofSeconds(2));
                loop.tick();
            }
            Proposal failed = book.find("P2").orElseThrow();
            assertThat(failed.status()).as(printed.toString()).isEqualTo(ProposalStatus.FAILED);
            assertThat(failed.failure().orElseThrow())
                    .isEqualTo("no read-back: the twin did not report blanker.speed" + " 1 → 1.1 within 120 s");
            Proposal rollback = book.find(failed.rollback().orElseThrow()).orElseThrow();
            assertThat(rollback.status()).isEqualTo(ProposalStatus.PROPOSED);
            assertThat(rollback.rollbackOf()).hasValue("P2");
            assertThat(rollback.changes()).containsExactly(new Change("blanker", "speed", 1.0, 1.0));
            assertThat(rollback.effect()).isEmpty();
            assertThat(book.find("P1").orElseThrow().status()).isEqualTo(ProposalStatus.FAILED);
            assertThat(printed.toString()).contains("P2 failed: no read-back").contains("rollback proposed as");
            try (KafkaCommandChannel channel = new KafkaCommandChannel(commands, Duration.ofSeconds(30))) {
                assertThat(channel.delivered(List.of(p1.commandId(0), p2.commandId(0))))
                        .isEqualTo(Set.of(p1.commandId(0), p2.commandId(0)));
            }
            assertThat(onTopic(broker)).isEqualTo(2);
            assertThat(book.audit().read())
                    .filteredOn(e -> e.get("type").asText().equals("sent"))
                    .extracting(e -> e.get("proposal").asText() + ":" + e.has("recovered"))
                    .containsExactly("P1:true", "P2:true");
        }
    }

    private static Proposal intent(ProposalBook book, TwinView twin, Change change) throws Exception {
        Proposal p = Drafts.propose(book, T, change);
        p = book.approve(p.id(), Optional.of(p.evidenceHash()), "ana", false);
        return book.record(
                p.withCommands(CommandGate.commandsFor(p, twin, T)),
                "command",
                AuditLog.fields().put("proposal", p.id()));
    }

    private static LoopSettings settings() {
        // Short what-ifs: this test is about the commands.
        return new LoopSettings(
                3600,
                3600,
                0.9,
                8 * 3600,
                1800,
                new WhatIfSettings(3600, 2, 1, LoopKpi.THROUGHPUT, 0.01, List.of()),
                new GateSettings(1800, 8 * 3600),
                Duration.ofMinutes(2),
                OptionalDouble.empty(),
                Optional.empty(),
                true);
    }

    private static long onTopic(EmbeddedBroker broker) {
        try (org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]> consumer =
                new org.apache.kafka.clients.consumer.KafkaConsumer<>(java.util.Map.of(
                        "bootstrap.servers", broker.bootstrapServers(),
                        "key.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer",
                        "value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer"))) {
            org.apache.kafka.common.TopicPartition partition =
                    new org.apache.kafka.common.TopicPartition("commands", 0);
            return consumer.endOffsets(List.of(partition), Duration.ofSeconds(30))
                    .get(partition);
        }
    }
}
