package io.linetwin.sim;

/**
 * A clock that only advances while something holds: equipment's up time ({@code uptime}-basis failures) or its
 * working time ({@code operating} basis: a machine processing, a conveyor's belt moving).
 */
final class RunningClock implements FailureClock {

    private double accumulatedSeconds;
    private double sinceSeconds;
    private boolean running;
    private ClockAlarm[] listeners = new ClockAlarm[0];

    @Override
    public void attach(ClockAlarm listener) {
        listeners = plus(listeners, listener);
    }

    static ClockAlarm[] plus(ClockAlarm[] listeners, ClockAlarm listener) {
        ClockAlarm[] bigger = new ClockAlarm[listeners.length + 1];
        System.arraycopy(listeners, 0, bigger, 0, listeners.length);
        bigger[listeners.length] = listener;
        return bigger;
    }

    @Override
    public boolean running() {
        return running;
    }

    @Override
    public double valueAt(double nowSeconds) {
        return running ? accumulatedSeconds + (nowSeconds - sinceSeconds) : accumulatedSeconds;
    }

    @Override
    public double instantOf(double reading, double now) {
        return now + Math.max(0, reading - valueAt(now));
    }

    void start(double nowSeconds) {
        if (running) {
            return;
        }
        running = true;
        sinceSeconds = nowSeconds;
        for (ClockAlarm listener : listeners) {
            listener.clockStarted(nowSeconds);
        }
    }

    void stop(double nowSeconds) {
        if (!running) {
            return;
        }
        accumulatedSeconds += nowSeconds - sinceSeconds;
        running = false;
    }

    /**
     * Adds the time run so far to the reading without stopping: a clock settled at each change of what it measures
     * sums its pieces in that order (a conveyor's moving clock, settled at every change of the belt's load).
     */
    void settle(double nowSeconds) {
        if (running) {
            accumulatedSeconds += nowSeconds - sinceSeconds;
            sinceSeconds = nowSeconds;
        }
    }
}
