package io.linetwin.loop.proposal;

/**
 * A decision the proposal book cannot take: an unknown proposal, one no longer waiting for that decision, or an
 * approval of evidence the proposal no longer has.
 */
public final class ProposalException extends Exception {

    /** Why; the CLI maps {@link #UNKNOWN} to bad input (exit 2), the others to a refusal (exit 1). */
    public enum Kind {
        UNKNOWN,
        NOT_PENDING,
        STALE_EVIDENCE
    }

    private final Kind kind;

    public ProposalException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
