package io.linetwin.loop.live;

import io.linetwin.loop.proposal.Proposal;
import io.linetwin.loop.whatif.CandidateOutcome;
import io.linetwin.loop.whatif.WhatIfResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the live loop tells its user (the CLI prints it; the dashboard will show it). */
public interface LoopReport {

    /** A what-if ran; {@code proposals} maps the outcomes that became (or refreshed) proposals to their ids. */
    void whatIf(Instant lineTime, String trigger, WhatIfResult result, Map<CandidateOutcome, String> proposals,
            List<String> dropped);

    void proposed(Proposal proposal, boolean refreshed);

    /** A person's (or the auto-approver's) decision, first seen by this process. */
    void decided(Proposal proposal);

    void autoApproved(Proposal proposal, String limits);

    void refused(Proposal proposal, String reason);

    void dryRun(Proposal proposal, List<String> commands);

    void sent(Proposal proposal);

    void confirmed(Proposal proposal);

    void failed(Proposal proposal, Proposal rollback);

    /** Something the user should know that stops nothing (a state that does not fit, a send that will be retried). */
    void problem(String message);
}
