package io.linetwin.loop.proposal;

import java.time.Instant;
import java.util.Objects;

/**
 * A person's yes to one proposal as it stood: the evidence hash it names must still be the proposal's when the gate
 * looks, so an approval can never carry over to different evidence.
 */
public record Approval(String by, Instant at, String evidenceHash, boolean automatic) {
    public Approval {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(evidenceHash, "evidenceHash");
        if (by.isBlank()) {
            throw new IllegalArgumentException("approver must not be blank");
        }
    }
}
