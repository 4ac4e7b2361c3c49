package io.linetwin.model;

/**
 * What a station does with parts. Every question that depends on the kind is an exhaustive {@code switch} here
 * or at its use, never a chain of comparisons: adding a kind then fails to compile wherever it must be handled.
 */
public enum StationKind {
    /** Releases parts into the line. */
    SOURCE,
    /** Processes one part at a time per server. */
    MACHINE,
    /** Absorbs parts instantly: they leave the line. */
    SINK,
    /** Processes kits: one part of each input's count per operation, which leaves as one part. */
    ASSEMBLY,
    /** Processes up to a batch of parts together in one cycle (an oven, a washer); see {@link BatchRule}. */
    BATCH;

    /**
     * Whether parts spend processing time here, so the station has servers with states (working, starved,
     * blocked, ...), an OEE and a place in the bottleneck search; a source or a sink only lets parts in or out.
     */
    public boolean processesParts() {
        return switch (this) {
            case MACHINE, ASSEMBLY, BATCH -> true;
            case SOURCE, SINK -> false;
        };
    }
}
