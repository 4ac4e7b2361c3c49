package io.linetwin.loop.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.loop.Change;
import io.linetwin.loop.Lines;
import io.linetwin.loop.TwinView;
import io.linetwin.loop.proposal.Approval;
import io.linetwin.loop.proposal.CommandRecord;
import io.linetwin.loop.proposal.Drafts;
import io.linetwin.loop.proposal.Proposal;
import io.linetwin.loop.proposal.ProposalBook;
import io.linetwin.loop.proposal.ProposalStatus;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.LineDescriptors;
import io.linetwin.twin.TwinStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate against the press line's twin (press speed 0.7, limits 0.6..1.2, maxStep 0.2; blanker 1.0, 0.9..1.1,
 * 0.1; the washer has no limits) with a 30-minute rate limit and 8 h evidence.
 */
final class CommandGateTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    @TempDir
    Path dir;

    private ProposalBook book;
    private TwinView twin;
    private final CommandGate gate = new CommandGate(new GateSettings(1800, 8 * 3600));

    @BeforeEach
    void pressLineTwin() throws Exception {
        book = ProposalBook.open(dir, Clock.fixed(NOW, ZoneOffset.UTC));
        LineDescriptor line = LineDescriptors.of(Lines.pressLine().line());
        twin = new TwinView(TwinStore.of(line, Clock.fixed(NOW, ZoneOffset.UTC)).snapshot(), line);
    }

    private Proposal approved(Change... changes) throws Exception {
        Proposal p = Drafts.propose(book, NOW.minusSeconds(600), changes);
        return book.approve(p.id(), Optional.of(p.evidenceHash()), "ana", false);
    }

    private GateVerdict check(Proposal p) throws Exception {
        return gate.check(p, twin, book.all(), NOW);
    }

    @Test
    void anApprovedChangeWithinTheLimitsPasses() throws Exception {
        GateVerdict verdict = check(approved(new Change("press", "speed", 0.7, 0.9)));
        assertThat(verdict.passed()).as(verdict.reason()).isTrue();
    }

    @Test
    void aValueOutsideTheThingsLimitsIsRefused() throws Exception {
        assertThat(check(approved(new Change("press", "speed", 0.7, 0.5))).reason())
                .isEqualTo("out of range: press.speed 0.5 outside [0.6, 1.2]");
    }

    @Test
    void aStepLargerThanMaxStepFromTheTwinsValueIsRefused() throws Exception {
        // The proposal thought the press ran at 0.9; the twin says 0.7, so 1.0 is a step of 0.3.
        GateVerdict verdict = check(approved(new Change("press", "speed", 0.9, 1.0)));
        assertThat(verdict.reason()).isEqualTo("step too large: press.speed 0.7→1 is a step of 0.3, maxStep 0.2");
    }

    @Test
    void aParameterWithoutLimitsIsNotWritable() throws Exception {
        assertThat(check(approved(new Change("washer", "speed", 1.0, 1.1))).reason())
                .startsWith("not writable: washer.speed");
        assertThat(check(approved(new Change("nowhere", "speed", 1.0, 1.1))).reason())
                .isEqualTo("no equipment nowhere in the twin");
    }

    @Test
    void anUnapprovedOrRejectedProposalIsRefused() throws Exception {
        Proposal proposed = Drafts.propose(book, NOW, new Change("press", "speed", 0.7, 0.9));
        assertThat(check(proposed).reason()).isEqualTo("unapproved: P1 is proposed");

        Proposal rejected = book.reject(proposed.id(), "not during the audit", "ben");
        assertThat(check(rejected).reason()).isEqualTo("rejected by ben: not during the audit");
    }

    @Test
    void anApprovalOfOtherEvidenceIsStale() throws Exception {
        Proposal p = approved(new Change("press", "speed", 0.7, 0.9));
        Proposal tampered = p.approved(new Approval("ana", NOW, "0".repeat(64), false));

        assertThat(check(tampered).reason()).startsWith("stale approval: ana approved evidence 000000000000");
    }

    @Test
    void evidenceOlderThanTheLookAheadHasExpired() throws Exception {
        Proposal p = approved(new Change("press", "speed", 0.7, 0.9));
        GateVerdict verdict = gate.check(p, twin, book.all(), NOW.plusSeconds(9 * 3600));
        assertThat(verdict.reason()).startsWith("evidence expired: the snapshot is 9.17 h of line time old");
    }

    @Test
    void aSecondCommandToTheSameEquipmentWaitsForTheRateLimit() throws Exception {
        Proposal first = approved(new Change("press", "speed", 0.7, 0.9));
        book.record(
                sent(first, NOW.minusSeconds(600)).withStatus(ProposalStatus.CONFIRMED),
                "test",
                io.linetwin.loop.audit.AuditLog.fields());
        Proposal second = approved(new Change("press", "speed", 0.7, 0.8));

        assertThat(check(second).reason())
                .isEqualTo("rate limit: the last command to press left at "
                        + "2026-11-30T09:50:00Z (line time), the next may leave at 2026-11-30T10:20:00Z");
        assertThat(gate.check(second, twin, book.all(), NOW.plusSeconds(1200)).passed())
                .isTrue();
        assertThat(check(approved(new Change("blanker", "speed", 1.0, 1.1))).passed())
                .isTrue();
    }

    @Test
    void aRollbackNeedNotWaitOutTheRateLimitOfTheCommandItUndoes() throws Exception {
        Proposal first = approved(new Change("press", "speed", 0.7, 0.9));
        book.record(
                sent(first, NOW.minusSeconds(600)).failed("no read-back", "P2"),
                "test",
                io.linetwin.loop.audit.AuditLog.fields());
        Proposal rollback = book.propose(
                "rollback-P1",
                "rollback",
                List.of(new Change("press", "speed", 0.7, 0.7)),
                Optional.empty(),
                java.util.Map.of(),
                Optional.empty(),
                Drafts.evidence(NOW),
                Optional.of("P1"));
        rollback = book.approve(rollback.id(), Optional.empty(), "ana", false);

        GateVerdict verdict = check(rollback);
        assertThat(verdict.passed()).as(verdict.reason()).isTrue();
    }

    @Test
    void aCommandStillWaitingForItsReadBackBlocksAnotherToTheSameParameter() throws Exception {
        Proposal first = approved(new Change("press", "speed", 0.7, 0.9));
        book.record(
                sent(first, NOW.minusSeconds(3600)).withStatus(ProposalStatus.SENT),
                "test",
                io.linetwin.loop.audit.AuditLog.fields());
        Proposal second = approved(new Change("press", "speed", 0.7, 0.8));

        assertThat(check(second).reason()).isEqualTo("conflicting command pending: P1 (sent) also sets press.speed");
    }

    @Test
    void aCommandIdAnotherProposalAlreadySentIsRefused() throws Exception {
        Proposal first = approved(new Change("blanker", "speed", 1.0, 1.1));
        Proposal second = approved(new Change("press", "speed", 0.7, 0.9));
        // A state folder restored from a backup: P1's record holds P2's command as sent.
        CommandRecord reused = new CommandRecord(
                second.commandId(0),
                "plant3:press.press",
                "press",
                "speed",
                0.9,
                0.7,
                NOW,
                Optional.of(NOW),
                Optional.of(NOW.minusSeconds(7200)));
        book.record(
                first.withCommands(List.of(reused)).withStatus(ProposalStatus.CONFIRMED),
                "test",
                io.linetwin.loop.audit.AuditLog.fields());

        assertThat(check(second).reason())
                .isEqualTo("duplicate command id: " + second.commandId(0) + " was already sent (P1)");
    }

    @Test
    void theCommandsCarryTheirIdAsCorrelationIdAndTheTwinsValueAsPrevious() throws Exception {
        Proposal p = approved(new Change("press", "speed", 0.7, 0.9));
        CommandRecord command = CommandGate.commandsFor(p, twin, NOW).get(0);

        assertThat(command.previous()).isEqualTo(0.7);
        String json = LineCommands.json(command);
        assertThat(json)
                .contains("\"topic\":\"plant3/press.press/things/twin/commands/modify\"")
                .contains("\"path\":\"/features/parameters/properties/speed\"")
                .contains("\"value\":0.9")
                .contains("\"correlation-id\":\"" + p.commandId(0) + "\"");
    }

    private static Proposal sent(Proposal p, Instant lineTime) {
        return p.withCommands(List.of(new CommandRecord(
                p.commandId(0),
                "plant3:press." + p.changes().get(0).station(),
                p.changes().get(0).station(),
                "speed",
                p.changes().get(0).to(),
                p.changes().get(0).from(),
                NOW,
                Optional.of(NOW),
                Optional.of(lineTime))));
    }
}
