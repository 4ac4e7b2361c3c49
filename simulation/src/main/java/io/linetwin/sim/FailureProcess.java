package io.linetwin.sim;

import io.linetwin.model.FailureSpec;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * One failure mode of a piece of equipment, on any {@link FailureClock}: the equipment's working time, its up time
 * or engine time. Its {@link FailureModes} decide what a due failure does; this class draws times between failures
 * and repairs, sets its {@link ClockAlarm} for the reading at which the mode comes due, and owns the repair event.
 * The first time between failures is {@code firstFailure} when the spec has one (a health prediction's look-ahead),
 * else a draw of the MTBF; later ones are drawn when a repair ends, counted from then.
 */
final class FailureProcess {

    private final FailureModes owner;
    private final Model model;
    private final FailureSpec spec;
    private final FailureClock clock;
    private final RandomGenerator betweenFailures;
    private final RandomGenerator repairs;
    private final Event repaired;
    private final ClockAlarm due;
    private double repairStartSeconds;
    private double repairEndSeconds;
    private boolean waiting;

    FailureProcess(
            Model model,
            FailureModes owner,
            FailureSpec spec,
            FailureClock clock,
            RandomGenerator betweenFailures,
            RandomGenerator repairs) {
        this.model = model;
        this.owner = owner;
        this.spec = spec;
        this.clock = clock;
        this.betweenFailures = betweenFailures;
        this.repairs = repairs;
        this.repaired = new Event(model) {
            private static final long serialVersionUID = 1L;

            @Override
            void fire(double now) {
                repairEnds(now);
            }
        };
        this.due = new ClockAlarm(
                model,
                clock,
                Ordering.FAILURE,
                clock.valueAt(0) + spec.firstFailureOrMtbf().sample(betweenFailures),
                now -> owner.due(this, now));
    }

    String name() {
        return spec.name();
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
        return due.leftAt(now);
    }

    /**
     * Warm start: the mode comes due after {@code seconds} more on its clock, or, at 0, strikes as soon as the
     * equipment is up. Restored before the equipment's clocks start today; should a clock start first, the alarm
     * it armed for the reading the mode was built with is replaced, not kept (as a planned stop's is).
     */
    void restoreDueIn(double seconds, double now) {
        if (seconds <= 0) {
            waitForUp();
        } else {
            due.resetFor(clock.valueAt(now) + seconds, now);
        }
    }

    /** Came due while the equipment was halted: strikes when it is next up, not from its clock. */
    void waitForUp() {
        waiting = true;
        due.silence(true);
    }

    /** True once: a failure that came due while the equipment was halted and now has to strike. */
    boolean takeWaiting() {
        boolean was = waiting;
        waiting = false;
        due.silence(false);
        return was;
    }

    void beginRepair(double now) {
        beginRepair(now, spec.mttr().sample(repairs));
    }

    /** A repair that takes {@code durationSeconds} from {@code now} (a warm start knows the rest of one). */
    void beginRepair(double now, double durationSeconds) {
        // Its next time between failures is drawn when the repair ends; until then its clock must not arm it
        // (a warm start down under this mode starts the wall clock during the repair).
        due.silence(true);
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

    private void repairEnds(double now) {
        // Only a clock that runs through repairs (engine time) is running now; the others arm when they start.
        due.silence(false);
        due.setFor(clock.valueAt(now) + spec.mtbf().sample(betweenFailures), now);
        owner.repairEnded(now);
    }
}
