package io.linetwin.loop.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linetwin.loop.Change;
import io.linetwin.loop.audit.AuditVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ProposalBookTest {

    private static final Instant T = Instant.parse("2026-11-30T08:00:00Z");

    @TempDir
    Path dir;

    private ProposalBook book;

    @BeforeEach
    void open() throws Exception {
        book = ProposalBook.open(dir.resolve(".linetwin"), Clock.fixed(T, ZoneOffset.UTC));
    }

    @Test
    void proposalsAreNumberedInOrderAndSurviveReopening() throws Exception {
        Proposal p1 = Drafts.propose(book, T, new Change("press", "speed", 0.7, 0.9));
        Proposal p2 = Drafts.propose(book, T, new Change("blanker", "speed", 1.0, 1.1));

        assertThat(p1.id()).isEqualTo("P1");
        assertThat(p2.id()).isEqualTo("P2");
        assertThat(p1.evidenceHash()).hasSize(64).isEqualTo(EvidenceHash.of(p1)).isNotEqualTo(p2.evidenceHash());
        ProposalBook reopened = ProposalBook.open(dir.resolve(".linetwin"), Clock.systemUTC());
        assertThat(reopened.all()).containsExactly(p1, p2);
        assertThat(Drafts.propose(reopened, T, new Change("press", "speed", 0.7, 0.8))
                        .id())
                .isEqualTo("P3");
    }

    @Test
    void anApprovalNamesTheEvidenceItApproves() throws Exception {
        Proposal p = Drafts.propose(book, T, new Change("press", "speed", 0.7, 0.9));

        Proposal approved = book.approve(p.id(), Optional.of(p.evidenceHash().substring(0, 12)), "ana", false);

        assertThat(approved.status()).isEqualTo(ProposalStatus.APPROVED);
        assertThat(approved.approval().orElseThrow().evidenceHash()).isEqualTo(p.evidenceHash());
        assertThat(approved.approval().orElseThrow().by()).isEqualTo("ana");
        assertThat(book.find("P1")).hasValue(approved);
        assertThat(book.audit().read()).extracting(e -> e.get("type").asText()).containsExactly("proposal", "approval");
    }

    @Test
    void anApprovalOfEvidenceTheProposalNoLongerHasIsRefusedAndAudited() throws Exception {
        Proposal p = Drafts.propose(book, T, new Change("press", "speed", 0.7, 0.9));
        String seen = p.evidenceHash();
        Proposal fresh =
                p.refreshed(p.changes(), p.effect(), p.guards(), p.prediction(), Drafts.evidence(T.plusSeconds(3600)));
        book.record(fresh, "refresh", io.linetwin.loop.audit.AuditLog.fields().put("proposal", p.id()));

        assertThatThrownBy(() -> book.approve(p.id(), Optional.of(seen), "ana", false))
                .isInstanceOf(ProposalException.class)
                .hasMessageContaining("stale evidence")
                .extracting(e -> ((ProposalException) e).kind())
                .isEqualTo(ProposalException.Kind.STALE_EVIDENCE);
        assertThat(book.find(p.id()).orElseThrow().status()).isEqualTo(ProposalStatus.PROPOSED);
        assertThat(book.audit().read())
                .extracting(e -> e.get("type").asText())
                .containsExactly("proposal", "refresh", "approvalRefused");
    }

    @Test
    void onlyAProposedProposalTakesADecision() throws Exception {
        Proposal p = Drafts.propose(book, T, new Change("press", "speed", 0.7, 0.9));
        book.reject(p.id(), "die still settling", "ben");

        assertThatThrownBy(() -> book.approve(p.id(), Optional.empty(), "ana", false))
                .isInstanceOf(ProposalException.class)
                .hasMessageContaining("it is rejected, not proposed");
        assertThatThrownBy(() -> book.approve("P7", Optional.empty(), "ana", false))
                .extracting(e -> ((ProposalException) e).kind())
                .isEqualTo(ProposalException.Kind.UNKNOWN);
        Proposal rejected = book.find(p.id()).orElseThrow();
        assertThat(rejected.rejection().orElseThrow().reason()).isEqualTo("die still settling");
    }

    @Test
    void anAuditedApprovalACrashKeptFromItsFileIsRecovered() throws Exception {
        Proposal p = Drafts.propose(book, T, new Change("press", "speed", 0.7, 0.9));
        Path file = dir.resolve(".linetwin/proposals/P1.json");
        byte[] before = Files.readAllBytes(file);
        book.approve(p.id(), Optional.empty(), "ana", false);
        Files.write(file, before); // as if killed after the audit append, before the file was replaced

        assertThat(book.find("P1").orElseThrow().status()).isEqualTo(ProposalStatus.PROPOSED);
        assertThat(book.recover()).containsExactly("P1");
        assertThat(book.find("P1").orElseThrow().status()).isEqualTo(ProposalStatus.APPROVED);
        assertThat(book.recover()).isEmpty();
        assertThat(AuditVerifier.verify(book.audit().file()).intact()).isTrue();
    }

    @Test
    void expiringMarksOnlyOpenProposalsKeepsEveryFileAndAuditsEach() throws Exception {
        Proposal proposed = Drafts.propose(book, T, new Change("press", "speed", 0.7, 0.9));
        Proposal approved = Drafts.propose(book, T, new Change("blanker", "speed", 1.0, 1.1));
        book.approve(approved.id(), Optional.empty(), "ana", false);
        Proposal sent = Drafts.propose(book, T, new Change("washer", "speed", 1.0, 1.2));
        book.record(sent.withStatus(ProposalStatus.SENT), "sent", io.linetwin.loop.audit.AuditLog.fields());
        Proposal rejected = Drafts.propose(book, T, new Change("packer", "speed", 1.0, 1.2));
        book.reject(rejected.id(), "not now", "ben");

        List<Proposal> expired = book.expireOpen("its line is gone");

        assertThat(expired).extracting(Proposal::id).containsExactly("P1", "P2", "P3");
        assertThat(book.all())
                .extracting(Proposal::status)
                .containsExactly(
                        ProposalStatus.EXPIRED,
                        ProposalStatus.EXPIRED,
                        ProposalStatus.EXPIRED,
                        ProposalStatus.REJECTED);
        assertThat(book.find("P1").orElseThrow().evidenceHash()).isEqualTo(proposed.evidenceHash());
        assertThat(book.audit().read())
                .filteredOn(e -> e.get("type").asText().equals("expired"))
                .extracting(e -> e.get("proposal").asText() + " was "
                        + e.get("previousStatus").asText())
                .containsExactly("P1 was proposed", "P2 was approved", "P3 was sent");
        assertThat(book.expireOpen("again")).isEmpty();
        assertThatThrownBy(() -> book.approve("P1", Optional.empty(), "ana", false))
                .isInstanceOf(ProposalException.class)
                .hasMessage("cannot approve P1: it is expired, not proposed");
        assertThat(AuditVerifier.verify(book.dir().auditFile()).intact()).isTrue();
    }

    @Test
    void aProposalFileRoundTripsThroughJson() throws Exception {
        Proposal p = Drafts.propose(book, T, new Change("press", "speed", 0.7, 0.9));
        Proposal full = p.approved(new Approval("ana", T, p.evidenceHash(), false))
                .withCommands(List.of(new CommandRecord(
                        p.commandId(0),
                        "plant3:press.press",
                        "press",
                        "speed",
                        0.9,
                        0.7,
                        T,
                        Optional.of(T.plusSeconds(1)),
                        Optional.of(T.plusSeconds(60)))))
                .withStatus(ProposalStatus.SENT)
                .confirmed(T.plusSeconds(120));

        assertThat(ProposalJson.fromJson(ProposalJson.toJson(full))).isEqualTo(full);
        assertThat(full.changeMap()).isEqualTo(Map.of("stations.press.parameters.speed", 0.9));
        assertThat(full.commandId(0))
                .isEqualTo("linetwin:P1:0:" + p.evidenceHash().substring(0, 12));
    }
}
