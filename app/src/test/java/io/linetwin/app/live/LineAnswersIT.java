package io.linetwin.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linetwin.loop.Change;
import io.linetwin.loop.LoopKpi;
import io.linetwin.loop.audit.AuditVerifier;
import io.linetwin.loop.gate.GateSettings;
import io.linetwin.loop.gate.KafkaCommandChannel;
import io.linetwin.loop.gate.KafkaLineResponses;
import io.linetwin.loop.live.KafkaTwinFeed;
import io.linetwin.loop.live.LiveLoop;
import io.linetwin.loop.live.LoopSettings;
import io.linetwin.loop.live.PrintingReport;
import io.linetwin.loop.proposal.Evidence;
import io.linetwin.loop.proposal.Proposal;
import io.linetwin.loop.proposal.ProposalBook;
import io.linetwin.loop.proposal.ProposalStatus;
import io.linetwin.loop.whatif.WhatIfSettings;
import io.linetwin.twin.LineDescriptors;
import io.linetwin.twin.sync.KafkaSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate reads the line's answers beside the twin, on a real broker with the emulated press line. The line's own
 * rate limit (one command per station per 2 h of line time) is stricter than the gate's (30 min), so the gate lets
 * commands through that the line then refuses: the refusal fails the proposal at once — the wall clock never moves
 * here, so the read-back's timeout cannot be what fails it — with the line's reason; a rollback is proposed only for
 * what the line took. The line's answer to a command it took is audited, and the twin's report stays the
 * confirmation.
 */
final class LineAnswersIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    private final StringWriter printed = new StringWriter();

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Await.until(what, PATIENCE, condition);
    }

    @Test
    void aCommandTheGatePassesAndTheLineRefusesFailsAtOnceWithTheLinesReason() throws Exception {
        // A wall clock that stands still: only an answer from the line can fail a command.
        Clock wall = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), java.time.ZoneOffset.UTC);
        try (PressLine line = new PressLine(dir, Duration.ofHours(2))) {
            ProposalBook book = ProposalBook.open(dir.resolve("state"), Clock.systemUTC());
            KafkaSettings settings = KafkaSettings.of(line.bootstrap(), PressLine.COMMANDS, "");
            try (KafkaTwinFeed feed = new KafkaTwinFeed(
                            LineDescriptors.of(line.scenario.line()),
                            line.bootstrap(),
                            PressLine.EVENTS,
                            Clock.systemUTC(),
                            Duration.ofSeconds(30));
                    KafkaLineResponses answers =
                            new KafkaLineResponses(settings.withTopic(PressLine.RESPONSES), Duration.ofSeconds(30));
                    KafkaCommandChannel commands = new KafkaCommandChannel(settings, Duration.ofSeconds(30))) {
                LiveLoop loop = new LiveLoop(
                        line.scenario,
                        "ab".repeat(32),
                        settings(),
                        feed,
                        book,
                        Optional.of(commands),
                        answers,
                        new PrintingReport(new PrintWriter(printed, true), ""),
                        wall,
                        List.of());
                loop.start();
                advance(line, feed, loop, 600);

                // P1: the press one step up; the line takes it, answers 204, and the twin reports the new speed.
                approve(book, propose(book, line, new Change("press", "speed", 0.7, 0.9)));
                tick(line, feed, loop);
                assertThat(status(book, "P1")).as(printed.toString()).isEqualTo(ProposalStatus.SENT);
                advance(line, feed, loop, 60);
                await(
                        "the line's answer to P1",
                        () -> answers.answer(commandId(book, "P1", 0)).isPresent());
                tick(line, feed, loop);
                assertThat(status(book, "P1")).as(printed.toString()).isEqualTo(ProposalStatus.CONFIRMED);
                assertThat(answers.answer(commandId(book, "P1", 0))
                                .orElseThrow()
                                .status())
                        .isEqualTo(204);

                // P2, 45 min later: the blanker up (taken) and the press up again (refused: the line's 2 h).
                advance(line, feed, loop, 45 * 60);
                approve(
                        book,
                        propose(
                                book,
                                line,
                                new Change("blanker", "speed", 1.0, 1.1),
                                new Change("press", "speed", 0.9, 1.1)));
                tick(line, feed, loop);
                assertThat(status(book, "P2")).as(printed.toString()).isEqualTo(ProposalStatus.SENT);
                await(
                        "the line refused P2's press command",
                        () -> answers.answer(commandId(book, "P2", 1)).isPresent());
                tick(line, feed, loop);
                Proposal p2 = book.find("P2").orElseThrow();
                assertThat(p2.status()).as(printed.toString()).isEqualTo(ProposalStatus.FAILED);
                assertThat(p2.failure().orElseThrow())
                        .startsWith("the line refused press.speed 0.9→1.1: 429 "
                                + "rateLimited: press takes one command per 7200 s of line time");
                Proposal p3 = book.find(p2.rollback().orElseThrow()).orElseThrow();
                assertThat(p3.id()).isEqualTo("P3");
                assertThat(p3.rollbackOf()).hasValue("P2");
                assertThat(p3.changes())
                        .as("only what the line took is rolled back")
                        .containsExactly(new Change("blanker", "speed", 1.1, 1.0));
                assertThat(p3.status()).isEqualTo(ProposalStatus.PROPOSED);
                advance(line, feed, loop, 60);
                assertThat(line.emulator.state().parameters().get("blanker")).containsEntry("speed", 1.1);
                assertThat(line.emulator.state().parameters().get("press")).containsEntry("speed", 0.9);

                // P4, 45 min later still: the press alone, refused again; nothing took effect, no rollback.
                advance(line, feed, loop, 45 * 60);
                approve(book, propose(book, line, new Change("press", "speed", 0.9, 1.1)));
                tick(line, feed, loop);
                await(
                        "the line refused P4",
                        () -> answers.answer(commandId(book, "P4", 0)).isPresent());
                tick(line, feed, loop);
                Proposal p4 = book.find("P4").orElseThrow();
                assertThat(p4.status()).as(printed.toString()).isEqualTo(ProposalStatus.FAILED);
                assertThat(p4.failure().orElseThrow())
                        .startsWith("the line refused press.speed 0.9→1.1: 429 " + "rateLimited");
                assertThat(p4.rollback()).isEmpty();
                assertThat(book.all()).extracting(Proposal::id).containsExactly("P1", "P2", "P3", "P4");
            }
            assertThat(line.inbox.received()).isEqualTo(4);
            assertThat(line.inbox.refused()).isEqualTo(2);
            assertThat(printed.toString())
                    .contains("P1: the line took linetwin:P1:0:")
                    .contains("P2 failed: the line refused press.speed 0.9→1.1: 429 rateLimited")
                    .contains("rollback proposed as P3 (blanker.speed 1.1→1)")
                    .contains("P4 failed: the line refused press.speed 0.9→1.1")
                    .contains("nothing was applied, no rollback needed");

            List<JsonNode> audit = book.audit().read();
            assertThat(audit.stream()
                            .filter(e -> e.get("type").asText().equals("lineAnswer"))
                            .map(e -> e.get("proposal").asText() + ":"
                                    + e.get("commandId").asText().split(":")[2] + ":"
                                    + e.get("status").asInt() + ":"
                                    + e.path("refusal").asText("-"))
                            .toList())
                    .as("every answer audited once")
                    .containsExactlyInAnyOrder(
                            "P1:0:204:-", "P2:1:429:rateLimited", "P2:0:204:-", "P4:0:429:rateLimited");
            assertThat(audit.stream()
                            .filter(e -> e.get("type").asText().equals("readBack"))
                            .map(e -> e.get("proposal").asText() + ":"
                                    + e.get("confirmed").asBoolean())
                            .toList())
                    .containsExactly("P1:true", "P2:false", "P4:false");
            AuditVerifier.Verification verified =
                    AuditVerifier.verify(book.audit().file());
            assertThat(verified.intact()).as(verified.problem()).isTrue();
        }
    }

    /** The loop's own what-ifs propose nothing here (no change is worth 1000 %): the test makes the proposals. */
    private static LoopSettings settings() {
        return new LoopSettings(
                1000 * 3600.0,
                1000 * 3600.0,
                0.9,
                8 * 3600,
                1800,
                new WhatIfSettings(3600, 2, 1, LoopKpi.THROUGHPUT, 10.0, List.of()),
                new GateSettings(1800, 8 * 3600),
                Duration.ofMinutes(2),
                OptionalDouble.empty(),
                Optional.empty(),
                true);
    }

    private static Proposal propose(ProposalBook book, PressLine line, Change... changes) throws Exception {
        Evidence evidence = new Evidence(42, "ab".repeat(32), line.lineTime(), Map.of(), 8 * 3600, 10, "test");
        return book.propose(
                "test-change",
                "test",
                List.of(changes),
                Optional.empty(),
                Map.of(),
                Optional.empty(),
                evidence,
                Optional.empty());
    }

    private static void approve(ProposalBook book, Proposal p) throws Exception {
        book.approve(p.id(), Optional.of(p.evidenceHash()), "ana", false);
    }

    private static ProposalStatus status(ProposalBook book, String id) throws Exception {
        return book.find(id).orElseThrow().status();
    }

    private static String commandId(ProposalBook book, String id, int index) {
        try {
            return book.find(id).orElseThrow().commandId(index);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs the line {@code seconds} further in 30 s chunks, a loop pass after each once the twin has caught up. */
    private static void advance(PressLine line, KafkaTwinFeed feed, LiveLoop loop, double seconds) throws Exception {
        double end = line.emulator.state().clockSeconds() + seconds;
        while (line.emulator.state().clockSeconds() < end - 1e-9) {
            line.emulator.run(Math.min(end, line.emulator.state().clockSeconds() + 30));
            tick(line, feed, loop);
        }
    }

    private static void tick(PressLine line, KafkaTwinFeed feed, LiveLoop loop) throws Exception {
        await("the twin applied every event", () -> feed.records() == line.emulator.eventsPublished());
        loop.tick();
    }
}
