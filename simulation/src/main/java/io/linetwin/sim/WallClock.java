package io.linetwin.sim;

/**
 * Engine time as a failure clock: it runs from the replication's start and never stops. Its reading is the engine
 * time itself (which is the start instant, not 0, after a warm start); the modes on it are armed when it starts.
 */
final class WallClock implements FailureClock {

    private final double startSeconds;
    private ClockAlarm[] listeners = new ClockAlarm[0];
    private boolean running;

    /** {@code startSeconds}: the replication's start instant. */
    WallClock(double startSeconds) {
        this.startSeconds = startSeconds;
    }

    @Override
    public double valueAt(double now) {
        return running ? now : startSeconds;
    }

    @Override
    public boolean running() {
        return running;
    }

    @Override
    public void attach(ClockAlarm listener) {
        listeners = RunningClock.plus(listeners, listener);
    }

    /** Due instants are readings of this clock, so each is scheduled exactly at its reading. */
    @Override
    public double instantOf(double reading, double now) {
        return Math.max(now, reading);
    }

    /** At the equipment's start, whatever state it starts in. */
    void start(double now) {
        if (running) {
            return;
        }
        running = true;
        for (ClockAlarm listener : listeners) {
            listener.clockStarted(now);
        }
    }
}
