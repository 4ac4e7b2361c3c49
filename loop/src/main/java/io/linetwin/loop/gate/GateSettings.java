package io.linetwin.loop.gate;

/**
 * The gate's own limits, beyond those on the Things.
 *
 * @param rateLimitSeconds       line time that must pass between two commands to the same equipment, so the line
 *                               settles and the twin shows the effect of one before the next
 * @param maxEvidenceAgeSeconds  line time after the snapshot beyond which a proposal's evidence is too old to act on
 *                               (its what-if looked no further ahead)
 */
public record GateSettings(double rateLimitSeconds, double maxEvidenceAgeSeconds) {
    public GateSettings {
        if (!(rateLimitSeconds >= 0) || Double.isInfinite(rateLimitSeconds)) {
            throw new IllegalArgumentException("rate limit must be >= 0 seconds, got " + rateLimitSeconds);
        }
        if (!(maxEvidenceAgeSeconds > 0)) {
            throw new IllegalArgumentException("evidence age limit must be > 0 seconds, got " + maxEvidenceAgeSeconds);
        }
    }
}
