package io.linetwin.twin;

/** Why the twin left a message out as stale; counted per reason in {@link TwinStore.Stats}. */
public enum StaleReason {
    /** The revision the Thing already has: a redelivery (at-least-once) or a resent message. */
    DUPLICATE,
    /** An older revision than the Thing's: it arrived after a newer change. */
    OUT_OF_ORDER
}
