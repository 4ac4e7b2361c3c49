package io.linetwin.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.app.CliAccess;
import io.linetwin.loop.Change;
import io.linetwin.loop.proposal.Effect;
import io.linetwin.loop.proposal.Evidence;
import io.linetwin.loop.proposal.Proposal;
import io.linetwin.loop.proposal.ProposalBook;
import io.linetwin.loop.proposal.ProposalStatus;
import io.linetwin.loop.whatif.Prediction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** proposals, approve, reject and audit verify on a state folder, as a person uses them from another terminal. */
final class DecisionCommandsTest {

    private static final Instant T = Instant.parse("2026-11-30T08:00:00Z");

    @TempDir
    Path dir;

    private Path state;
    private ProposalBook book;
    private Proposal p1;

    @BeforeEach
    void oneProposal() throws Exception {
        state = dir.resolve("state");
        book = ProposalBook.open(state, Clock.systemUTC());
        p1 = book.propose(
                "press-up-a-step",
                "variant",
                List.of(new Change("press", "speed", 0.7, 0.9)),
                Optional.of(new Effect("throughputPerHour", 35.2, 34.5, 35.9, 0.29)),
                Map.of(),
                Optional.of(new Prediction("throughputPerHour", 158, 2, 10, 8 * 3600)),
                new Evidence(7, "ab".repeat(32), T, Map.of("plant3:press.press", 12L), 8 * 3600, 10, "start"),
                Optional.empty());
    }

    private CliAccess.Result cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--state");
        all.add(state.toString());
        return CliAccess.run(all.toArray(String[]::new));
    }

    @Test
    void proposalsListsWhatWaitsForADecision() {
        CliAccess.Result list = cli("proposals");

        assertThat(list.exitCode()).isZero();
        assertThat(list.out())
                .contains("P1")
                .contains("proposed")
                .contains("press.speed 0.7→0.9")
                .contains("throughputPerHour +35.2 [+34.5, +35.9] +29 %")
                .contains(p1.evidenceHash().substring(0, 12))
                .contains("decide with: linetwin approve ID --state " + state);
    }

    @Test
    void approveRecordsWhoApprovedWhichEvidence() throws Exception {
        CliAccess.Result approve = cli("approve", "P1", "--as", "ana");

        assertThat(approve.exitCode()).as(approve.err()).isZero();
        assertThat(approve.out())
                .startsWith("P1 approved by ana (evidence " + p1.evidenceHash().substring(0, 12));
        Proposal approved = book.find("P1").orElseThrow();
        assertThat(approved.status()).isEqualTo(ProposalStatus.APPROVED);
        assertThat(approved.approval().orElseThrow().evidenceHash()).isEqualTo(p1.evidenceHash());

        CliAccess.Result again = cli("approve", "P1", "--as", "ben");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err().strip()).isEqualTo("cannot approve P1: it is approved, not proposed");
    }

    @Test
    void anApprovalNamingOtherEvidenceIsRefused() throws Exception {
        CliAccess.Result stale = cli("approve", "P1", "--as", "ana", "--evidence", "0123456789ab");

        assertThat(stale.exitCode()).isEqualTo(1);
        assertThat(stale.err())
                .startsWith("stale evidence: approval names 0123456789ab, P1 now rests on " + p1.evidenceHash());
        assertThat(book.find("P1").orElseThrow().status()).isEqualTo(ProposalStatus.PROPOSED);
    }

    @Test
    void rejectNeedsAReasonAndEndsTheProposal() throws Exception {
        assertThat(cli("reject", "P1").exitCode()).isEqualTo(2);
        CliAccess.Result reject = cli("reject", "P1", "--reason", "die still settling", "--as", "ben");

        assertThat(reject.exitCode()).as(reject.err()).isZero();
        assertThat(book.find("P1").orElseThrow().status()).isEqualTo(ProposalStatus.REJECTED);
        assertThat(cli("proposals").out()).contains("no proposal waits for a decision");
        assertThat(cli("proposals", "--all").out()).contains("rejected");
    }

    @Test
    void unknownProposalsAndMissingStateFoldersAreBadInput() {
        CliAccess.Result unknown = cli("approve", "P9");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().strip())
                .isEqualTo("no proposal P9 in " + state.toAbsolutePath().normalize());

        CliAccess.Result nowhere =
                CliAccess.run("proposals", "--state", dir.resolve("nowhere").toString());
        assertThat(nowhere.exitCode()).isEqualTo(2);
        assertThat(nowhere.err()).contains("no LineTwin state folder here");
        assertThat(Files.exists(dir.resolve("nowhere"))).isFalse();
    }

    @Test
    void auditVerifyNamesTheFirstBrokenLine() throws Exception {
        cli("approve", "P1", "--as", "ana");
        Path log = state.resolve("audit.jsonl");

        CliAccess.Result intact = CliAccess.run("audit", "verify", log.toString());
        assertThat(intact.exitCode()).isZero();
        assertThat(intact.out().strip()).isEqualTo(log + ": intact, 2 entries");

        List<String> lines = new ArrayList<>(Files.readAllLines(log, StandardCharsets.UTF_8));
        lines.set(0, lines.get(0).replace("press-up-a-step", "press-up-two-steps"));
        Files.writeString(log, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        CliAccess.Result edited = CliAccess.run("audit", "verify", log.toString());
        assertThat(edited.exitCode()).isEqualTo(1);
        assertThat(edited.out()).startsWith(log + ":1: edited");

        assertThat(CliAccess.run("audit", "verify", dir.resolve("none.jsonl").toString())
                        .exitCode())
                .isEqualTo(2);
    }
}
