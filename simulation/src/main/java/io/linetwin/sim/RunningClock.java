package io.linetwin.sim;

/**
 * A clock that only advances while something holds: a station's up time (calendar-basis failures) or its
 * processing time (operating-basis failures). Failure modes on it are told when it starts so they can put
 * their due event on the schedule.
 */
final class RunningClock {

    private double accumulatedSeconds;
    private double sinceSeconds;
    private boolean running;
    private FailureProcess[] listeners = new FailureProcess[0];

    void attach(FailureProcess listener) {
        FailureProcess[] bigger = new FailureProcess[listeners.length + 1];
        System.arraycopy(listeners, 0, bigger, 0, listeners.length);
        bigger[listeners.length] = listener;
        listeners = bigger;
    }

    boolean running() {
        return running;
    }

    double valueAt(double nowSeconds) {
        return running ? accumulatedSeconds + (nowSeconds - sinceSeconds) : accumulatedSeconds;
    }

    void start(double nowSeconds) {
        if (running) {
            return;
        }
        running = true;
        sinceSeconds = nowSeconds;
        for (FailureProcess listener : listeners) {
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
}
