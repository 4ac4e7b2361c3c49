package io.linetwin.twin;

import java.util.Objects;

/**
 * A message decoded but not yet applied. Decoding needs no lock and no order, so a consumer may decode
 * many messages on several threads and then apply them one by one, in order, with
 * {@link TwinStore#apply(Prepared)}.
 */
public sealed interface Prepared {

    record Update(ThingUpdate update) implements Prepared {
        public Update {
            Objects.requireNonNull(update, "update");
        }
    }

    record Refused(RejectReason reason, String detail) implements Prepared {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
