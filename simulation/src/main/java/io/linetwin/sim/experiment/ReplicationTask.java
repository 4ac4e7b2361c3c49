package io.linetwin.sim.experiment;

import java.util.Objects;

/** The unit of work of a {@link ReplicationEngine}: replication {@code replication} of one candidate line. */
public record ReplicationTask(Candidate candidate, int replication) {

    public ReplicationTask {
        Objects.requireNonNull(candidate, "candidate");
        if (replication < 0) {
            throw new IllegalArgumentException("replication must be >= 0, got " + replication);
        }
    }
}
