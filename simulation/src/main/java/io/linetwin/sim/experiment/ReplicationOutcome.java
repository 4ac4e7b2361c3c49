package io.linetwin.sim.experiment;

import io.linetwin.sim.LineDeadlockException;
import io.linetwin.sim.ReplicationResult;
import java.util.Objects;

/**
 * What one replication task came to: its result, or the deadlock that stopped its line. A deadlock is an outcome,
 * not a failure of the engine: a tuner drops the setting that deadlocks and moves on.
 */
public sealed interface ReplicationOutcome {

    /** The result; throws the deadlock when the line deadlocked. */
    ReplicationResult result();

    record Finished(ReplicationResult value) implements ReplicationOutcome {
        public Finished {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public ReplicationResult result() {
            return value;
        }
    }

    record Deadlocked(LineDeadlockException deadlock) implements ReplicationOutcome {
        public Deadlocked {
            Objects.requireNonNull(deadlock, "deadlock");
        }

        @Override
        public ReplicationResult result() {
            throw deadlock;
        }
    }
}
