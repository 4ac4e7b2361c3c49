package io.linetwin.loop.proposal;

import java.util.Arrays;

/**
 * Where a proposal stands. {@code proposed} → {@code approved} (a person, or {@code --auto-approve} within explicit
 * limits) or {@code rejected}; approved → {@code refused} (the gate said no) or {@code sent}; sent →
 * {@code confirmed} (the twin reports the new value) or {@code failed} (it did not in time: a rollback proposal
 * follows); a failed proposal whose rollback was confirmed is {@code rolledBack}. A proposal still open
 * ({@code proposed}, {@code approved} or {@code sent}) whose line is gone — an earlier {@code live --embedded} run's
 * emulated line, which ended with that run — is {@code expired}: kept, never acted on.
 */
public enum ProposalStatus {
    PROPOSED("proposed"),
    APPROVED("approved"),
    REFUSED("refused"),
    REJECTED("rejected"),
    SENT("sent"),
    CONFIRMED("confirmed"),
    FAILED("failed"),
    ROLLED_BACK("rolledBack"),
    EXPIRED("expired");

    private final String json;

    ProposalStatus(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    /** Still to be acted on: waiting for a person, the gate or the line's confirmation. */
    public boolean open() {
        return this == PROPOSED || this == APPROVED || this == SENT;
    }

    /** Still waiting for a person or for the gate. */
    public boolean pending() {
        return this == PROPOSED || this == APPROVED;
    }

    public static ProposalStatus fromJson(String name) {
        return Arrays.stream(values())
                .filter(s -> s.json.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("status must be one of "
                        + Arrays.stream(values()).map(ProposalStatus::json).toList() + ", got " + name));
    }
}
