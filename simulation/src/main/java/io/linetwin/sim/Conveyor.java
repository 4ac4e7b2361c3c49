package io.linetwin.sim;

import io.linetwin.model.ConveyorSpec;
import io.linetwin.model.FailureBasis;
import io.linetwin.model.FailureSpec;
import io.linetwin.model.InFlight;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * An accumulating conveyor between two stations. A part enters when fewer than {@code capacity} parts are on
 * it and the previous part entered at least one gap (spacing / speed) earlier; it reaches the end after the
 * transit time (length / speed) and leaves when the next station takes it, at least one gap after the part
 * before it (accumulated parts close up at the spacing). A failure stops the belt: parts keep their places,
 * and every time still to run (travel, gaps) resumes after the repair. A calendar-basis failure clock runs all
 * the time (a failure that comes due during a repair strikes right after it); an operating-basis one runs only
 * while the belt moves: up and carrying at least one part (an empty belt stands still).
 */
final class Conveyor extends Buffer {

    private static final double TOLERANCE_SECONDS = 1e-9;
    private static final double DUE_TOLERANCE_SECONDS = 1e-9;

    private final Model model;
    private final int capacity;
    private final double transitSeconds;
    private final double gapSeconds;
    private final Part[] ring;
    private final double[] readyAt;
    private final Event exit;
    private final Event entryFree;
    private final Mode[] modes;
    private int head;
    private int size;
    private double lastEntrySeconds = Double.NEGATIVE_INFINITY;
    private double nextExitSeconds = Double.NEGATIVE_INFINITY;
    private double exitAtSeconds = Double.NaN;
    private boolean entryWakePending;
    private boolean down;
    private double downSinceSeconds;
    private Mode repairing;
    private double repairEndsSeconds;
    private boolean restored;
    /** The state as of {@code changedAtSeconds}, for the moving clock and the window's tallies. */
    private boolean moving;
    private boolean countedDown;
    private double changedAtSeconds;
    private double movingClockSeconds;
    private double windowOpenSeconds = Double.POSITIVE_INFINITY;
    private double windowMovingSeconds;
    private double windowDownSeconds;
    private long windowFailures;

    Conveyor(Model model, ConveyorSpec spec, int capacity, RandomStreams streams) {
        super(spec.id(), model.productCount());
        this.model = model;
        this.capacity = capacity;
        this.transitSeconds = spec.transitSeconds();
        this.gapSeconds = spec.gapSeconds();
        this.ring = new Part[capacity];
        this.readyAt = new double[capacity];
        this.exit = new Event(model) {
            private static final long serialVersionUID = 1L;

            @Override
            void fire(double now) {
                if (now == exitAtSeconds) {
                    exitAtSeconds = Double.NaN;
                    leave(now);
                }
            }
        };
        this.entryFree = new Event(model) {
            private static final long serialVersionUID = 1L;

            @Override
            void fire(double now) {
                entryWakePending = false;
                upstream().roomAvailable();
            }
        };
        this.modes = new Mode[spec.failures().size()];
        for (int i = 0; i < modes.length; i++) {
            FailureSpec failure = spec.failures().get(i);
            modes[i] = new Mode(failure, streams.stream(id(), RandomStreams.FAILURE_PREFIX + failure.name()),
                    streams.stream(id(), RandomStreams.REPAIR_PREFIX + failure.name()));
        }
    }

    /** Starts the failure clocks (a warm start restored them already) and the part at the end, if any. */
    void start(double now) {
        if (!restored) {
            for (Mode mode : modes) {
                mode.armAfterRepair(now);
            }
        }
        changedAtSeconds = now;
        track(now);
        if (size > 0 && !down) {
            scheduleExit(now);
        }
    }

    void openWindow(double now) {
        track(now);
        windowOpenSeconds = now;
        windowMovingSeconds = 0;
        windowDownSeconds = 0;
        windowFailures = 0;
    }

    /** The window's shares of moving and stopped (under repair) time, and the failures that struck in it. */
    ConveyorResult result(double now, double horizonSeconds) {
        track(now);
        return new ConveyorResult(id(), windowMovingSeconds / horizonSeconds, windowDownSeconds / horizonSeconds,
                windowFailures);
    }

    /** Seconds the belt has moved since the run began: the operating-basis failure clock. */
    private double movingClock(double now) {
        return moving ? movingClockSeconds + (now - changedAtSeconds) : movingClockSeconds;
    }

    /**
     * Brings the moving clock and the window's tallies up to {@code now} under the state last tracked, then takes
     * the current state; operating-basis modes hear when the belt starts moving. Called after every change of the
     * belt's load or of its being stopped.
     */
    private void track(double now) {
        double elapsed = now - changedAtSeconds;
        if (moving) {
            movingClockSeconds += elapsed;
        }
        double inWindow = now - Math.max(changedAtSeconds, windowOpenSeconds);
        if (inWindow > 0) {
            if (moving) {
                windowMovingSeconds += inWindow;
            }
            if (countedDown) {
                windowDownSeconds += inWindow;
            }
        }
        changedAtSeconds = now;
        countedDown = down;
        boolean nowMoving = !down && size > 0;
        if (nowMoving != moving) {
            moving = nowMoving;
            if (nowMoving) {
                for (Mode mode : modes) {
                    mode.clockStarted(now);
                }
            }
        }
    }

    /**
     * Where the belt's parts are and its timers stand; times still to run count from the stop while the belt is
     * stopped (they resume after the repair).
     */
    InFlight.ConveyorState state(double now) {
        double from = down ? downSinceSeconds : now;
        List<Double> travel = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            travel.add(Math.max(0, readyAt[(head + i) % capacity] - from));
        }
        return new InFlight.ConveyorState(travel, Math.max(0, lastEntrySeconds + gapSeconds - from),
                Math.max(0, nextExitSeconds - from), down
                        ? Optional.of(new InFlight.Repair(repairing.spec.name(),
                                Math.max(0, repairEndsSeconds - now)))
                        : Optional.empty());
    }

    /** Failure mode → time until it comes due (0: came due during the repair); the mode under repair is left out. */
    Map<String, Double> failureClocks(double now) {
        Map<String, Double> clocks = new LinkedHashMap<>();
        for (Mode mode : modes) {
            if (mode.waiting || mode != repairing || !down) {
                clocks.put(mode.spec.name(), mode.dueInSeconds(now));
            }
        }
        return clocks;
    }

    /**
     * Warm start, after the parts are restored and before {@link #start}: their places on the belt, its timers,
     * a repair under way and the failure clocks in {@code dueInSeconds} (modes left out draw afresh).
     */
    void restoreState(InFlight.ConveyorState state, Map<String, Double> dueInSeconds,
            double now) {
        if (state != null) {
            if (state.travelLeftSeconds().size() != size) {
                throw new IllegalArgumentException("conveyor " + id() + " holds " + size
                        + " parts, got travel times for " + state.travelLeftSeconds().size());
            }
            for (int i = 0; i < size; i++) {
                readyAt[(head + i) % capacity] = now + state.travelLeftSeconds().get(i);
            }
            lastEntrySeconds = now + state.entryFreeInSeconds() - gapSeconds;
            nextExitSeconds = now + state.exitFreeInSeconds();
            if (state.repair().isPresent()) {
                Mode mode = mode(state.repair().get().failure());
                stop(now);
                repairing = mode;
                repairEndsSeconds = now + state.repair().get().remainingSeconds();
                model.schedule.scheduleOnce(repairEndsSeconds, Ordering.REPAIR, mode.repaired);
            }
        }
        for (Mode mode : modes) {
            Double dueIn = dueInSeconds.get(mode.spec.name());
            if (dueIn != null && dueIn <= 0) {
                mode.waiting = true;
            } else if (dueIn != null) {
                mode.dueIn(now, dueIn);
            } else if (!(down && mode == repairing)) {
                mode.armAfterRepair(now);
            }
        }
        restored = true;
    }

    private Mode mode(String name) {
        for (Mode mode : modes) {
            if (mode.spec.name().equals(name)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("conveyor " + id() + " repair must name one of its failure modes, got "
                + name);
    }

    boolean isDown() {
        return down;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public int level() {
        return size;
    }

    @Override
    public Part waiting(int index) {
        return ring[(head + index) % capacity];
    }

    /** Warm start: the part waits at the end (its place on the belt is not known), behind those restored before. */
    @Override
    public void restore(Part part) {
        if (size >= capacity) {
            throw new IllegalArgumentException("conveyor " + id() + " holds at most " + capacity + " parts, got more");
        }
        add(part, model.now());
    }

    @Override
    public boolean canAccept() {
        if (down || size >= capacity) {
            return false;
        }
        double now = model.now();
        double free = lastEntrySeconds + gapSeconds;
        if (now + TOLERANCE_SECONDS >= free) {
            return true;
        }
        if (!entryWakePending) {
            entryWakePending = true;
            model.schedule.scheduleOnce(free, Ordering.SERVER, entryFree);
        }
        return false;
    }

    @Override
    public void accept(Part part) {
        double now = model.now();
        if (model.tracing()) {
            model.traceMove(part, id());
        }
        flows().in(part);
        lastEntrySeconds = now;
        add(part, now + transitSeconds);
        if (size == 1) {
            track(now);
            scheduleExit(now);
        }
    }

    /** The next station has room: the part at the end may leave. */
    @Override
    public void roomAvailable() {
        leave(model.now());
    }

    private void add(Part part, double ready) {
        int tail = (head + size) % capacity;
        ring[tail] = part;
        readyAt[tail] = ready;
        size++;
    }

    private void leave(double now) {
        boolean left = false;
        while (size > 0 && !down && readyAt[head] <= now + TOLERANCE_SECONDS
                && nextExitSeconds <= now + TOLERANCE_SECONDS && downstream().canAccept()) {
            Part part = ring[head];
            ring[head] = null;
            head = (head + 1) % capacity;
            size--;
            nextExitSeconds = now + gapSeconds;
            flows().out(part);
            if (size == 0) {
                track(now);
            }
            downstream().accept(part);
            left = true;
        }
        if (size > 0 && !down) {
            scheduleExit(now);
        }
        if (left) {
            upstream().roomAvailable();
        }
    }

    /** An exit event for the part at the end, unless it is already there and waits for room downstream(). */
    private void scheduleExit(double now) {
        double at = Math.max(readyAt[head], nextExitSeconds);
        if (at <= now + TOLERANCE_SECONDS || at == exitAtSeconds) {
            return;
        }
        exitAtSeconds = at;
        model.schedule.scheduleOnce(at, Ordering.SERVER, exit);
    }

    private void stop(double now) {
        if (model.tracing()) {
            model.traceConveyor(id(), true);
        }
        down = true;
        track(now);
        downSinceSeconds = now;
        exitAtSeconds = Double.NaN;
    }

    /** Every time still to run moves on by the repair's length. */
    private void restart(double now) {
        double stopped = now - downSinceSeconds;
        for (int i = 0; i < size; i++) {
            readyAt[(head + i) % capacity] += stopped;
        }
        lastEntrySeconds += stopped;
        nextExitSeconds += stopped;
        down = false;
        if (model.tracing()) {
            model.traceConveyor(id(), false);
        }
        track(now);
        leave(now);
        upstream().roomAvailable();
    }

    /**
     * One failure mode of the belt. Its due time is an instant for the calendar basis and a reading of the moving
     * clock for the operating basis; the operating due event is put on the schedule for the earliest instant the
     * mode could come due and re-armed for the rest when it fires early (the belt stood meanwhile), as
     * {@code FailureProcess} does for machines.
     */
    private final class Mode {

        private final FailureSpec spec;
        private final boolean operating;
        private final RandomGenerator betweenFailures;
        private final RandomGenerator repairs;
        private final Event due;
        private final Event repaired;
        private boolean waiting;
        private boolean duePending;
        private double dueAtSeconds;

        Mode(FailureSpec spec, RandomGenerator betweenFailures, RandomGenerator repairs) {
            this.spec = spec;
            this.operating = spec.basis() == FailureBasis.OPERATING;
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
                    armAfterRepair(now);
                    for (Mode other : modes) {
                        if (other.waiting) {
                            other.waiting = false;
                            other.strikeDuringRepair(now);
                            return;
                        }
                    }
                    restart(now);
                }
            };
        }

        void armAfterRepair(double now) {
            dueIn(now, spec.mtbf().sample(betweenFailures));
        }

        /** The mode comes due after {@code seconds} more on its clock. */
        void dueIn(double now, double seconds) {
            if (!operating) {
                dueAtSeconds = now + seconds;
                model.schedule.scheduleOnce(dueAtSeconds, Ordering.FAILURE, due);
                return;
            }
            dueAtSeconds = movingClock(now) + seconds;
            if (moving && !duePending) {
                duePending = true;
                model.schedule.scheduleOnce(now + seconds, Ordering.FAILURE, due);
            }
        }

        /** Clock time left until the mode comes due (0 once it came due while the belt was stopped). */
        double dueInSeconds(double now) {
            if (waiting) {
                return 0;
            }
            return Math.max(0, operating ? dueAtSeconds - movingClock(now) : dueAtSeconds - now);
        }

        /** The belt started moving: an operating-basis mode puts its due event on the schedule. */
        void clockStarted(double now) {
            if (operating && !duePending && !waiting) {
                duePending = true;
                model.schedule.scheduleOnce(now + Math.max(0, dueAtSeconds - movingClock(now)), Ordering.FAILURE,
                        due);
            }
        }

        private void dueFires(double now) {
            if (operating) {
                duePending = false;
                double remaining = dueAtSeconds - movingClock(now);
                if (remaining > DUE_TOLERANCE_SECONDS) {
                    if (moving) {
                        duePending = true;
                        model.schedule.scheduleOnce(now + remaining, Ordering.FAILURE, due);
                    }
                    return;
                }
            }
            if (down) {
                waiting = true;
            } else {
                strike(now);
            }
        }

        void strike(double now) {
            if (now >= windowOpenSeconds) {
                windowFailures++;
            }
            stop(now);
            repairFor(now);
        }

        /** Came due while the belt was stopped: its repair follows the one just ended, the belt stays stopped. */
        void strikeDuringRepair(double now) {
            repairFor(now);
        }

        private void repairFor(double now) {
            repairing = this;
            repairEndsSeconds = now + spec.mttr().sample(repairs);
            model.schedule.scheduleOnce(repairEndsSeconds, Ordering.REPAIR, repaired);
        }
    }
}
