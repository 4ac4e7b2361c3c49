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
    /**
     * Would change what must not change: the thing id, the policy, the attributes that come from the scenario
     * ({@code kind}, {@code line}, {@code capacity}, {@code limits}, {@code sensors}), the set of features of the
     * equipment's kind or a property every Thing of it has; or would delete a whole Thing.
     */
    FORBIDDEN_PATH,
    /**
     * Would leave a value outside its domain (unknown state, negative counter, non-numeric level, a level above
     * the buffer's capacity, an unknown product, a parameter outside its limits).
     */
    INVALID_VALUE,
    /** A revision further ahead of the Thing's than {@link InputLimits#maxRevisionJump()} (it would freeze the Thing). */
    IMPLAUSIBLE_REVISION,
    /** Larger than {@link InputLimits#maxMessageBytes()} or nested deeper than {@link InputLimits#maxDepth()}. */
    TOO_LARGE,
    /** Applying it failed inside LineTwin (a defect); kept in the dead letters so that nothing vanishes. */
    APPLY_FAILED
}
