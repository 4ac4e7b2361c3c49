package io.linetwin.sim;

import io.linetwin.model.Limits;
import io.linetwin.sim.TraceEvent.PartAssembled;
import io.linetwin.sim.TraceEvent.PartFinished;
import io.linetwin.sim.TraceEvent.PartMoved;
import io.linetwin.sim.TraceEvent.PartReleased;
import io.linetwin.sim.TraceEvent.PartScrapped;
import io.linetwin.sim.TraceEvent.StateChanged;
import sim.engine.SimState;

/**
 * The state of one replication: MASON's schedule plus the line's blocks and statistics. One per replication
 * and thread: its {@link LineSchedule} takes no locks.
 */
final class Model extends SimState {

    private static final long serialVersionUID = 1L;

    private final LineStats lineStats = new LineStats();
    private final boolean checkingInvariants;
    private final TraceListener trace;
    private final boolean tracing;
    private boolean hasLoops;
    private final String[] productNames;
    private final double startSeconds;
    private BottleneckDetector bottleneck = new BottleneckDetector(0);
    private StationBlock[] stations = new StationBlock[0];
    private Buffer[] buffers = new Buffer[0];
    private long events;
    private double nowSeconds = Double.NEGATIVE_INFINITY;
    private double lastEventSeconds = Double.NEGATIVE_INFINITY;
    private long lastPartId;
    /** Maker index per block id (station, buffer, conveyor, AGV move): the unit parts there are counted in. */
    private java.util.Map<String, Integer> makerAt = java.util.Map.of();

    /**
     * {@code trace} may be null: then no trace event is ever built. {@code startSeconds}: the engine time the
     * replication starts at (0, or a warm start's clock).
     */
    Model(long seed, boolean checkingInvariants, TraceListener trace, String[] productNames, double startSeconds) {
        super(seed, new LineSchedule());
        this.startSeconds = startSeconds;
        this.checkingInvariants = checkingInvariants;
        this.trace = trace;
        this.tracing = trace != null;
        this.productNames = productNames.clone();
    }

    void blocks(StationBlock[] allStations, Buffer[] allBuffers, BottleneckDetector detector) {
        this.bottleneck = detector;
        this.stations = allStations.clone();
        this.buffers = allBuffers.clone();
    }

    /** The engine time the replication starts at. */
    double startSeconds() {
        return startSeconds;
    }

    /** The current event's time, cached per event (a field read, where the schedule's is a virtual call). */
    double now() {
        return nowSeconds;
    }

    /** The engine's time for work done outside an event (checking a warm start); counts no event. */
    void beginAt(double seconds) {
        nowSeconds = seconds;
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

    /** Which maker's unit the parts at each block are; before any part enters. */
    void makers(java.util.Map<String, Integer> makerByBlock, int makerCount) {
        this.makerAt = java.util.Map.copyOf(makerByBlock);
        lineStats.dimensions(makerCount, productNames.length);
    }

    /** The maker whose unit the parts at {@code block} are (0 for a line of one maker); fixed once assembled. */
    int makerAt(String block) {
        return makerAt.getOrDefault(block, 0);
    }

    /**
     * Releases a new part of {@code product} into the line at {@code station}, whose maker the caller looked up
     * once ({@link #makerAt}): a release happens for every part, and a lookup by name is a hash probe each time.
     */
    Part release(int product, String station, int maker) {
        double now = now();
        Part part = new Part(++lastPartId, product, now);
        part.maker(maker);
        lineStats.release(part, now);
        if (lineStats.inLine() > Limits.MAX_PARTS_IN_LINE) {
            throw new RunStoppedException("the run stopped at t = " + now + " s with more than "
                    + Limits.MAX_PARTS_IN_LINE + " parts in the line (released at '" + station + "'): an unlimited "
                    + "buffer fills faster than it drains; give it a capacity or slow the source");
        }
        if (tracing) {
            part.at(station);
            trace.on(new PartReleased(now, part.id(), productNames[product], station));
        }
        return part;
    }

    /**
     * Warm start: a part of {@code product} that was already in the line at block {@code at}, released at
     * {@code releaseSeconds} (NaN: unknown, it counts as released now) for lead times. A trace announces it as
     * released at that block.
     */
    Part restorePart(int product, String at, double releaseSeconds) {
        double now = now();
        Part part = new Part(++lastPartId, product, Double.isNaN(releaseSeconds) ? now : releaseSeconds);
        part.maker(makerAt(at));
        lineStats.restore(part, now);
        if (tracing) {
            part.at(at);
            trace.on(new PartReleased(now, part.id(), productNames[product], at));
        }
        return part;
    }

    int productCount() {
        return productNames.length;
    }

    String productName(int product) {
        return productNames[product];
    }

    /** The good part leaves the line from {@code station}. */
    void leaveGood(Part part, String station) {
        double now = now();
        lineStats.leaveGood(part, now);
        if (tracing) {
            trace.on(new PartFinished(
                    now, part.id(), productNames[part.product()], station, now - part.releaseSeconds()));
        }
    }

    void leaveScrapped(Part part, String station) {
        double now = now();
        lineStats.leaveScrapped(part, now);
        if (tracing) {
            trace.on(new PartScrapped(now, part.id(), productNames[part.product()], station));
        }
    }

    /** {@code part} is assembled into {@code into} at assembly {@code station}: it leaves the line's WIP. */
    void assemble(Part part, Part into, String station) {
        double now = now();
        lineStats.assemble(part, now);
        if (tracing) {
            trace.on(new PartAssembled(now, part.id(), into.id(), station));
        }
    }

    /** {@code base} leaves the staging area of assembly {@code station} as the part it makes. */
    void remake(Part base, String station) {
        lineStats.remake(base, makerAt(station), now());
    }

    /** The line has a rework loop: blocking then checks for a deadlock. */
    void hasLoops(boolean loops) {
        hasLoops = loops;
    }

    boolean hasLoops() {
        return hasLoops;
    }

    boolean tracing() {
        return tracing;
    }

    /** Only while tracing: the part enters block {@code to}. */
    void traceMove(Part part, String to) {
        trace.on(new PartMoved(now(), part.id(), part.at(), to));
        part.at(to);
    }

    /** Only while tracing. */
    void traceShortage(String station, String material, boolean isShort) {
        trace.on(new TraceEvent.MaterialShortage(now(), station, material, isShort));
    }

    /** Only while tracing: {@code carried} is null for an empty drive. */
    void traceVehicle(int vehicle, String from, String to, double arrivalSeconds, Part carried) {
        trace.on(new TraceEvent.VehicleMoved(
                now(), vehicle, from, to, arrivalSeconds, carried == null ? -1 : carried.id()));
    }

    /** Only while tracing: a conveyor stopped on a failure, or started again. */
    void traceConveyor(String conveyor, boolean stopped) {
        trace.on(new TraceEvent.ConveyorStopped(now(), conveyor, stopped));
    }

    /** Only while tracing. */
    void traceState(String station, int server, int state) {
        trace.on(new StateChanged(now(), station, server, ServerState.name(state)));
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
        for (StationBlock station : stations) {
            parts += station.partsHeld();
        }
        return parts;
    }

    void afterEvent() {
        bottleneck.settle(nowSeconds);
        if (checkingInvariants) {
            double scheduleTime = schedule.getTime();
            if (scheduleTime != nowSeconds) {
                throw new IllegalStateException(
                        "the cached time must equal the schedule's " + scheduleTime + ", got " + nowSeconds);
            }
            InvariantChecks.check(nowSeconds, lastEventSeconds, stations, buffers);
            lastEventSeconds = nowSeconds;
        }
    }
}
