package io.linetwin.sim;

import io.linetwin.model.Distribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A machine with one or more servers. Blocking after service: a finished good part stays in its server
 * until the outbound buffer has room; blocked servers hand over in the order they finished. A machine
 * without an inbound buffer is the line's release point (a server that frees up starts a new raw part at
 * once); one without an outbound buffer passes its good parts out of the line.
 */
final class Machine implements Downstream, Upstream {

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
    private final Server[] blocked;
    private final PartFlows flows;
    /** An assembly's parts come in at its staging area, which counts them; the kit's base is not counted twice. */
    private boolean kitted;
    private FailureProcess[] failures = new FailureProcess[0];
    private MaterialNeeds materials = MaterialNeeds.NONE;
    private Router router;
    private int blockedHead;
    private int blockedCount;
    private Upstream inbound;
    private Downstream outbound;
    private boolean down;
    private boolean offShift;
    /** Servers in process or setup are interrupted (down or off shift) and keep their remaining time. */
    private boolean frozen;
    private FailureProcess repairing;

    Machine(Model model, String id, int servers, MachineParameters parameters, StationStats stats) {
        this.model = model;
        this.id = id;
        this.servers = new Server[servers];
        for (int i = 0; i < servers; i++) {
            this.servers[i] = new Server(this, i);
        }
        this.blocked = new Server[servers];
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
    }

    PartFlows flows() {
        return flows;
    }

    /** Parts reach this station through an assembly's staging area ({@code Kitting}), which counts them in. */
    void kitted() {
        kitted = true;
    }

    void connect(Upstream from, Downstream to) {
        this.inbound = from;
        this.outbound = to;
    }

    /** Several outbound buffers: {@code routes} picks each finished part's. */
    void connect(Upstream from, Router routes) {
        this.inbound = from;
        this.router = routes;
        this.outbound = null;
    }

    boolean allBlocked() {
        return stats.serversIn(ServerState.BLOCKED) == servers.length;
    }

    /** Where a blocked server's part waits to go. */
    Downstream blockedTarget(Server server) {
        return router == null ? outbound : router.target(server.route());
    }

    void addFailures(FailureProcess[] modes) {
        this.failures = modes;
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
        if (!down && !offShift) {
            refillIdle(now);
        }
    }

    RunningClock clockFor(boolean operatingBasis) {
        return operatingBasis ? processingClock : upClock;
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
        return down;
    }

    boolean isOffShift() {
        return offShift;
    }

    /** Down or off shift: nothing is processed, enters or leaves. */
    boolean isHalted() {
        return down || offShift;
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
        if (model.tracing()) {
            traceServers();
        }
        if (down) {
            // A warm start from a failure: the repair brings the station back.
            return;
        }
        upClock.start(now);
        if (offShift) {
            return;
        }
        for (FailureProcess mode : failures) {
            if (mode.takeWaiting()) {
                // A warm start with a failure that came due while the station was halted: it strikes now.
                goDown(mode, now);
                mode.beginRepair(now);
                return;
            }
        }
        roomAvailable();
        refillIdle(now);
    }

    FailureProcess[] failures() {
        return failures;
    }

    /** The failure mode under repair, or null while up. */
    FailureProcess repairing() {
        return repairing;
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
            if (router != null) {
                server.route(router.choose(part));
            }
            server.state(ServerState.BLOCKED);
            stats.move(ServerState.STARVED, ServerState.BLOCKED, now);
            blocked[(blockedHead + blockedCount) % blocked.length] = server;
            blockedCount++;
        } else if (state == ServerState.SETUP && (setup != null || !Double.isNaN(remainingSeconds))) {
            server.state(ServerState.SETUP);
            stats.move(ServerState.STARVED, ServerState.SETUP, now);
            server.endPhaseIn(now, Double.isNaN(remainingSeconds) ? setup.sample(setupRandom) : remainingSeconds);
        } else {
            server.lastProduct(product);
            server.state(ServerState.WORKING);
            stats.move(ServerState.STARVED, ServerState.WORKING, now);
            server.endPhaseIn(now, Double.isNaN(remainingSeconds)
                    ? processByProduct[product].sample(processRandom) / speed : remainingSeconds);
            syncProcessingClock(now);
        }
    }

    /** Warm start, before {@link #start}: the product an idle server last made (a setup follows on a change). */
    void restoreLastProduct(int index, int product) {
        servers[index].lastProduct(product);
    }

    /** Warm start, after the servers: the station is down under {@code mode} for {@code remainingSeconds} more. */
    void restoreDown(FailureProcess mode, double remainingSeconds, double now) {
        goDown(mode, now);
        mode.beginRepair(now, remainingSeconds);
    }

    /** Time left in the phase of server {@code index} (frozen while the station is down). */
    double remainingSeconds(int index, double now) {
        return servers[index].remainingSeconds(now, frozen);
    }

    @Override
    public boolean canAccept() {
        return !down && !offShift && stats.serversIn(ServerState.STARVED) > 0
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
        if (down || offShift) {
            return;
        }
        double now = model.now();
        if (router != null) {
            routedRoomAvailable(now);
            return;
        }
        while (blockedCount > 0 && outbound.canAccept()) {
            Server server = blocked[blockedHead];
            blocked[blockedHead] = null;
            blockedHead = (blockedHead + 1) % blocked.length;
            blockedCount--;
            Part part = server.release();
            server.state(ServerState.STARVED);
            stats.move(ServerState.BLOCKED, ServerState.STARVED, now);
            flows.out(part);
            outbound.accept(part);
            refill(server, now);
        }
    }

    void phaseEnds(Server server, double now) {
        if (server.state() == ServerState.SETUP) {
            startProcessing(server, ServerState.SETUP, now);
        } else {
            finish(server, now);
        }
    }

    void fail(FailureProcess mode, double now) {
        goDown(mode, now);
        mode.beginRepair(now);
    }

    private void goDown(FailureProcess mode, double now) {
        freeze(now);
        down = true;
        repairing = mode;
        upClock.stop(now);
        stats.halt(ServerState.DOWN, now);
        traceAll(ServerState.DOWN);
    }

    void repaired(double now) {
        for (FailureProcess mode : failures) {
            if (mode.takeWaiting()) {
                // Another mode came due during this repair: its repair follows at once.
                repairing = mode;
                mode.beginRepair(now);
                return;
            }
        }
        down = false;
        repairing = null;
        upClock.start(now);
        if (offShift) {
            // Repaired after the shift ended: the station now waits for the next shift.
            stats.halt(ServerState.OFF_SHIFT, now);
            traceAll(ServerState.OFF_SHIFT);
            return;
        }
        thaw(now);
    }

    /**
     * The shift ends: parts in process or setup stop with their remaining time and resume next shift; blocked
     * parts stay. A station under repair stays down until repaired and is off shift from then on. The up clock
     * (calendar-basis failures) keeps running; a failure that comes due off shift strikes when the shift starts.
     */
    void shiftEnds(double now) {
        if (offShift) {
            return;
        }
        boolean wasDown = down;
        if (!wasDown) {
            freeze(now);
        }
        offShift = true;
        if (!wasDown) {
            stats.halt(ServerState.OFF_SHIFT, now);
            traceAll(ServerState.OFF_SHIFT);
        }
    }

    void shiftStarts(double now) {
        if (!offShift) {
            return;
        }
        offShift = false;
        if (down) {
            return;
        }
        for (FailureProcess mode : failures) {
            if (mode.takeWaiting()) {
                goDown(mode, now);
                mode.beginRepair(now);
                return;
            }
        }
        thaw(now);
    }

    /** Interrupts the servers in process or setup, once, whatever halts the station first. */
    private void freeze(double now) {
        if (frozen) {
            return;
        }
        frozen = true;
        for (Server server : servers) {
            if (server.state() == ServerState.WORKING || server.state() == ServerState.SETUP) {
                server.interrupt(now);
            }
        }
        processingClock.stop(now);
    }

    /** Back to work after a repair or a shift start: interrupted phases resume, parts move on. */
    private void thaw(double now) {
        stats.resume(now);
        if (model.tracing()) {
            traceServers();
        }
        if (frozen) {
            frozen = false;
            for (Server server : servers) {
                if (server.state() == ServerState.WORKING || server.state() == ServerState.SETUP) {
                    server.resume(now);
                }
            }
        }
        upClock.start(now);
        syncProcessingClock(now);
        roomAvailable();
        refillIdle(now);
    }

    private void traceAll(int state) {
        if (model.tracing()) {
            for (int i = 0; i < servers.length; i++) {
                model.traceState(id, i, state);
            }
        }
    }

    private void traceServers() {
        for (int i = 0; i < servers.length; i++) {
            model.traceState(id, i, servers[i].state());
        }
    }

    private void refillIdle(double now) {
        if (inbound == null) {
            for (Server server : servers) {
                if (server.state() == ServerState.STARVED && (materials.count() == 0 || materials.ready(now))) {
                    begin(server, releaseRaw(), now);
                }
            }
        } else {
            inbound.roomAvailable();
        }
    }

    private void refill(Server server, double now) {
        if (inbound == null) {
            if (materials.count() == 0 || materials.ready(now)) {
                begin(server, releaseRaw(), now);
            }
        } else {
            inbound.roomAvailable();
        }
    }

    /** A station without inbound link starts a raw part: it enters the line, and this station, here. */
    private Part releaseRaw() {
        Part part = model.release(mix.draw(), id);
        flows.in(part);
        return part;
    }

    private void begin(Server server, Part part, double now) {
        if (materials.count() > 0) {
            materials.take();
        }
        server.hold(part);
        int product = part.product();
        int last = server.lastProduct();
        Distribution changeover = last < 0 || last == product ? null
                : setupByPair == null ? setup : setupByPair[last][product];
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
        syncProcessingClock(now);
    }

    private void finish(Server server, double now) {
        int product = server.part().product();
        if (scrapProbability > 0 && scrapRandom.nextDouble() < scrapProbability) {
            stats.countScrap();
            Part scrapped = server.release();
            flows.scrapped(scrapped);
            server.state(ServerState.STARVED);
            stats.move(ServerState.WORKING, ServerState.STARVED, now);
            model.leaveScrapped(scrapped, id);
            syncProcessingClock(now);
            refill(server, now);
            return;
        }
        stats.countGood();
        if (router != null) {
            routedFinish(server, now);
            return;
        }
        if (outbound == null || (blockedCount == 0 && outbound.canAccept())) {
            Part part = server.release();
            server.state(ServerState.STARVED);
            stats.move(ServerState.WORKING, ServerState.STARVED, now);
            syncProcessingClock(now);
            flows.out(part);
            if (outbound == null) {
                model.leaveGood(part, id);
            } else {
                outbound.accept(part);
            }
            refill(server, now);
        } else {
            server.state(ServerState.BLOCKED);
            stats.move(ServerState.WORKING, ServerState.BLOCKED, now);
            blocked[(blockedHead + blockedCount) % blocked.length] = server;
            blockedCount++;
            syncProcessingClock(now);
            if (model.hasLoops()) {
                DeadlockCheck.check(this, now);
            }
        }
    }

    /**
     * A routed part goes to its drawn buffer, or its server blocks for that buffer. Blocked servers hand over
     * in the order they finished, per buffer: a later part for a buffer never overtakes an earlier one.
     */
    private void routedFinish(Server server, double now) {
        int route = router.choose(server.part());
        server.route(route);
        if (!blockedFor(route, blockedCount) && router.target(route).canAccept()) {
            Part part = server.release();
            server.state(ServerState.STARVED);
            stats.move(ServerState.WORKING, ServerState.STARVED, now);
            syncProcessingClock(now);
            flows.out(part);
            router.target(route).accept(part);
            refill(server, now);
            return;
        }
        server.state(ServerState.BLOCKED);
        stats.move(ServerState.WORKING, ServerState.BLOCKED, now);
        blocked[blockedCount++] = server;
        syncProcessingClock(now);
        if (model.hasLoops()) {
            DeadlockCheck.check(this, now);
        }
    }

    /** Whether one of the first {@code count} blocked servers waits for {@code route}. */
    private boolean blockedFor(int route, int count) {
        for (int i = 0; i < count; i++) {
            if (blocked[i].route() == route) {
                return true;
            }
        }
        return false;
    }

    private void routedRoomAvailable(double now) {
        int i = 0;
        while (i < blockedCount) {
            Server server = blocked[i];
            int route = server.route();
            if (!blockedFor(route, i) && router.target(route).canAccept()) {
                System.arraycopy(blocked, i + 1, blocked, i, blockedCount - i - 1);
                blocked[--blockedCount] = null;
                Part part = server.release();
                server.state(ServerState.STARVED);
                stats.move(ServerState.BLOCKED, ServerState.STARVED, now);
                flows.out(part);
                router.target(route).accept(part);
                refill(server, now);
                // The hand-over may have freed room anywhere: look again from the front.
                i = 0;
            } else {
                i++;
            }
        }
    }

    private void syncProcessingClock(double now) {
        boolean processing = !down && !offShift && stats.serversIn(ServerState.WORKING) > 0;
        if (processing) {
            processingClock.start(now);
        } else {
            processingClock.stop(now);
        }
    }
}
