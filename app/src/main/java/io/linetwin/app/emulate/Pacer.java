package io.linetwin.app.emulate;

/**
 * Holds the emulator back so engine time advances at {@code speed} × wall time. Tests inject {@link #NO_WAIT}
 * and run as fast as the engine goes.
 */
@FunctionalInterface
public interface Pacer {

    /** Returns once wall time has caught up with {@code simSeconds} of engine time since the start. */
    void awaitSimSeconds(double simSeconds) throws InterruptedException;

    Pacer NO_WAIT = simSeconds -> {};

    /** Real time: engine second {@code s} is due {@code s / speed} wall seconds after the first call. */
    static Pacer realTime(double speed) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be > 0, got " + speed);
        }
        return new Pacer() {
            private long startNanos = Long.MIN_VALUE;

            @Override
            public void awaitSimSeconds(double simSeconds) throws InterruptedException {
                long now = System.nanoTime();
                if (startNanos == Long.MIN_VALUE) {
                    startNanos = now;
                }
                long due = startNanos + (long) (simSeconds / speed * 1e9);
                long wait = due - now;
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
        };
    }
}
