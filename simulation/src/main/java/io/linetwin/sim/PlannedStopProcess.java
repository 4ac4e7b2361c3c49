package io.linetwin.sim;

import io.linetwin.model.FailureBasis;
import io.linetwin.model.PlannedStop;
import io.linetwin.model.PlannedStopState;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One planned stop of a machine or assembly. A stop {@code at} a time goes off on the station's wall clock at that
 * instant (one whose time has passed at a warm start never comes; one due at its very instant begins in the start
 * itself, at exactly that time); one {@code every} so much work goes off on its
 * working clock, and is set again for a whole interval when it ends. When it comes due it begins at once, or, with
 * {@code finishPart}, once the parts in process are done (the station starts none meanwhile); it ends its duration
 * later, whatever else stops the station in between.
 */
final class PlannedStopProcess {

    private final Model model;
    private final Machine station;
    private final PlannedStop spec;
    private final ClockAlarm due;
    private final Event ends;
    private boolean waitingForPart;
    private boolean underWay;
    /**
     * Due at the very instant the station starts: it begins in the start itself, as MASON puts an event scheduled
     * for the instant it is at one step of its clock later, which the stop's own time would then miss.
     */
    private boolean dueAtStart;

    private double startedSeconds;
    private double endsAtSeconds;

    PlannedStopProcess(Model model, Machine station, PlannedStop spec) {
        this.model = model;
        this.station = station;
        this.spec = spec;
        this.ends = new Event(model) {
            private static final long serialVersionUID = 1L;

            @Override
            void fire(double now) {
                end(now);
            }
        };
        FailureClock clock;
        double reading;
        if (spec.trigger() instanceof PlannedStop.Every every) {
            clock = station.clockFor(FailureBasis.OPERATING);
            reading = clock.valueAt(0) + every.operatingSeconds();
        } else {
            clock = station.clockFor(FailureBasis.WALL);
            reading = ((PlannedStop.At) spec.trigger()).atSeconds();
        }
        this.due = new ClockAlarm(model, clock, Ordering.PLANNED_STOP, reading, this::comesDue);
        if (spec.trigger() instanceof PlannedStop.At) {
            double start = model.startSeconds();
            // A stop whose time passed before a (warm) start never comes; one due at the start instant, or passed by
            // no more than the rounding of a clock added up from spans, begins then.
            dueAtStart = reading <= start && sameInstant(reading, start);
            due.silence(reading <= start);
        }
    }

    /** Within the rounding of clock arithmetic: a time plus a difference of times lands a few steps off. */
    private static boolean sameInstant(double a, double b) {
        return Math.abs(a - b)
                <= Math.max(ClockAlarm.DUE_TOLERANCE_SECONDS, 4 * Math.ulp(Math.max(Math.abs(a), Math.abs(b))));
    }

    String name() {
        return spec.name();
    }

    double durationSeconds() {
        return spec.durationSeconds();
    }

    boolean underWay() {
        return underWay;
    }

    boolean waitingForPart() {
        return waitingForPart;
    }

    double elapsedSeconds(double now) {
        return now - startedSeconds;
    }

    double remainingSeconds(double now) {
        return endsAtSeconds - now;
    }

    /** Where the stop stands, for a snapshot; empty for a stop at a time that is over. */
    Optional<PlannedStopState> state(double now) {
        if (underWay) {
            return Optional.of(PlannedStopState.underWay(Math.max(0, remainingSeconds(now))));
        }
        if (waitingForPart) {
            return Optional.of(new PlannedStopState(0, true, OptionalDouble.empty()));
        }
        if (spec.trigger() instanceof PlannedStop.At && due.silenced()) {
            return Optional.empty();
        }
        return Optional.of(PlannedStopState.dueIn(due.leftAt(now)));
    }

    /** Warm start, before the station starts. */
    void restore(PlannedStopState state, double now) {
        dueAtStart = false;
        if (state.underWay()) {
            due.silence(true);
            begin(now, state.remainingSeconds().getAsDouble());
        } else if (state.waitingForPart()) {
            due.silence(true);
            waitingForPart = true;
            station.stopWaitsForPart();
        } else {
            double reading = due.clock().valueAt(now) + state.dueInSeconds();
            if (spec.trigger() instanceof PlannedStop.At at) {
                if (sameInstant(reading, at.atSeconds())) {
                    // The state's "due in" is the stop's time less the clock's, rounded: the stop keeps its own time.
                    reading = at.atSeconds();
                }
                dueAtStart = reading <= now;
            } else {
                // Due with no work left: it came due at the capture, so it begins at the start, as an 'at' stop does.
                dueAtStart = state.dueInSeconds() <= 0;
            }
            due.silence(dueAtStart);
            due.resetFor(reading, now);
        }
    }

    /** The station has started: a stop due at that very instant begins now. */
    void started(double now) {
        if (dueAtStart) {
            dueAtStart = false;
            comesDue(now);
        }
    }

    /** The parts in process are done: a stop waiting for them begins. */
    void partsDone(double now) {
        if (waitingForPart) {
            waitingForPart = false;
            begin(now, spec.durationSeconds());
        }
    }

    private void comesDue(double now) {
        due.silence(true);
        if (spec.finishPart() && !station.halted() && station.partsInProcess() > 0) {
            waitingForPart = true;
            station.stopWaitsForPart();
        } else {
            begin(now, spec.durationSeconds());
        }
    }

    private void begin(double now, double durationSeconds) {
        underWay = true;
        startedSeconds = now;
        endsAtSeconds = now + durationSeconds;
        model.schedule.scheduleOnce(endsAtSeconds, Ordering.REPAIR, ends);
        station.stopBegins(now);
    }

    private void end(double now) {
        underWay = false;
        if (spec.trigger() instanceof PlannedStop.Every every) {
            due.silence(false);
            due.setFor(due.clock().valueAt(now) + every.operatingSeconds(), now);
        }
        station.stopEnds(now);
    }
}
