package io.linetwin.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.linetwin.loop.audit.AuditVerifier;
import io.linetwin.loop.audit.Sha256;
import io.linetwin.loop.gate.KafkaCommandChannel;
import io.linetwin.loop.live.KafkaTwinFeed;
import io.linetwin.loop.live.LiveLoop;
import io.linetwin.loop.live.LiveSummary;
import io.linetwin.loop.live.PrintingReport;
import io.linetwin.loop.proposal.Proposal;
import io.linetwin.loop.proposal.ProposalBook;
import io.linetwin.loop.proposal.ProposalStatus;
import io.linetwin.twin.LineDescriptors;
import io.linetwin.twin.sync.KafkaSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole loop on a real broker: the emulated press line runs with its press at 0.7 of rated speed; live finds the
 * supported change, a person approves it, a dry run prints it and sends nothing, a live process restarted with --send
 * sends it, the emulator applies it, the twin confirms it, and the throughput the twin then measures lies in the
 * interval the what-if predicted and beats the throughput before.
 */
final class LiveLoopIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    private final StringWriter printed = new StringWriter();

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Await.until(what, PATIENCE, condition);
    }

    /** Runs the line {@code seconds} further, a loop pass every {@code tickSeconds} once the twin has caught up. */
    private void advance(PressLine line, KafkaTwinFeed feed, LiveLoop loop, double seconds, double tickSeconds)
            throws Exception {
        double end = line.emulator.state().clockSeconds() + seconds;
        while (line.emulator.state().clockSeconds() < end - 1e-9) {
            line.emulator.run(Math.min(end, line.emulator.state().clockSeconds() + tickSeconds));
            catchUp(line, feed, loop);
        }
    }

    private static void catchUp(PressLine line, KafkaTwinFeed feed, LiveLoop loop) throws Exception {
        await("the twin applied every event", () -> feed.records() == line.emulator.eventsPublished());
        loop.tick();
    }

    private LiveLoop loop(PressLine line, KafkaTwinFeed feed, ProposalBook book, boolean send) throws Exception {
        String hash = Sha256.hex(Files.readAllBytes(line.file));
        return new LiveLoop(
                line.scenario,
                hash,
                PressLine.settings(send, OptionalDouble.empty()),
                feed,
                book,
                send
                        ? Optional.of(new KafkaCommandChannel(
                                KafkaSettings.of(line.bootstrap(), PressLine.COMMANDS, ""), Duration.ofSeconds(30)))
                        : Optional.empty(),
                new PrintingReport(new PrintWriter(printed, true), "--state " + dir.resolve("state")),
                Clock.systemUTC(),
                List.of());
    }

    private KafkaTwinFeed feed(PressLine line) {
        return new KafkaTwinFeed(
                LineDescriptors.of(line.scenario.line()),
                line.bootstrap(),
                PressLine.EVENTS,
                Clock.systemUTC(),
                Duration.ofSeconds(30));
    }

    @Test
    void theLoopFindsTheSlowPressAndTheLineRunsFasterAfterTheApprovedCommand() throws Exception {
        Path state = dir.resolve("state");
        try (PressLine line = new PressLine(dir)) {
            ProposalBook book = ProposalBook.open(state, Clock.systemUTC());

            // A dry run follows the line for 3 h: the first what-if proposes raising the press one step.
            try (KafkaTwinFeed feed = feed(line)) {
                LiveLoop dry = loop(line, feed, book, false);
                dry.start();
                advance(line, feed, dry, 3 * 3600, 600);
                List<Proposal> proposals = book.all();
                assertThat(proposals).as(printed.toString()).hasSize(1);
                Proposal p1 = proposals.get(0);
                assertThat(p1.changeMap())
                        .containsEntry("stations.press.parameters.speed", 0.9)
                        .hasSize(1);
                assertThat(p1.effect().orElseThrow().ciLow())
                        .as(printed.toString())
                        .isPositive();
                assertThat(p1.evidence().trigger()).isEqualTo("every 1h");

                io.linetwin.app.CliAccess.Result approve = io.linetwin.app.CliAccess.run(
                        "approve",
                        "P1",
                        "--state",
                        state.toString(),
                        "--as",
                        "ana",
                        "--evidence",
                        p1.evidenceHash().substring(0, 16));
                assertThat(approve.exitCode()).as(approve.err()).isZero();
                catchUp(line, feed, dry);
                Proposal printedOnly = book.find("P1").orElseThrow();
                assertThat(printedOnly.status()).isEqualTo(ProposalStatus.APPROVED);
                assertThat(printedOnly.dryRunAt()).isPresent();
                assertThat(printed.toString())
                        .contains("P1 passed the gate; dry run, not sent")
                        .contains("\"correlation-id\":\"linetwin:P1:0:");
                assertThat(endOffset(line)).as("a dry run sends nothing").isZero();
            }

            // The live process restarts with --send: it rebuilds the twin from the topic and sends P1 once.
            try (KafkaTwinFeed feed = feed(line)) {
                LiveLoop live = loop(line, feed, book, true);
                live.start();
                await("the twin caught up", feed::caughtUp);
                catchUp(line, feed, live);
                Proposal sent = book.find("P1").orElseThrow();
                assertThat(sent.status()).as(printed.toString()).isEqualTo(ProposalStatus.SENT);
                assertThat(endOffset(line)).isEqualTo(1);
                await("the emulator received the command", () -> line.inbox.received() == 1);

                advance(line, feed, live, 30, 30);
                assertThat(line.emulator.state().parameters().get("press")).containsEntry("speed", 0.9);
                Proposal confirmed = book.find("P1").orElseThrow();
                assertThat(confirmed.status()).as(printed.toString()).isEqualTo(ProposalStatus.CONFIRMED);

                advance(line, feed, live, 4 * 3600, 1200);
                LiveSummary summary = live.summary();
                Proposal p1 = summary.proposals().stream()
                        .filter(p -> p.id().equals("P1"))
                        .findFirst()
                        .orElseThrow();
                LiveSummary.Measured m = summary.measured(p1).orElseThrow();
                double before = m.before().orElseThrow();
                double after = m.after().orElseThrow();
                String story = String.format(
                        "before %.1f/h over %.2f h, after %.1f/h over %.2f h, predicted [%.1f, %.1f]%n%s",
                        before,
                        m.beforeSeconds() / 3600,
                        after,
                        m.afterSeconds() / 3600,
                        m.predicted().orElseThrow().low(),
                        m.predicted().orElseThrow().high(),
                        printed);
                System.out.println(story);
                assertThat(m.afterSeconds()).as(story).isGreaterThan(3.9 * 3600);
                assertThat(m.beforeSeconds()).as(story).isGreaterThan(2.9 * 3600);
                assertThat(m.predicted().orElseThrow().contains(after))
                        .as(story)
                        .isTrue();
                assertThat(after).as(story).isGreaterThan(before * 1.1);

                JsonNode json = summary.toJson();
                JsonNode entry = json.get("proposals").get(0);
                assertThat(entry.get("id").asText()).isEqualTo("P1");
                assertThat(entry.get("status").asText()).isEqualTo("confirmed");
                assertThat(entry.get("change")
                                .get("stations.press.parameters.speed")
                                .asDouble())
                        .isEqualTo(0.9);
                assertThat(entry.get("effect").get("kpi").asText()).isEqualTo("throughputPerHour");
                assertThat(entry.get("measured").get("afterWithinPrediction").asBoolean())
                        .isTrue();
            }
            assertThat(endOffset(line)).as("one command, sent once").isEqualTo(1);
            assertThat(line.inbox.received()).isEqualTo(1);
            assertThat(line.inbox.refused()).isZero();
            AuditVerifier.Verification audit = AuditVerifier.verify(book.audit().file());
            assertThat(audit.intact()).as(audit.problem()).isTrue();
            assertThat(book.audit().read())
                    .extracting(e -> e.get("type").asText())
                    .contains("proposal", "approval", "dryRun", "command", "sent", "readBack");
        }
    }

    private static long endOffset(PressLine line) throws Exception {
        return Commands.onTopic(line.bootstrap(), PressLine.COMMANDS).size();
    }
}
