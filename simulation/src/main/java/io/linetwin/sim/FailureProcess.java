package io.linetwin.sim;

import io.linetwin.model.FailureSpec;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * One failure mode of a piece of equipment, on any {@link FailureClock}: the equipment's working time, its up time
 * or engine time. Its {@link FailureModes} decide what a due failure does; this class keeps the clock reading at
 * which the mode comes due, draws times between failures and repairs, and owns the two events.
 *
 * <p>Rather than cancel and re-create an event each time the clock pauses, the due event is scheduled for the
 * earliest instant the failure could come due; when it fires early (the clock paused meanwhile) it re-arms for the
 * remainder. That keeps the hot path free of allocation at the price of a few extra events per failure. The first
 * time between failures is {@code firstFailure} when the spec has one (a health prediction's look-ahead), else a
 * draw of the MTBF; later ones are drawn when a repair ends, counted from then.
 */
final class FailureProcess {

    private static final double DUE_TOLERANCE_SECONDS = 1e-9;

    private final FailureModes owner;
    private final Model model;
    private final FailureSpec spec;
    private final FailureClock clock;
    private final RandomGenerator betweenFailures;
    private final RandomGenerator repairs;
    private final Event due;
    private final Event repaired;
    private double dueOnClockSeconds;
    private double repairStartSeconds;
    private double repairEndSeconds;
    private boolean duePending;
    private boolean waiting;

    FailureProcess(Model model, FailureModes owner, FailureSpec spec, FailureClock clock,
            RandomGenerator betweenFailures, RandomGenerator repairs) {
        this.model = model;
        this.owner = owner;
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
        this.dueOnClockSeconds = clock.valueAt(0) + spec.firstFailureOrMtbf().sample(betweenFailures);
        clock.attach(this);
    }

    String name() {
        return spec.name();
    }

    void clockStarted(double now) {
        // A mode that came due while halted strikes when the equipment is next up, not from its clock.
        if (!duePending && !waiting) {
            arm(now, dueOnClockSeconds);
        }
    }

    /**
     * Clock time left until this mode comes due (0 once it came due while the equipment was halted); NaN for the
     * mode under repair, whose next time between failures is drawn when the repair ends.
     */
    double dueInSeconds(double now) {
        if (waiting) {
            return 0;
        }
        if (owner.repairing() == this) {
            return Double.NaN;
        }
        return Math.max(0, dueOnClockSeconds - clock.valueAt(now));
    }

    /**
     * Warm start, before the equipment's clocks start: the mode comes due after {@code seconds} more on its clock,
     * or, at 0, strikes as soon as the equipment is up.
     */
    void restoreDueIn(double seconds, double now) {
        if (seconds <= 0) {
            waiting = true;
        } else {
            dueOnClockSeconds = clock.valueAt(now) + seconds;
        }
    }

    /** Came due while the equipment was halted: strikes when it is next up. */
    void waitForUp() {
        waiting = true;
    }

    /** True once: a failure that came due while the equipment was halted and now has to strike. */
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
        model.schedule.scheduleOnce(repairEndSeconds, Ordering.REPAIR, repaired);
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
            owner.due(this, now);
        } else if (clock.running()) {
            arm(now, dueOnClockSeconds);
        }
    }

    private void arm(double now, double reading) {
        duePending = true;
        model.schedule.scheduleOnce(clock.instantOf(reading, now), Ordering.FAILURE, due);
    }

    private void repairEnds(double now) {
        dueOnClockSeconds = clock.valueAt(now) + spec.mtbf().sample(betweenFailures);
        // Only a clock that runs through repairs (engine time) is running now; the others arm when they start.
        if (clock.running()) {
            arm(now, dueOnClockSeconds);
        }
        owner.repairEnded(now);
    }
}
