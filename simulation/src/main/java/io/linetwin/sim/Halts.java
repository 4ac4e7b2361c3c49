package io.linetwin.sim;

/**
 * What halts one machine and what halting does to it. It is halted while under repair, off shift or in a planned
 * stop (nothing is processed, enters or leaves), and starts no new part while a planned stop waits for the parts
 * in process. The first cause freezes the servers in process or setup with their remaining time and stops the up
 * clock; when the last cause ends the servers thaw and the machine works on. The hot path asks {@link #halted()}
 * and {@link #startsParts()} once per part, so both are kept in fields rather than worked out from the causes.
 */
final class Halts {

    private final Machine machine;
    private final Model model;
    private final Server[] servers;
    private final StationStats stats;
    private final FailureModes failures;
    private final PlannedStops stops;
    private final RunningClock upClock;
    private final RunningClock processingClock;

    /** Under repair: mirrors {@code failures.down()} in a field of its own, as the hot path reads it per part. */
    private boolean down;

    private boolean offShift;
    /** Down, off shift or in a planned stop. */
    private boolean halted;
    /** Not halted and no planned stop waiting for the parts in process: idle servers take new parts. */
    private boolean startsParts = true;
    /** Servers in process or setup are interrupted and keep their remaining time. */
    private boolean frozen;
    /**
     * The halted state every server was last shown in ({@link ServerState#DOWN} or {@code OFF_SHIFT}), or -1 while
     * they show their own: a failure striking as a planned stop ends finds the machine shown down already.
     */
    private int shownHalted = -1;

    Halts(
            Machine machine,
            Server[] servers,
            StationStats stats,
            FailureModes failures,
            PlannedStops stops,
            RunningClock upClock,
            RunningClock processingClock) {
        this.machine = machine;
        this.model = machine.model();
        this.servers = servers;
        this.stats = stats;
        this.failures = failures;
        this.stops = stops;
        this.upClock = upClock;
        this.processingClock = processingClock;
    }

    boolean halted() {
        return halted;
    }

    boolean startsParts() {
        return startsParts;
    }

    boolean down() {
        return down;
    }

    boolean offShift() {
        return offShift;
    }

    boolean frozen() {
        return frozen;
    }

    /**
     * The run starts: the up clock runs unless a repair or planned stop carried over from a warm start holds the
     * machine. Whether it may start work: not while off shift, while a failure that came due meanwhile strikes
     * now, or while a planned stop waiting for the (absent) parts in process begins now.
     */
    boolean start(double now) {
        if (down || stops.anyUnderWay()) {
            // A warm start from a failure or in a planned stop: its end brings the station back.
            return false;
        }
        upClock.start(now);
        if (offShift) {
            return false;
        }
        if (failures.strikeWaiting(now)) {
            // A warm start with a failure that came due while the station was halted: it strikes now.
            return false;
        }
        if (stops.anyWaitingForPart() && partsInProcess() == 0) {
            stops.partsDone(now);
            return false;
        }
        return true;
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

    /** A part left process: planned stops that waited for the last one begin. */
    void partDone(double now) {
        if (stops.anyWaitingForPart() && partsInProcess() == 0) {
            stops.partsDone(now);
        }
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
            stats.haltForStop(now);
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
        partDone(now);
    }

    void fail(double now) {
        down = true;
        updateFlags();
        freeze(now);
        upClock.stop(now);
        stats.halt(ServerState.DOWN, now);
        if (shownHalted != ServerState.DOWN) {
            traceAll(ServerState.DOWN);
        }
    }

    void repaired(double now) {
        down = false;
        updateFlags();
        if (stops.anyUnderWay()) {
            // Repaired during a planned stop: the station stays stopped (off shift while the calendar says so); the
            // rest of the stop is planned downtime, no longer the repair's.
            if (offShift) {
                stats.halt(ServerState.OFF_SHIFT, now);
                traceAll(ServerState.OFF_SHIFT);
            } else {
                stats.haltForStop(now);
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
     * and wall clocks (uptime- and wall-basis failures) keep running; a failure that comes due off shift strikes
     * when the shift starts.
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
            stats.haltForStop(now);
            traceAll(ServerState.DOWN);
            return;
        }
        if (failures.strikeWaiting(now)) {
            return;
        }
        thaw(now);
    }

    /** The operating clock runs while the machine is not halted and a server processes a part. */
    void syncProcessingClock(double now) {
        boolean processing = !halted && stats.serversIn(ServerState.WORKING) > 0;
        if (processing) {
            processingClock.start(now);
        } else {
            processingClock.stop(now);
        }
    }

    /** Every server's state, to a trace (a station that resumes or starts shows them anew). */
    void traceServers() {
        shownHalted = -1;
        for (int i = 0; i < servers.length; i++) {
            model.traceState(machine.id(), i, servers[i].state());
        }
    }

    private void updateFlags() {
        halted = down || offShift || stops.anyUnderWay();
        startsParts = !halted && !stops.anyWaitingForPart();
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

    /** Back to work after a repair, a shift start or a planned stop: interrupted phases resume, parts move on. */
    private void thaw(double now) {
        stats.resume(now);
        shownHalted = -1;
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
        machine.workResumes(now);
    }

    private void traceAll(int state) {
        shownHalted = state;
        if (model.tracing()) {
            for (int i = 0; i < servers.length; i++) {
                model.traceState(machine.id(), i, state);
            }
        }
    }
}
