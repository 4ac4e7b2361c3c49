package io.linetwin.sim;

import io.linetwin.model.FailureSpec;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * One failure mode of a machine. Failures act on the whole station: a failure stops every server (parts in
 * process or setup keep their remaining time and resume after the repair), and nothing enters or leaves the
 * station during the repair.
 *
 * <p>The time between failures is measured on a {@link RunningClock}: the station's processing clock for
 * {@code OPERATING} (it runs while at least one server processes and the station is up) or its up clock for
 * {@code CALENDAR} (it runs whenever the station is not under repair, so the next time between failures
 * counts from the end of the repair and other modes' clocks stand still during a repair). Rather than cancel
 * and re-create an event each time the clock pauses, the due event is scheduled for the earliest instant the
 * failure could come due; when it fires early (the clock paused meanwhile) it re-arms for the remainder. That
 * keeps the hot path free of allocation at the price of a few extra events per failure.
 */
final class FailureProcess {

    private static final double DUE_TOLERANCE_SECONDS = 1e-9;

    private final Machine machine;
    private final FailureSpec spec;
    private final RunningClock clock;
    private final RandomGenerator betweenFailures;
    private final RandomGenerator repairs;
    private final Event due;
    private final Event repaired;
    private double dueOnClockSeconds;
    private double repairStartSeconds;
    private double repairEndSeconds;
    private boolean duePending;
    private boolean waiting;

    FailureProcess(Model model, Machine machine, FailureSpec spec, RunningClock clock, RandomGenerator betweenFailures,
            RandomGenerator repairs) {
        this.machine = machine;
        this.spec = spec;
        this.clock = clock;
        this.betweenFailures = betweenFailures;
        this.repairs = repairs;
        this.due = new Event(model) {
            private static final long serialVersionUID = 1L;

            @Override
            void fire(double now) {
                dueFires(now);
            }
        };
        this.repaired = new Event(model) {
            private static final long serialVersionUID = 1L;

            @Override
            void fire(double now) {
                repairEnds(now);
            }
        };
        this.dueOnClockSeconds = spec.firstFailureOrMtbf().sample(betweenFailures);
        clock.attach(this);
    }

    String name() {
        return spec.name();
    }

    void clockStarted(double now) {
        // A mode that came due while halted strikes when the station is next up, not from its clock.
        if (!duePending && !waiting) {
            arm(now, dueOnClockSeconds - clock.valueAt(now));
        }
    }

    /**
     * Clock time left until this mode comes due (0 once it came due while the station was halted); NaN for the
     * mode under repair, whose next time between failures is drawn when the repair ends.
     */
    double dueInSeconds(double now) {
        if (waiting) {
            return 0;
        }
        if (machine.repairing() == this) {
            return Double.NaN;
        }
        return Math.max(0, dueOnClockSeconds - clock.valueAt(now));
    }

    /**
     * Warm start, before the station's clocks start: the mode comes due after {@code seconds} more on its clock,
     * or, at 0, strikes as soon as the station is up.
     */
    void restoreDueIn(double seconds, double now) {
        if (seconds <= 0) {
            waiting = true;
        } else {
            dueOnClockSeconds = clock.valueAt(now) + seconds;
        }
    }

    /** True once: a failure that came due while the station was down and now has to strike. */
    boolean takeWaiting() {
        boolean was = waiting;
        waiting = false;
        return was;
    }

    void beginRepair(double now) {
        beginRepair(now, spec.mttr().sample(repairs));
    }

    /** A repair that takes {@code durationSeconds} from {@code now} (a warm start knows the rest of one). */
    void beginRepair(double now, double durationSeconds) {
        repairStartSeconds = now;
        repairEndSeconds = now + durationSeconds;
        machine.model().schedule.scheduleOnce(repairEndSeconds, Ordering.REPAIR, repaired);
    }

    double sampleRepairSeconds() {
        return spec.mttr().sample(repairs);
    }

    double repairElapsedSeconds(double now) {
        return now - repairStartSeconds;
    }

    double repairRemainingSeconds(double now) {
        return repairEndSeconds - now;
    }

    private void dueFires(double now) {
        duePending = false;
        double remaining = dueOnClockSeconds - clock.valueAt(now);
        if (remaining <= DUE_TOLERANCE_SECONDS) {
            if (machine.isHalted()) {
                waiting = true;
            } else {
                machine.fail(this, now);
            }
        } else if (clock.running()) {
            arm(now, remaining);
        }
    }

    private void arm(double now, double inSeconds) {
        duePending = true;
        machine.model().schedule.scheduleOnce(now + Math.max(0, inSeconds), Ordering.FAILURE, due);
    }

    private void repairEnds(double now) {
        dueOnClockSeconds = clock.valueAt(now) + spec.mtbf().sample(betweenFailures);
        machine.repaired(now);
    }
}
