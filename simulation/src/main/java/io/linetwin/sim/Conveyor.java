package io.linetwin.sim;

import io.linetwin.model.ConveyorSpec;
import io.linetwin.model.FailureBasis;
import io.linetwin.model.InFlight;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An accumulating conveyor between two stations. A part enters when fewer than {@code capacity} parts are on
 * it and the previous part entered at least one gap (spacing / speed) earlier; it reaches the end after the
 * transit time (length / speed) and leaves when the next station takes it, at least one gap after the part
 * before it (accumulated parts close up at the spacing). A failure stops the belt: parts keep their places,
 * and every time still to run (travel, gaps) resumes after the repair. Its failure modes follow the rule every
 * piece of equipment shares ({@link FailureModes}); the working ({@code operating}) clock runs while the belt
 * moves: up and carrying at least one part (an empty belt stands still).
 */
final class Conveyor extends Buffer implements Failable {

    private static final double TOLERANCE_SECONDS = 1e-9;

    private final Model model;
    private final int capacity;
    private final double transitSeconds;
    private final double gapSeconds;
    private final Part[] ring;
    private final double[] readyAt;
    private final Event exit;
    private final Event entryFree;
    private final FailureModes failures = new FailureModes(this);
    private final RunningClock movingClock = new RunningClock();
    private final RunningClock upClock = new RunningClock();
    private final WallClock wallClock;
    private int head;
    private int size;
    private double lastEntrySeconds = Double.NEGATIVE_INFINITY;
    private double nextExitSeconds = Double.NEGATIVE_INFINITY;
    private double exitAtSeconds = Double.NaN;
    private boolean entryWakePending;
    private boolean down;
    private double downSinceSeconds;
    /** The state as of {@code changedAtSeconds}, for the moving clock and the window's tallies. */
    private boolean moving;

    private boolean countedDown;
    private double changedAtSeconds;
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
        this.wallClock = new WallClock(model.startSeconds());
        failures.build(model, streams, id(), spec.failures(), this::clockFor);
    }

    private FailureClock clockFor(FailureBasis basis) {
        return switch (basis) {
            case OPERATING -> movingClock;
            case UP_TIME -> upClock;
            case WALL -> wallClock;
        };
    }

    /** Starts the failure clocks and the part at the end, if any. */
    void start(double now) {
        wallClock.start(now);
        changedAtSeconds = now;
        if (!down) {
            upClock.start(now);
            // A warm start with a failure that came due while the belt was stopped: it strikes now.
            failures.strikeWaiting(now);
        }
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
        return new ConveyorResult(
                id(), windowMovingSeconds / horizonSeconds, windowDownSeconds / horizonSeconds, windowFailures);
    }

    /**
     * Brings the moving clock and the window's tallies up to {@code now} under the state last tracked, then takes
     * the current state; operating-basis modes hear when the belt starts moving. Called after every change of the
     * belt's load or of its being stopped.
     */
    private void track(double now) {
        movingClock.settle(now);
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
                movingClock.start(now);
            } else {
                movingClock.stop(now);
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
        return new InFlight.ConveyorState(
                travel,
                Math.max(0, lastEntrySeconds + gapSeconds - from),
                Math.max(0, nextExitSeconds - from),
                down
                        ? Optional.of(new InFlight.Repair(
                                failures.repairing().name(),
                                Math.max(0, failures.repairing().repairRemainingSeconds(now))))
                        : Optional.empty());
    }

    /** Failure mode → time until it comes due (0: came due during the repair); the mode under repair is left out. */
    Map<String, Double> failureClocks(double now) {
        Map<String, Double> clocks = new LinkedHashMap<>();
        for (FailureProcess mode : failures.all()) {
            double dueIn = mode.dueInSeconds(now);
            if (!Double.isNaN(dueIn)) {
                clocks.put(mode.name(), dueIn);
            }
        }
        return clocks;
    }

    /**
     * Warm start, after the parts are restored and before {@link #start}: their places on the belt, its timers,
     * a repair under way and the failure clocks in {@code dueInSeconds} (modes left out draw afresh).
     */
    void restoreState(InFlight.ConveyorState state, Map<String, Double> dueInSeconds, double now) {
        if (state != null) {
            if (state.travelLeftSeconds().size() != size) {
                throw new IllegalArgumentException(
                        "conveyor " + id() + " holds " + size + " parts, got travel times for "
                                + state.travelLeftSeconds().size());
            }
            for (int i = 0; i < size; i++) {
                readyAt[(head + i) % capacity] = now + state.travelLeftSeconds().get(i);
            }
            lastEntrySeconds = now + state.entryFreeInSeconds() - gapSeconds;
            nextExitSeconds = now + state.exitFreeInSeconds();
            if (state.repair().isPresent()) {
                FailureProcess mode = failures.named(state.repair().get().failure(), "conveyor " + id());
                stop(now);
                failures.restoreRepair(mode, state.repair().get().remainingSeconds(), now);
            }
        }
        for (FailureProcess mode : failures.all()) {
            Double dueIn = dueInSeconds.get(mode.name());
            if (dueIn != null) {
                mode.restoreDueIn(dueIn, now);
            }
        }
    }

    boolean isDown() {
        return down;
    }

    @Override
    public boolean halted() {
        return down;
    }

    /** A failure strikes the belt; only a strike counts as one of the window's failures, not a warm start's. */
    @Override
    public void fail(double now) {
        if (now >= windowOpenSeconds) {
            windowFailures++;
        }
        stop(now);
    }

    @Override
    public void repaired(double now) {
        restart(now);
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
        while (size > 0
                && !down
                && readyAt[head] <= now + TOLERANCE_SECONDS
                && nextExitSeconds <= now + TOLERANCE_SECONDS
                && downstream().canAccept()) {
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
        upClock.stop(now);
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
        upClock.start(now);
        if (model.tracing()) {
            model.traceConveyor(id(), false);
        }
        track(now);
        leave(now);
        upstream().roomAvailable();
    }
}
