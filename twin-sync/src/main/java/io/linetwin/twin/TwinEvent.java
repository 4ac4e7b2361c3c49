package io.linetwin.twin;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.ditto.things.model.ThingId;

/** What became of one incoming message: the closed family of outcomes listeners see. */
public sealed interface TwinEvent {

    /** The change was applied; the Thing is now at {@code revision}. */
    record Applied(ThingUpdate update, long revision, Instant appliedAt) implements TwinEvent {
        public Applied {
            Objects.requireNonNull(update, "update");
            Objects.requireNonNull(appliedAt, "appliedAt");
            if (revision < 1) {
                throw new IllegalArgumentException("revision must be >= 1, got " + revision);
            }
        }

        public ThingId thingId() {
            return update.thingId();
        }
    }

    /** A duplicate or out-of-order message: its revision is not newer than the Thing's. */
    record Stale(ThingId thingId, long revision, long currentRevision, StaleReason reason) implements TwinEvent {
        public Stale {
            Objects.requireNonNull(thingId, "thingId");
            Objects.requireNonNull(reason, "reason");
            if (revision > currentRevision) {
                throw new IllegalArgumentException(
                        "revision must be <= current " + currentRevision + ", got " + revision);
            }
            if ((revision == currentRevision) != (reason == StaleReason.DUPLICATE)) {
                throw new IllegalArgumentException("reason must be DUPLICATE exactly when revision " + revision
                        + " equals current " + currentRevision + ", got " + reason);
            }
        }

        public Stale(ThingId thingId, long revision, long currentRevision) {
            this(
                    thingId,
                    revision,
                    currentRevision,
                    revision == currentRevision ? StaleReason.DUPLICATE : StaleReason.OUT_OF_ORDER);
        }
    }

    /** Refused, with the reason; the loop carries on with the next message. */
    record Rejected(RejectReason reason, String detail, Optional<ThingId> thingId) implements TwinEvent {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(thingId, "thingId");
        }
    }
}
