package io.linetwin.sim;

import sim.engine.SimState;

/**
 * The state of one replication: MASON's schedule plus the line's blocks and statistics. One per replication
 * and thread, as MASON's {@code Schedule.step} is synchronized.
 */
final class Model extends SimState {

    private static final long serialVersionUID = 1L;

    private final LineStats lineStats = new LineStats();
    private final boolean checkingInvariants;
    private BottleneckDetector bottleneck = new BottleneckDetector(0);
    private Machine[] machines = new Machine[0];
    private Buffer[] buffers = new Buffer[0];
    private long events;
    private double nowSeconds = Double.NEGATIVE_INFINITY;
    private double lastEventSeconds = Double.NEGATIVE_INFINITY;

    Model(long seed, boolean checkingInvariants) {
        super(seed);
        this.checkingInvariants = checkingInvariants;
    }

    void blocks(Machine[] allMachines, Buffer[] allBuffers, BottleneckDetector detector) {
        this.bottleneck = detector;
        this.machines = allMachines.clone();
        this.buffers = allBuffers.clone();
    }

    /** The current event's time, cached per event because {@code Schedule.getTime()} takes a lock. */
    double now() {
        return nowSeconds;
    }

    /** Called once at the start of every event. */
    void beginEvent() {
        events++;
        nowSeconds = schedule.getTime();
    }

    long events() {
        return events;
    }

    LineStats lineStats() {
        return lineStats;
    }

    Part release(int product) {
        double now = now();
        lineStats.release(now);
        return new Part(product, now);
    }

    void leaveGood(Part part) {
        lineStats.leaveGood(part, now());
    }

    void leaveScrapped() {
        lineStats.leaveScrapped(now());
    }

    void loseArrival() {
        lineStats.loseArrival();
    }

    /** Parts physically in the line, counted from the blocks rather than from the release and exit tallies. */
    long partsInLine() {
        long parts = 0;
        for (Buffer buffer : buffers) {
            parts += buffer.level();
        }
        for (Machine machine : machines) {
            parts += machine.partsHeld();
        }
        return parts;
    }

    void afterEvent() {
        bottleneck.settle(nowSeconds);
        if (checkingInvariants) {
            double scheduleTime = schedule.getTime();
            if (scheduleTime != nowSeconds) {
                throw new IllegalStateException("the cached time must equal the schedule's " + scheduleTime
                        + ", got " + nowSeconds);
            }
            InvariantChecks.check(nowSeconds, lastEventSeconds, machines, buffers);
            lastEventSeconds = nowSeconds;
        }
    }
}
