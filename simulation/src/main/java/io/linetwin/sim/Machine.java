package io.linetwin.sim;

import io.linetwin.model.Distribution;
import io.linetwin.model.FailureBasis;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A machine with one or more servers. Blocking after service: a finished good part stays in its server
 * until the outbound buffer has room; blocked servers hand over in the order they finished. A machine
 * without an inbound buffer is the line's release point (a server that frees up starts a new raw part at
 * once); one without an outbound buffer passes its good parts out of the line.
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
    private final Server[] blocked;
    private final PartFlows flows;
    /** An assembly's parts come in at its staging area, which counts them; the kit's base is not counted twice. */
    private boolean kitted;

    private MaterialNeeds materials = MaterialNeeds.NONE;
    private Router router;
    private int blockedHead;
    private int blockedCount;
    private Upstream inbound;
    private Downstream outbound;
    private final PlannedStops stops = new PlannedStops();
    /** Under repair: mirrors {@code failures.down()} in a field of its own, as the hot path reads it per part. */
    private boolean down;

    private boolean offShift;
    /** Down, off shift or in a planned stop: nothing is processed, enters or leaves. */
    private boolean halted;
    /** Not halted and no planned stop waiting for the parts in process: idle servers take new parts. */
    private boolean startsParts = true;
    /** Servers in process or setup are interrupted (down or off shift) and keep their remaining time. */
    private boolean frozen;

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
        this.wallClock = new WallClock(model.startSeconds());
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

    FailureModes failureModes() {
        return failures;
    }

    PlannedStops plannedStops() {
        return stops;
    }

    /** Parts in process or setup (not blocked ones: those are finished). */
    int partsInProcess() {
        return stats.serversIn(ServerState.WORKING) + stats.serversIn(ServerState.SETUP);
    }

    /** A planned stop came due and waits for the parts in process: no new part starts meanwhile. */
    void stopWaitsForPart() {
        stops.waitsForPart();
        updateFlags();
    }

    /**
     * A planned stop begins: the station halts (parts in process keep their remaining time) unless something halts
     * it already; it counts as down, or off shift while the calendar stops it anyway. Its up clock stands still.
     */
    void stopBegins(double now) {
        boolean wasHalted = halted;
        stops.began();
        updateFlags();
        upClock.stop(now);
        if (!wasHalted) {
            freeze(now);
            stats.halt(ServerState.DOWN, now);
            traceAll(ServerState.DOWN);
        }
    }

    /** A planned stop ended: the station works again unless a repair, the calendar or another stop halts it. */
    void stopEnds(double now) {
        stops.ended();
        updateFlags();
        if (stops.anyUnderWay() || down) {
            return;
        }
        upClock.start(now);
        if (offShift || failures.strikeWaiting(now)) {
            return;
        }
        thaw(now);
        beginStopsWaitingForPart(now);
    }

    private void beginStopsWaitingForPart(double now) {
        if (stops.anyWaitingForPart() && partsInProcess() == 0) {
            stops.partsDone(now);
        }
    }

    private void updateFlags() {
        halted = down || offShift || stops.anyUnderWay();
        startsParts = !halted && !stops.anyWaitingForPart();
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
        if (startsParts) {
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
        return down;
    }

    boolean isOffShift() {
        return offShift;
    }

    /** Down, off shift or in a planned stop: nothing is processed, enters or leaves. */
    @Override
    public boolean halted() {
        return halted;
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
        if (model.tracing() && !halted) {
            traceServers();
        }
        wallClock.start(now);
        if (down || stops.anyUnderWay()) {
            // A warm start from a failure or in a planned stop: its end brings the station back.
            return;
        }
        upClock.start(now);
        if (offShift) {
            return;
        }
        if (failures.strikeWaiting(now)) {
            // A warm start with a failure that came due while the station was halted: it strikes now.
            return;
        }
        if (stops.anyWaitingForPart() && partsInProcess() == 0) {
            beginStopsWaitingForPart(now);
            return;
        }
        roomAvailable();
        refillIdle(now);
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
            server.endPhaseIn(
                    now,
                    Double.isNaN(remainingSeconds)
                            ? processByProduct[product].sample(processRandom) / speed
                            : remainingSeconds);
            syncProcessingClock(now);
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
        return servers[index].remainingSeconds(now, frozen);
    }

    @Override
    public boolean canAccept() {
        return startsParts
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
        if (halted) {
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
            beginStopsWaitingForPart(now);
        }
    }

    @Override
    public void fail(double now) {
        down = true;
        updateFlags();
        freeze(now);
        upClock.stop(now);
        stats.halt(ServerState.DOWN, now);
        traceAll(ServerState.DOWN);
    }

    @Override
    public void repaired(double now) {
        down = false;
        updateFlags();
        if (stops.anyUnderWay()) {
            // Repaired during a planned stop: the station stays stopped (off shift while the calendar says so).
            if (offShift) {
                stats.halt(ServerState.OFF_SHIFT, now);
                traceAll(ServerState.OFF_SHIFT);
            }
            return;
        }
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
     * and wall clocks (uptime- and wall-basis failures) keep running; a failure that comes due off shift strikes when the shift starts.
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
        updateFlags();
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
        updateFlags();
        if (down) {
            return;
        }
        if (stops.anyUnderWay()) {
            stats.halt(ServerState.DOWN, now);
            traceAll(ServerState.DOWN);
            return;
        }
        if (failures.strikeWaiting(now)) {
            return;
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
                if (startsParts
                        && server.state() == ServerState.STARVED
                        && (materials.count() == 0 || materials.ready(now))) {
                    begin(server, releaseRaw(), now);
                }
            }
        } else {
            inbound.roomAvailable();
        }
    }

    private void refill(Server server, double now) {
        if (inbound == null) {
            if (startsParts && (materials.count() == 0 || materials.ready(now))) {
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
        boolean processing = !halted && stats.serversIn(ServerState.WORKING) > 0;
        if (processing) {
            processingClock.start(now);
        } else {
            processingClock.stop(now);
        }
    }
}
