package io.linetwin.loop.proposal;

import java.time.Instant;
import java.util.Objects;

/** A person's no, with the reason. */
public record Rejection(String by, Instant at, String reason) {
    public Rejection {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a rejection needs a reason");
        }
    }
}
