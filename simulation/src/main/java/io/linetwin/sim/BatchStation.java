package io.linetwin.sim;

import io.linetwin.model.BatchRule;
import io.linetwin.model.Distribution;
import io.linetwin.model.MachineCondition;
import io.linetwin.model.StationKind;
import io.linetwin.model.StationState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * One chamber that processes a whole load of parts in one cycle (an oven, a washer). It loads parts while it
 * has room; the cycle starts when the load is full or, under a maximum wait, that long after the load's first
 * part entered. The cycle's time is drawn for the product of the load's first part. When it ends, the parts
 * leave in the order they entered, as fast as the outbound link takes them; the chamber loads again only once
 * it is empty. Its one "server" counts as starved while loading, working during the cycle and blocked while
 * finished parts wait to leave. A snapshot carries when the load being formed began, so a warm start keeps its wait.
 */
final class BatchStation implements StationBlock, Upstream, Downstream {

    private static final int LOADING = 0;
    private static final int PROCESSING = 1;
    private static final int UNLOADING = 2;

    private final Model model;
    private final String id;
    private final int size;
    /** NaN without a maximum wait. */
    private final double maxWaitSeconds;

    private final Distribution[] cycleByProduct;
    private final double speed;
    private final double ratedSpeed;
    private final RandomGenerator random;
    private final StationStats stats;
    private final PartFlows flows;
    private final Part[] chamber;
    private final Event cycleEnds;
    private Upstream inbound;
    private Downstream outbound;
    /** Parts that entered the current load; those from {@link #next} on are still inside. */
    private int count;

    private int next;
    private int phase = LOADING;
    private int state = ServerState.STARVED;
    private double cycleEndSeconds = Double.NaN;
    /** Counts loads, so that a maximum wait scheduled for a load that has already started does nothing. */
    private long load;

    private boolean unloading;
    /** Warm start: the restored cycle's time left (NaN: drawn afresh). */
    private double restoredRemainingSeconds = Double.NaN;
    /** A warm start's counters, which a snapshot counts on from (the engine's own count starts at the start). */
    private long goodBefore;

    private long scrapBefore;
    /** When the first part of the load being formed entered: the maximum wait runs from then. */
    private double loadStartedSeconds = Double.NaN;

    BatchStation(
            Model model,
            String id,
            BatchRule rule,
            Distribution[] cycleByProduct,
            double speed,
            double ratedSpeed,
            RandomGenerator random,
            StationStats stats) {
        this.model = model;
        this.id = id;
        this.size = rule.size();
        this.maxWaitSeconds = rule.maxWaitSeconds().orElse(Double.NaN);
        this.cycleByProduct = cycleByProduct.clone();
        this.speed = speed;
        this.ratedSpeed = ratedSpeed;
        this.random = random;
        this.stats = stats;
        this.flows = new PartFlows(model.productCount());
        this.chamber = new Part[size];
        this.cycleEnds = new Event(model) {
            private static final long serialVersionUID = 1L;

            @Override
            void fire(double now) {
                endCycle(now);
            }
        };
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public StationKind kind() {
        return StationKind.BATCH;
    }

    @Override
    public Upstream feeder() {
        return this;
    }

    @Override
    public Downstream taker() {
        return this;
    }

    @Override
    public void connect(Upstream from, Downstream to, Router routes) {
        this.inbound = from;
        this.outbound = to;
    }

    @Override
    public boolean canAccept() {
        return phase == LOADING && count < size;
    }

    @Override
    public void accept(Part part) {
        if (model.tracing()) {
            model.traceMove(part, id);
        }
        flows.in(part);
        chamber[count++] = part;
        double now = model.now();
        if (count == size) {
            beginCycle(now);
        } else if (count == 1 && !Double.isNaN(maxWaitSeconds)) {
            loadStartedSeconds = now;
            scheduleMaxWait(now + maxWaitSeconds);
        }
    }

    @Override
    public void roomAvailable() {
        if (phase == UNLOADING && !unloading) {
            unload(model.now());
        }
    }

    @Override
    public void start(double now) {
        if (model.tracing()) {
            model.traceState(id, 0, state);
        }
        switch (phase) {
            case PROCESSING -> {
                double remaining = restoredRemainingSeconds;
                moveTo(ServerState.WORKING, now);
                cycleEndSeconds = now + (Double.isNaN(remaining) ? drawCycleSeconds() : remaining);
                model.schedule.scheduleOnce(cycleEndSeconds, Ordering.SERVER, cycleEnds);
            }
            case UNLOADING -> unload(now);
            default -> {
                if (count == size) {
                    beginCycle(now);
                    return;
                }
                if (count > 0 && !Double.isNaN(maxWaitSeconds)) {
                    // A state that does not say when the load began: it waits its full time from here.
                    if (Double.isNaN(loadStartedSeconds)) {
                        loadStartedSeconds = now;
                    }
                    double due = loadStartedSeconds + maxWaitSeconds;
                    if (due <= now) {
                        beginCycle(now);
                        return;
                    }
                    scheduleMaxWait(due);
                }
                if (inbound != null) {
                    inbound.roomAvailable();
                }
            }
        }
    }

    private void scheduleMaxWait(double atSeconds) {
        long forLoad = load;
        model.schedule.scheduleOnce(atSeconds, Ordering.SERVER, new Event(model) {
            private static final long serialVersionUID = 1L;

            @Override
            void fire(double now) {
                if (phase == LOADING && load == forLoad && count > 0) {
                    beginCycle(now);
                }
            }
        });
    }

    private void beginCycle(double now) {
        phase = PROCESSING;
        load++;
        moveTo(ServerState.WORKING, now);
        cycleEndSeconds = now + drawCycleSeconds();
        model.schedule.scheduleOnce(cycleEndSeconds, Ordering.SERVER, cycleEnds);
    }

    private double drawCycleSeconds() {
        return cycleByProduct[chamber[next].product()].sample(random) / speed;
    }

    private void endCycle(double now) {
        for (int i = next; i < count; i++) {
            stats.countGood();
        }
        phase = UNLOADING;
        cycleEndSeconds = Double.NaN;
        unload(now);
    }

    /** Parts leave in the order they entered while the outbound link takes them; an empty chamber loads again. */
    private void unload(double now) {
        unloading = true;
        while (next < count && (outbound == null || outbound.canAccept())) {
            Part part = chamber[next];
            chamber[next++] = null;
            flows.out(part);
            if (outbound == null) {
                model.leaveGood(part, id);
            } else {
                outbound.accept(part);
            }
        }
        unloading = false;
        if (next < count) {
            moveTo(ServerState.BLOCKED, now);
            return;
        }
        count = 0;
        next = 0;
        phase = LOADING;
        moveTo(ServerState.STARVED, now);
        if (inbound != null) {
            inbound.roomAvailable();
        }
    }

    private void moveTo(int to, double now) {
        if (state != to) {
            stats.move(state, to, now);
            state = to;
            if (model.tracing()) {
                model.traceState(id, 0, to);
            }
        }
    }

    /** The chamber has no halt: a line with shifts and a batch station is refused before it runs. */
    @Override
    public void shiftChanges(boolean working, double now) {}

    @Override
    public MaterialNeeds materials() {
        return MaterialNeeds.NONE;
    }

    @Override
    public void openWindow(double now) {
        stats.openWindow(now);
    }

    @Override
    public void closeWindow(double now) {
        stats.accumulate(now);
    }

    @Override
    public long partsHeld() {
        return count - next;
    }

    @Override
    public void balance(PartBalances balances) {
        balances.add(id, "batch", flows, byProduct -> {
            for (int i = next; i < count; i++) {
                byProduct[chamber[i].product()]++;
            }
        });
    }

    @Override
    public Optional<StationResult> result(double horizonSeconds, BottleneckDetector bottleneck) {
        return Optional.of(StationResults.of(
                id, stats, 1, speed / ratedSpeed, horizonSeconds, bottleneck.seconds(stats.index()) / horizonSeconds));
    }

    @Override
    public void checkInvariants(double now) {
        int expected = switch (phase) {
            case PROCESSING -> ServerState.WORKING;
            case UNLOADING -> ServerState.BLOCKED;
            default -> ServerState.STARVED;
        };
        if (state != expected || stats.serversIn(state) != 1) {
            throw new IllegalStateException("batch station " + id + " in phase " + phase + " must count its chamber"
                    + " in state " + expected + ", got " + state + " at " + now);
        }
        if (count > size || next > count || (phase != UNLOADING && next != 0)) {
            throw new IllegalStateException("batch station " + id + " must hold at most " + size + " parts, got "
                    + count + " entered and " + next + " left at " + now);
        }
        if (phase == LOADING && count == size) {
            throw new IllegalStateException("batch station " + id + " must start its cycle on a full load at " + now);
        }
        for (int i = 0; i < size; i++) {
            if ((chamber[i] != null) != (i >= next && i < count)) {
                throw new IllegalStateException("batch station " + id + " place " + i
                        + " must hold a part exactly while one is there at " + now);
            }
        }
    }

    /**
     * The chamber's condition (starved while loading, working during the cycle, blocked while parts wait to
     * leave) and, as its "servers", one entry per part inside: working during the cycle, else blocked.
     */
    @Override
    public void capture(double now, Snapshot.Sheet sheet) {
        Model owner = sheet.model();
        List<MachineCondition> parts = new ArrayList<>(count - next);
        List<Double> released = new ArrayList<>(count - next);
        for (int i = next; i < count; i++) {
            Optional<String> product = Snapshot.product(owner, chamber[i].product());
            parts.add(
                    phase == PROCESSING
                            ? new MachineCondition.Working(
                                    product, OptionalDouble.of(Math.max(0, cycleEndSeconds - now)))
                            : new MachineCondition.Blocked(product));
            released.add(chamber[i].releaseSeconds());
        }
        MachineCondition condition =
                phase == LOADING || parts.isEmpty() ? new MachineCondition.Starved() : parts.get(0);
        Optional<String> current = count > next ? Snapshot.product(owner, chamber[next].product()) : Optional.empty();
        sheet.stations()
                .put(
                        id,
                        new StationState(
                                condition, current, goodBefore + stats.good(), scrapBefore + stats.scrap(), parts));
        sheet.releases().put(id, released);
        if (phase == LOADING && count > 0 && !Double.isNaN(maxWaitSeconds)) {
            sheet.loadStarts().put(id, loadStartedSeconds);
        }
    }

    @Override
    public void restore(StationState station, WarmStart from, double now) {
        goodBefore = station.good();
        scrapBefore = station.scrap();
        MachineCondition condition = station.condition();
        List<MachineCondition> parts = station.servers();
        if (parts.isEmpty() && !(condition instanceof MachineCondition.Starved)) {
            parts = List.of(condition);
        }
        if (parts.size() > size) {
            throw new IllegalArgumentException(
                    "batch station " + id + " holds at most " + size + " parts, got " + parts.size());
        }
        if (condition instanceof MachineCondition.Working working) {
            phase = PROCESSING;
            restoredRemainingSeconds = WarmStart.seconds(working.remainingSeconds());
        } else if (condition instanceof MachineCondition.Blocked) {
            phase = UNLOADING;
        } else if (condition instanceof MachineCondition.Starved) {
            phase = LOADING;
        } else {
            throw new IllegalArgumentException("batch station " + id + " has no failures, setups or shifts: its"
                    + " condition must be starved, working or blocked, got "
                    + condition.status().json());
        }
        for (int i = 0; i < parts.size(); i++) {
            MachineCondition part = parts.get(i);
            Optional<String> product = part instanceof MachineCondition.Working working
                    ? working.product()
                    : part instanceof MachineCondition.Blocked blocked ? blocked.heldProduct() : Optional.empty();
            chamber[count++] = from.part(product, id, i, parts.size());
        }
        if (phase != LOADING && count == 0) {
            throw new IllegalArgumentException("batch station " + id + " must hold a part to be "
                    + condition.status().json() + ", got none");
        }
        loadStartedSeconds = from.loadStarted(id);
        if (!Double.isNaN(loadStartedSeconds) && (phase != LOADING || count == 0)) {
            throw new IllegalArgumentException("state load start of " + id + " needs the batch station loading"
                    + " parts, got " + condition.status().json() + " holding " + count + " parts");
        }
    }
}
