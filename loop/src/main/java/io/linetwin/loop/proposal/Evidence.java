package io.linetwin.loop.proposal;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a proposal rests on, enough to run its what-if again: the seed, the SHA-256 of the scenario file, the
 * snapshot's line time and the revision of every Thing in it, the look-ahead and replications, and what triggered
 * the what-if.
 */
public record Evidence(
        long seed,
        String scenarioHash,
        Instant snapshotAt,
        Map<String, Long> revisions,
        double lookAheadSeconds,
        int replications,
        String trigger) {

    public Evidence {
        Objects.requireNonNull(scenarioHash, "scenarioHash");
        Objects.requireNonNull(snapshotAt, "snapshotAt");
        revisions = java.util.Collections.unmodifiableMap(new TreeMap<>(revisions));
        if (!(lookAheadSeconds > 0)) {
            throw new IllegalArgumentException("look-ahead must be > 0 seconds, got " + lookAheadSeconds);
        }
        if (replications < 1) {
            throw new IllegalArgumentException("replications must be >= 1, got " + replications);
        }
        Objects.requireNonNull(trigger, "trigger");
    }

    /** The sum of the snapshot's revisions: one number that moves whenever the twin does. */
    public long revisionSum() {
        return revisions.values().stream().mapToLong(Long::longValue).sum();
    }
}
