package io.linetwin.sim;

import io.linetwin.model.Distribution;
import io.linetwin.model.FailureBasis;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A machine with one or more servers. Blocking after service: a finished good part stays in its server
 * until the outbound buffer has room; blocked servers hand over in the order they finished. A machine
 * without an inbound buffer is the line's release point (a server that frees up starts a new raw part at
 * once); one without an outbound buffer passes its good parts out of the line. This class runs a part's way
 * through the servers (setup, processing, scrap, hand-over); {@link HandOver} keeps the order of blocked parts,
 * {@link Halts} what halts the machine, {@link PartRelease} the raw parts it starts.
 */
final class Machine implements Downstream, Upstream, Failable {

    private final Model model;
    private final String id;
    private final Server[] servers;
    private final Distribution[] processByProduct;
    private final double speed;
    private final double ratedSpeed;
    private final Distribution setup;
    /** Changeover by (previous, next) product when the station has a setup matrix; null otherwise. */
    private final Distribution[][] setupByPair;

    private final double scrapProbability;
    private final RandomGenerator processRandom;
    private final RandomGenerator setupRandom;
    private final RandomGenerator scrapRandom;
    private final ProductMix mix;
    private final StationStats stats;
    private final RunningClock upClock = new RunningClock();
    private final RunningClock processingClock = new RunningClock();
    private final WallClock wallClock;
    private final FailureModes failures = new FailureModes(this);
    private final PlannedStops stops = new PlannedStops();
    private final Halts halts;
    private final PartFlows flows;
    private final PartRelease release;
    /** An assembly's parts come in at its staging area, which counts them; the kit's base is not counted twice. */
    private boolean kitted;

    private MaterialNeeds materials = MaterialNeeds.NONE;
    private HandOver handOver;
    private Upstream inbound;

    Machine(Model model, String id, int servers, MachineParameters parameters, StationStats stats) {
        this.model = model;
        this.id = id;
        this.servers = new Server[servers];
        for (int i = 0; i < servers; i++) {
            this.servers[i] = new Server(this, i);
        }
        this.processByProduct = parameters.processByProduct();
        this.speed = parameters.speed();
        this.ratedSpeed = parameters.ratedSpeed();
        this.setup = parameters.setup();
        this.setupByPair = parameters.setupByPair();
        this.scrapProbability = parameters.scrapProbability();
        this.processRandom = parameters.processRandom();
        this.setupRandom = parameters.setupRandom();
        this.scrapRandom = parameters.scrapRandom();
        this.mix = parameters.mix();
        this.stats = stats;
        this.flows = new PartFlows(model.productCount());
        this.release = new PartRelease(model, id, mix, flows);
        this.wallClock = new WallClock(model.startSeconds());
        this.halts = new Halts(this, this.servers, stats, failures, stops, upClock, processingClock);
    }

    PartFlows flows() {
        return flows;
    }

    /** Parts reach this station through an assembly's staging area ({@code Kitting}), which counts them in. */
    void kitted() {
        kitted = true;
    }

    /** One outbound buffer, or none ({@code to} null): then good parts leave the line here. */
    void connect(Upstream from, Downstream to) {
        this.inbound = from;
        this.handOver = new PlainHandOver(to == null ? new LineExit() : to, servers.length, this::sendBlocked);
    }

    /** Several outbound buffers: {@code routes} picks each finished part's. */
    void connect(Upstream from, Router routes) {
        this.inbound = from;
        this.handOver = new RoutedHandOver(routes, servers.length, this::sendBlocked);
    }

    boolean allBlocked() {
        return stats.serversIn(ServerState.BLOCKED) == servers.length;
    }

    /** Where a blocked server's part waits to go. */
    Downstream blockedTarget(Server server) {
        return handOver.target(server);
    }

    FailureModes failureModes() {
        return failures;
    }

    PlannedStops plannedStops() {
        return stops;
    }

    /** Parts in process or setup (not blocked ones: those are finished). */
    int partsInProcess() {
        return halts.partsInProcess();
    }

    /** A planned stop came due and waits for the parts in process: no new part starts meanwhile. */
    void stopWaitsForPart() {
        halts.stopWaitsForPart();
    }

    /**
     * A planned stop begins: the station halts (parts in process keep their remaining time) unless something halts
     * it already; it counts as down, or off shift while the calendar stops it anyway. Its up clock stands still.
     */
    void stopBegins(double now) {
        halts.stopBegins(now);
    }

    /** A planned stop ended: the station works again unless a repair, the calendar or another stop halts it. */
    void stopEnds(double now) {
        halts.stopEnds(now);
    }

    void consumes(MaterialNeeds needs) {
        this.materials = needs;
        for (int i = 0; i < needs.count(); i++) {
            needs.store(i).consumer(this);
        }
    }

    MaterialNeeds materials() {
        return materials;
    }

    /** A delivery came: a station kept waiting for it tries to start work again. */
    void materialArrived(double now) {
        materials.delivered(now);
        if (halts.startsParts()) {
            refillIdle(now);
        }
    }

    FailureClock clockFor(FailureBasis basis) {
        return switch (basis) {
            case OPERATING -> processingClock;
            case UP_TIME -> upClock;
            case WALL -> wallClock;
        };
    }

    Model model() {
        return model;
    }

    String id() {
        return id;
    }

    StationStats stats() {
        return stats;
    }

    /** The set speed as a share of the rated one (≤ 1): OEE's performance factor for running slower. */
    double speedShare() {
        return speed / ratedSpeed;
    }

    int serverCount() {
        return servers.length;
    }

    Server server(int index) {
        return servers[index];
    }

    boolean isDown() {
        return halts.down();
    }

    boolean isOffShift() {
        return halts.offShift();
    }

    /** Down, off shift or in a planned stop: nothing is processed, enters or leaves. */
    @Override
    public boolean halted() {
        return halts.halted();
    }

    int partsHeld() {
        int held = 0;
        for (Server server : servers) {
            if (server.part() != null) {
                held++;
            }
        }
        return held;
    }

    void start(double now) {
        // A station that starts halted (down, off shift) traced that already; its servers show when it resumes.
        if (model.tracing() && !halts.halted()) {
            halts.traceServers();
        }
        wallClock.start(now);
        if (halts.start(now)) {
            workResumes(now);
        }
    }

    FailureProcess[] failures() {
        return failures.all();
    }

    /** The failure mode under repair, or null while up. */
    FailureProcess repairing() {
        return failures.repairing();
    }

    ProductMix mix() {
        return mix;
    }

    /**
     * Warm start, before {@link #start}: server {@code index} takes {@code part} in {@code state} (working,
     * setup or blocked) with {@code remainingSeconds} left in its phase (NaN: drawn as for a new phase).
     */
    void restoreServer(int index, Part part, int state, double remainingSeconds, double now) {
        Server server = servers[index];
        server.hold(part);
        int product = part.product();
        if (state == ServerState.BLOCKED) {
            server.lastProduct(product);
            server.state(ServerState.BLOCKED);
            stats.move(ServerState.STARVED, ServerState.BLOCKED, now);
            handOver.restoreBlocked(server);
        } else if (state == ServerState.SETUP && (setup != null || !Double.isNaN(remainingSeconds))) {
            server.state(ServerState.SETUP);
            stats.move(ServerState.STARVED, ServerState.SETUP, now);
            server.endPhaseIn(now, Double.isNaN(remainingSeconds) ? setup.sample(setupRandom) : remainingSeconds);
        } else {
            server.lastProduct(product);
            server.state(ServerState.WORKING);
            stats.move(ServerState.STARVED, ServerState.WORKING, now);
            server.endPhaseIn(
                    now,
                    Double.isNaN(remainingSeconds)
                            ? processByProduct[product].sample(processRandom) / speed
                            : remainingSeconds);
            halts.syncProcessingClock(now);
        }
    }

    /** Warm start, before {@link #start}: the product an idle server last made (a setup follows on a change). */
    void restoreLastProduct(int index, int product) {
        servers[index].lastProduct(product);
    }

    /** Warm start, after the servers: the station is down under {@code mode} for {@code remainingSeconds} more. */
    void restoreDown(FailureProcess mode, double remainingSeconds, double now) {
        fail(now);
        failures.restoreRepair(mode, remainingSeconds, now);
    }

    /** Time left in the phase of server {@code index} (frozen while the station is down). */
    double remainingSeconds(int index, double now) {
        return servers[index].remainingSeconds(now, halts.frozen());
    }

    @Override
    public boolean canAccept() {
        return halts.startsParts()
                && stats.serversIn(ServerState.STARVED) > 0
                && (materials.count() == 0 || materials.ready(model.now()));
    }

    @Override
    public void accept(Part part) {
        for (Server server : servers) {
            if (server.state() == ServerState.STARVED) {
                if (model.tracing()) {
                    model.traceMove(part, id);
                }
                if (!kitted) {
                    flows.in(part);
                }
                begin(server, part, model.now());
                return;
            }
        }
        throw new IllegalStateException("machine " + id + " must have an idle server to accept a part, got none");
    }

    @Override
    public void roomAvailable() {
        if (halts.halted()) {
            return;
        }
        handOver.handOverWaiting();
    }

    void phaseEnds(Server server, double now) {
        if (server.state() == ServerState.SETUP) {
            startProcessing(server, ServerState.SETUP, now);
        } else {
            finish(server, now);
            halts.partDone(now);
        }
    }

    @Override
    public void fail(double now) {
        halts.fail(now);
    }

    @Override
    public void repaired(double now) {
        halts.repaired(now);
    }

    /**
     * The shift ends: parts in process or setup stop with their remaining time and resume next shift; blocked
     * parts stay. A station under repair stays down until repaired and is off shift from then on. The up clock
     * and wall clocks (uptime- and wall-basis failures) keep running; a failure that comes due off shift strikes when the shift starts.
     */
    void shiftEnds(double now) {
        halts.shiftEnds(now);
    }

    void shiftStarts(double now) {
        halts.shiftStarts(now);
    }

    /** Nothing halts the machine any more (or it starts up): waiting parts move on, idle servers take new ones. */
    void workResumes(double now) {
        roomAvailable();
        refillIdle(now);
    }

    private void refillIdle(double now) {
        if (inbound == null) {
            for (Server server : servers) {
                if (halts.startsParts()
                        && server.state() == ServerState.STARVED
                        && (materials.count() == 0 || materials.ready(now))) {
                    begin(server, release.next(), now);
                }
            }
        } else {
            inbound.roomAvailable();
        }
    }

    private void refill(Server server, double now) {
        if (inbound == null) {
            if (halts.startsParts() && (materials.count() == 0 || materials.ready(now))) {
                begin(server, release.next(), now);
            }
        } else {
            inbound.roomAvailable();
        }
    }

    private void begin(Server server, Part part, double now) {
        if (materials.count() > 0) {
            materials.take();
        }
        server.hold(part);
        int product = part.product();
        int last = server.lastProduct();
        Distribution changeover =
                last < 0 || last == product ? null : setupByPair == null ? setup : setupByPair[last][product];
        if (changeover != null) {
            server.state(ServerState.SETUP);
            stats.move(ServerState.STARVED, ServerState.SETUP, now);
            server.endPhaseIn(now, changeover.sample(setupRandom));
        } else {
            startProcessing(server, ServerState.STARVED, now);
        }
    }

    private void startProcessing(Server server, int fromState, double now) {
        int product = server.part().product();
        server.lastProduct(product);
        server.state(ServerState.WORKING);
        stats.move(fromState, ServerState.WORKING, now);
        server.endPhaseIn(now, processByProduct[product].sample(processRandom) / speed);
        halts.syncProcessingClock(now);
    }

    /** A finished part is scrapped, passes on at once, or waits in its server for room downstream. */
    private void finish(Server server, double now) {
        if (scrapProbability > 0 && scrapRandom.nextDouble() < scrapProbability) {
            stats.countScrap();
            Part scrapped = server.release();
            flows.scrapped(scrapped);
            server.state(ServerState.STARVED);
            stats.move(ServerState.WORKING, ServerState.STARVED, now);
            model.leaveScrapped(scrapped, id);
            halts.syncProcessingClock(now);
            refill(server, now);
            return;
        }
        stats.countGood();
        Downstream target = handOver.passTarget(server);
        if (target != null) {
            passOn(server, ServerState.WORKING, target, now);
        } else {
            server.state(ServerState.BLOCKED);
            stats.move(ServerState.WORKING, ServerState.BLOCKED, now);
            handOver.block(server);
            halts.syncProcessingClock(now);
            if (model.hasLoops()) {
                DeadlockCheck.check(this, now);
            }
        }
    }

    /** A blocked server's part goes to {@code target} (the hand-over let it go): the server is free again. */
    private void sendBlocked(Server server, Downstream target) {
        passOn(server, ServerState.BLOCKED, target, model.now());
    }

    /** The finished part of {@code server}, working or blocked until now, goes to {@code target}; the server is free. */
    private void passOn(Server server, int fromState, Downstream target, double now) {
        Part part = server.release();
        server.state(ServerState.STARVED);
        stats.move(fromState, ServerState.STARVED, now);
        if (fromState == ServerState.WORKING) {
            // It stopped processing just now; a blocked server stopped when it blocked.
            halts.syncProcessingClock(now);
        }
        flows.out(part);
        target.accept(part);
        refill(server, now);
    }

    /** Where a machine without outbound buffer sends its good parts: out of the line, which always has room. */
    private final class LineExit implements Downstream {

        @Override
        public boolean canAccept() {
            return true;
        }

        @Override
        public void accept(Part part) {
            model.leaveGood(part, id);
        }
    }
}
