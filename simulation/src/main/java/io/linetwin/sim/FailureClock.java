package io.linetwin.sim;

/**
 * The clock a failure mode's time between failures is measured on: one that runs only while its equipment works
 * or is up ({@link RunningClock}), or engine time itself ({@link WallClock}). Failure modes on a clock are told
 * when it starts, through their {@link ClockAlarm}s.
 */
sealed interface FailureClock permits RunningClock, WallClock {

    /** The clock's reading at {@code now}: 0 at the replication's start, except engine time on the wall clock. */
    double valueAt(double now);

    boolean running();

    void attach(ClockAlarm listener);

    /** The earliest instant, {@code now} or later, at which the clock can read {@code reading}. */
    double instantOf(double reading, double now);
}
