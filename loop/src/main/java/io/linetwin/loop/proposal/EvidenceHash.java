package io.linetwin.loop.proposal;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.linetwin.loop.audit.Sha256;

/** SHA-256 of what a proposal claims and rests on ({@link ProposalJson#evidenceContent}), as lower-case hex. */
public final class EvidenceHash {

    private EvidenceHash() {}

    public static String of(Proposal proposal) {
        try {
            return Sha256.hex(ProposalJson.MAPPER.writeValueAsBytes(ProposalJson.evidenceContent(proposal)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a proposal always serialises", e);
        }
    }

    /** The proposal with its evidence hash computed from its content. */
    public static Proposal stamp(Proposal p) {
        return new Proposal(
                p.id(),
                p.createdAt(),
                p.name(),
                p.origin(),
                p.changes(),
                p.effect(),
                p.guards(),
                p.prediction(),
                p.evidence(),
                of(p),
                p.status(),
                p.approval(),
                p.rejection(),
                p.refusal(),
                p.commands(),
                p.dryRunAt(),
                p.confirmedAt(),
                p.failure(),
                p.rollbackOf(),
                p.rollback());
    }
}
