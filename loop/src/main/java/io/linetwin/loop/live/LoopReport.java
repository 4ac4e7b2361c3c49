package io.linetwin.loop.live;

import io.linetwin.loop.gate.LineResponse;
import io.linetwin.loop.proposal.Proposal;
import io.linetwin.loop.whatif.CandidateOutcome;
import io.linetwin.loop.whatif.WhatIfResult;
import io.linetwin.twin.sync.TwinHealth;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the live loop tells its user (the CLI prints it; the dashboard will show it). */
public interface LoopReport {

    /** A what-if ran; {@code proposals} maps the outcomes that became (or refreshed) proposals to their ids. */
    void whatIf(
            Instant lineTime,
            String trigger,
            WhatIfResult result,
            Map<CandidateOutcome, String> proposals,
            List<String> dropped);

    /** The same, with the health of the twin the what-if started from (lag, stale and refused messages). */
    default void whatIf(
            Instant lineTime,
            String trigger,
            WhatIfResult result,
            Map<CandidateOutcome, String> proposals,
            List<String> dropped,
            Optional<TwinHealth> twin) {
        whatIf(lineTime, trigger, result, proposals, dropped);
    }

    void proposed(Proposal proposal, boolean refreshed);

    /** A person's (or the auto-approver's) decision, first seen by this process. */
    void decided(Proposal proposal);

    void autoApproved(Proposal proposal, String limits);

    void refused(Proposal proposal, String reason);

    void dryRun(Proposal proposal, List<String> commands);

    void sent(Proposal proposal);

    void confirmed(Proposal proposal);

    void failed(Proposal proposal, Proposal rollback);

    /**
     * The line answered a command: it took it, or (for a proposal no longer waiting for its read-back) refused it.
     * The refusal of a command still waiting comes as {@link #lineRefused}.
     */
    default void answered(Proposal proposal, LineResponse answer) {}

    /** The line refused a command of a sent proposal, which failed at once; a rollback if anything else took effect. */
    default void lineRefused(Proposal failed, LineResponse refusal, Optional<Proposal> rollback) {
        rollback.ifPresentOrElse(
                r -> failed(failed, r),
                () -> problem(failed.id() + " failed: " + failed.failure().orElse("")));
    }

    /** Something the user should know that stops nothing (a state that does not fit, a send that will be retried). */
    void problem(String message);
}
