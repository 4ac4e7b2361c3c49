package io.linetwin.twin;

/** Why the twin refused a message; counted per reason in {@link TwinStore.Stats}. */
public enum RejectReason {
    /** Not parseable as a JSON object. */
    NOT_JSON,
    /** JSON, but not a Ditto Protocol envelope (missing or bad topic, path, value). */
    NOT_DITTO_PROTOCOL,
    /** A valid Ditto signal the twin does not apply (live messages, retrieves, policies, searches). */
    UNSUPPORTED_SIGNAL,
    /** Addressed to a Thing the twin does not hold. */
    UNKNOWN_THING,
    /** Would change what must not change (thing id, policy) or delete a whole Thing. */
    FORBIDDEN_PATH,
    /** Would leave a value outside its domain (unknown state, negative counter, non-numeric level). */
    INVALID_VALUE
}
