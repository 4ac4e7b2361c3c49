package io.linetwin.sim;

import java.util.List;

/**
 * The line deadlocked: a loop of stations whose every server holds a finished part for a full buffer whose
 * station is in the same plight, so no part can ever move again. Raised at the instant the last server of
 * the loop blocks, with the blocked chain (station, buffer, station, ..., back to the first station).
 */
public final class LineDeadlockException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> chain;
    private final double timeSeconds;

    /** Public so that an engine on another machine can report the deadlock its worker met, word for word. */
    public LineDeadlockException(double timeSeconds, List<String> chain) {
        super("the line deadlocked at t = " + timeSeconds + " s: " + String.join(" -> ", chain)
                + " (every server blocked on a full buffer); enlarge a buffer of the loop or lower its rework share");
        this.chain = List.copyOf(chain);
        this.timeSeconds = timeSeconds;
    }

    /** Station, buffer, station, ... ending at the first station again. */
    public List<String> chain() {
        return chain;
    }

    public double timeSeconds() {
        return timeSeconds;
    }
}
