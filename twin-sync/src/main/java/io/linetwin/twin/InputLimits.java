package io.linetwin.twin;

/**
 * What the twin accepts from the line side before it looks at a message's meaning.
 *
 * @param maxRevisionJump how far a message's revision may lie ahead of the Thing's; a larger jump is refused
 *                        ({@link RejectReason#IMPLAUSIBLE_REVISION}): one event with revision
 *                        {@code Long.MAX_VALUE} would otherwise make every later change look stale. Sources may
 *                        skip revisions (they filter events), so the bound is wide.
 * @param maxMessageBytes the largest message (UTF-8 bytes, or UTF-16 chars for a String)
 * @param maxDepth        the deepest nesting of objects and arrays; Ditto's JSON parser recurses per level
 */
public record InputLimits(long maxRevisionJump, int maxMessageBytes, int maxDepth) {

    public static final InputLimits DEFAULT = new InputLimits(1_000_000_000L, 1 << 20, 64);

    public InputLimits {
        if (maxRevisionJump < 1) {
            throw new IllegalArgumentException("maxRevisionJump must be >= 1, got " + maxRevisionJump);
        }
        if (maxMessageBytes < 64) {
            throw new IllegalArgumentException("maxMessageBytes must be >= 64, got " + maxMessageBytes);
        }
        if (maxDepth < 8) {
            throw new IllegalArgumentException("maxDepth must be >= 8, got " + maxDepth);
        }
    }

    public InputLimits withMaxRevisionJump(long jump) {
        return new InputLimits(jump, maxMessageBytes, maxDepth);
    }
}
