package io.linetwin.sim;

/**
 * Same-time ordering of events on MASON's schedule (lower runs first). The window opens before anything else
 * at its instant and closes after everything else, so the window [warmup, warmup + horizon] is closed.
 */
final class Ordering {

    static final int WINDOW_OPENS = 0;
    static final int START = 1;
    /** Shift changes come before repairs and phase ends at their instant: work due then waits for the shift. */
    static final int SHIFT = 2;
    /** A repair, or a planned stop, ends. */
    static final int REPAIR = 3;
    /** A material delivery lands before the phase ends at its instant, so those can start on it. */
    static final int DELIVERY = 4;
    /** A planned stop begins before a failure or a phase end at its instant: it starts exactly when planned. */
    static final int PLANNED_STOP = 5;

    static final int FAILURE = 6;
    static final int SERVER = 7;
    static final int ARRIVAL = 8;
    static final int WINDOW_CLOSES = 9;
    /** A snapshot describes the line after everything at its instant has happened. */
    static final int SNAPSHOT = 10;

    private Ordering() {}
}
