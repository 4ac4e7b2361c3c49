package io.linetwin.loop.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.loop.Lines;
import io.linetwin.loop.LoopKpi;
import io.linetwin.loop.audit.AuditVerifier;
import io.linetwin.loop.gate.GateSettings;
import io.linetwin.loop.proposal.Proposal;
import io.linetwin.loop.proposal.ProposalBook;
import io.linetwin.loop.proposal.ProposalStatus;
import io.linetwin.loop.whatif.WhatIfSettings;
import io.linetwin.model.Scenario;
import io.linetwin.twin.LineDescriptors;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loop's decisions on the press line's twin, fed message by message, in a dry run. */
final class LiveLoopTest {

    private static final Instant T = Instant.parse("2026-11-30T08:00:00Z");

    @TempDir
    Path dir;

    private Scenario scenario;
    private StoreFeed twin;
    private ProposalBook book;
    private final StringWriter printed = new StringWriter();

    @BeforeEach
    void pressLineRunning() throws Exception {
        scenario = Lines.pressLine();
        twin = new StoreFeed(LineDescriptors.of(scenario.line()), Clock.systemUTC());
        twin.event("press", "status", "state", "\"working\"", 1, T);
        book = ProposalBook.open(dir.resolve("state"), Clock.systemUTC());
    }

    private LiveLoop loop(double minEffect, Optional<AutoApprove> auto) throws Exception {
        return loop(minEffect, auto, List.of());
    }

    private LiveLoop loop(
            double minEffect, Optional<AutoApprove> auto, List<io.linetwin.loop.whatif.CandidateSource> extra)
            throws Exception {
        LoopSettings settings = new LoopSettings(
                3600,
                600,
                0.9,
                8 * 3600,
                1800,
                new WhatIfSettings(
                        4 * 3600, 8, 2, LoopKpi.THROUGHPUT, minEffect, List.of(LoopKpi.SCRAP, LoopKpi.LEAD_TIME)),
                new GateSettings(1800, 4 * 3600),
                Duration.ofMinutes(2),
                OptionalDouble.empty(),
                auto,
                false);
        LiveLoop loop = new LiveLoop(
                scenario,
                "ab".repeat(32),
                settings,
                twin,
                book,
                Optional.empty(),
                new PrintingReport(new PrintWriter(printed, true), ""),
                Clock.systemUTC(),
                extra);
        loop.start();
        return loop;
    }

    @Test
    void aWhatIfWithoutAPracticallyRelevantImprovementMakesNoProposal() throws Exception {
        LiveLoop loop = loop(0.9, Optional.empty());
        loop.tick();

        assertThat(loop.whatIfs()).isEqualTo(1);
        assertThat(book.all()).as(printed.toString()).isEmpty();
        assertThat(printed.toString())
                .contains("press-up-a-step")
                .contains("too small")
                .contains("faster-blanker")
                .doesNotContain("→ P1");
        assertThat(book.audit().read()).extracting(e -> e.get("type").asText()).containsExactly("whatIf");
    }

    @Test
    void theSupportedChangeIsProposedOnceAndRefreshedByTheNextWhatIf() throws Exception {
        LiveLoop loop = loop(0.01, Optional.empty());
        loop.tick();
        Proposal first = book.find("P1").orElseThrow();
        assertThat(first.changeMap()).containsEntry("stations.press.parameters.speed", 0.9);
        assertThat(printed.toString())
                .contains("supported → P1")
                .contains("approve: linetwin approve P1")
                .contains("not tried: raise-press-speed: same change as press-up-a-step")
                .contains("not tried: bigger-blank-buffer: buffers.b-blanks.capacity is not a station parameter");

        twin.event("press", "status", "state", "\"down\"", 2, T.plusSeconds(3600));
        loop.tick();

        assertThat(book.all()).extracting(Proposal::id).containsExactly("P1");
        Proposal refreshed = book.find("P1").orElseThrow();
        assertThat(refreshed.evidence().snapshotAt()).isEqualTo(T.plusSeconds(3600));
        assertThat(refreshed.evidenceHash()).isNotEqualTo(first.evidenceHash());
        assertThat(printed.toString()).contains("P1 refreshed with new evidence");
    }

    @Test
    void anApprovalWhileAWhatIfRunsKeepsItsEvidenceAndIsReported() throws Exception {
        boolean[] approveDuringNextWhatIf = {false};
        // Runs inside the what-if (candidates are asked for after the baseline): another terminal approves P1 then.
        io.linetwin.loop.whatif.CandidateSource approver = context -> {
            if (approveDuringNextWhatIf[0]) {
                approveDuringNextWhatIf[0] = false;
                try {
                    Proposal p = book.find("P1").orElseThrow();
                    book.approve("P1", Optional.of(p.evidenceHash()), "ana", false);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return List.of();
        };
        LiveLoop loop = loop(0.01, Optional.empty(), List.of(approver));
        loop.tick();
        Proposal first = book.find("P1").orElseThrow();

        approveDuringNextWhatIf[0] = true;
        twin.event("press", "status", "state", "\"down\"", 2, T.plusSeconds(3600));
        loop.tick();
        loop.tick();

        Proposal approved = book.find("P1").orElseThrow();
        assertThat(approved.status()).isEqualTo(ProposalStatus.APPROVED);
        assertThat(approved.evidenceHash()).isEqualTo(first.evidenceHash());
        assertThat(printed.toString())
                .as("a decided proposal takes no new evidence")
                .doesNotContain("P1 refreshed")
                .contains("P1 approved by ana (evidence " + first.evidenceHash().substring(0, 12) + ")");
    }

    @Test
    void anApprovedProposalIsPrintedAndAuditedInADryRunAndNeverSent() throws Exception {
        LiveLoop loop = loop(0.01, Optional.empty());
        loop.tick();
        Proposal p = book.find("P1").orElseThrow();
        book.approve("P1", Optional.of(p.evidenceHash()), "ana", false);
        loop.tick();
        loop.tick();

        Proposal after = book.find("P1").orElseThrow();
        assertThat(after.status()).isEqualTo(ProposalStatus.APPROVED);
        assertThat(after.dryRunAt()).isPresent();
        assertThat(after.commands()).isEmpty();
        assertThat(printed.toString().split("dry run, not sent", -1)).hasSize(2);
        assertThat(printed.toString()).contains("P1 approved by ana");
        assertThat(book.audit().read())
                .extracting(e -> e.get("type").asText())
                .containsExactly("proposal", "whatIf", "approval", "dryRun");
        assertThat(AuditVerifier.verify(book.audit().file()).intact()).isTrue();
    }

    @Test
    void autoApprovalActsOnlyWithinTheExplicitLimitsAndWarnsEachTime() throws Exception {
        LiveLoop narrow = loop(0.01, Optional.of(AutoApprove.parse(List.of("press.speed=0.6..0.8"))));
        narrow.tick();
        assertThat(book.find("P1").orElseThrow().status()).isEqualTo(ProposalStatus.PROPOSED);
        assertThat(printed.toString()).doesNotContain("WARNING");

        LiveLoop wide = loop(0.01, Optional.of(AutoApprove.parse(List.of("press.speed=0.6..1.0"))));
        wide.tick();
        Proposal p = book.find("P1").orElseThrow();
        assertThat(p.status()).isEqualTo(ProposalStatus.APPROVED);
        assertThat(p.approval().orElseThrow().automatic()).isTrue();
        assertThat(p.approval().orElseThrow().by()).isEqualTo("auto");
        assertThat(printed.toString())
                .contains("WARNING: P1 auto-approved without a person "
                        + "(press.speed 0.7→0.9 within --auto-approve press.speed=0.6..1)");
    }

    @Test
    void autoApprovalNeedsExplicitLimits() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AutoApprove(java.util.Map.of()))
                .hasMessage("auto-approval needs >= 1 explicit limit, got none");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AutoApprove.parse(List.of("press.speed")))
                .hasMessageContaining("expected STATION.PARAMETER=MIN..MAX");
    }
}
