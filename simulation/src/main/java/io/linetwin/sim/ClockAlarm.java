package io.linetwin.sim;

/**
 * Goes off when a {@link FailureClock} reaches a reading: a failure mode coming due, a planned stop's interval
 * ending. Rather than cancel and re-create an event each time the clock pauses, the event is scheduled for the
 * earliest instant the clock could reach the reading; when it fires early (the clock paused meanwhile) it re-arms
 * for the remainder. That keeps the hot path free of allocation at the price of a few extra events.
 */
final class ClockAlarm {

    static final double DUE_TOLERANCE_SECONDS = 1e-9;

    /** What an alarm sets off. */
    interface Target {
        void alarm(double now);
    }

    private final Model model;
    private final FailureClock clock;
    private final int ordering;
    private final Target target;
    /** The event that sets the alarm off; one replaced by {@link #resetFor} is ignored when it fires. */
    private Event event;

    private double dueReading;
    private boolean pending;
    private boolean silenced;

    /** An alarm at clock reading {@code dueReading}, on the schedule with {@code ordering}. */
    ClockAlarm(Model model, FailureClock clock, int ordering, double dueReading, Target target) {
        this.model = model;
        this.clock = clock;
        this.ordering = ordering;
        this.dueReading = dueReading;
        this.target = target;
        this.event = newEvent();
        clock.attach(this);
    }

    private Event newEvent() {
        return new Event(model) {
            private static final long serialVersionUID = 1L;

            @Override
            void fire(double now) {
                if (this == event) {
                    fires(now);
                }
            }
        };
    }

    FailureClock clock() {
        return clock;
    }

    /**
     * The alarm goes off when the clock reads {@code reading}; armed at once if the clock runs (an event already
     * pending re-arms for the rest when it fires).
     */
    void setFor(double reading, double now) {
        dueReading = reading;
        if (clock.running() && !pending) {
            arm(now);
        }
    }

    /**
     * Warm start: the alarm goes off at {@code reading}, also when it is armed already for a later one. Restoring a
     * station starts its clocks, which arms its alarms for the readings they were built with (a whole interval
     * of an {@code every} stop); that event would come too late, so a fresh one replaces it.
     */
    void resetFor(double reading, double now) {
        dueReading = reading;
        if (pending) {
            event = newEvent();
            pending = false;
            if (clock.running() && !silenced) {
                arm(now);
            }
        }
    }

    /** As {@link #setFor}, without arming: for a clock that starts later. */
    void setFor(double reading) {
        dueReading = reading;
    }

    /** Clock time left until the alarm goes off (0 once due). */
    double leftAt(double now) {
        return Math.max(0, dueReading - clock.valueAt(now));
    }

    /** A silenced alarm does not arm when its clock starts. */
    void silence(boolean quiet) {
        silenced = quiet;
    }

    boolean silenced() {
        return silenced;
    }

    void clockStarted(double now) {
        if (!pending && !silenced) {
            arm(now);
        }
    }

    private void fires(double now) {
        pending = false;
        double remaining = dueReading - clock.valueAt(now);
        if (remaining <= DUE_TOLERANCE_SECONDS) {
            target.alarm(now);
        } else if (clock.running()) {
            arm(now);
        }
    }

    private void arm(double now) {
        pending = true;
        model.schedule.scheduleOnce(clock.instantOf(dueReading, now), ordering, event);
    }
}
