package io.linetwin.twin;

import java.util.Objects;

/** Thrown inside decoding and applying to unwind to the one place that turns it into a rejection. */
public final class RejectedMessageException extends Exception {
    private final RejectReason reason;

    public RejectedMessageException(RejectReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public RejectReason reason() {
        return reason;
    }
}
