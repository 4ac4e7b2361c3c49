package io.linetwin.model;

/** What a station does with parts. */
public enum StationKind {
    /** Releases parts into the line. */
    SOURCE,
    /** Processes one part at a time per server. */
    MACHINE,
    /** Absorbs parts instantly: they leave the line. */
    SINK,
    /** Processes kits: one part of each input's count per operation, which leaves as one part. */
    ASSEMBLY
}
