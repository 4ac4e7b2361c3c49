package io.linetwin.sim;

import io.linetwin.model.MachineCondition;
import io.linetwin.model.PlannedStopState;
import io.linetwin.model.StationKind;
import io.linetwin.model.StationState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A machine or an assembly (a machine fed by its {@link Kitting} staging area) as a station block: what the
 * engine, snapshots, warm starts and invariant checks need of it, kept beside the {@link Machine} it drives.
 */
final class MachineBlock implements StationBlock {

    private final Machine machine;
    private final StationKind kind;
    /** The assembly's staging area, or null for a plain machine. */
    private final Kitting kitting;
    /** A warm start's counters, which a snapshot counts on from (the engine's own count starts at the start). */
    private long goodBefore;

    private long scrapBefore;

    MachineBlock(Machine machine, StationKind kind, Kitting kitting) {
        this.machine = machine;
        this.kind = kind;
        this.kitting = kitting;
    }

    Machine machine() {
        return machine;
    }

    @Override
    public String id() {
        return machine.id();
    }

    @Override
    public StationKind kind() {
        return kind;
    }

    @Override
    public Upstream feeder() {
        return machine;
    }

    @Override
    public Downstream taker() {
        return machine;
    }

    @Override
    public void connect(Upstream inbound, Downstream outbound, Router routes) {
        Upstream from = kitting != null ? kitting : inbound;
        if (routes == null) {
            machine.connect(from, outbound);
        } else {
            machine.connect(from, routes);
        }
    }

    @Override
    public void start(double now) {
        machine.start(now);
        machine.plannedStops().started(now);
    }

    @Override
    public void shiftChanges(boolean working, double now) {
        if (working) {
            machine.shiftStarts(now);
        } else {
            machine.shiftEnds(now);
        }
    }

    @Override
    public MaterialNeeds materials() {
        return machine.materials();
    }

    @Override
    public void openWindow(double now) {
        machine.stats().openWindow(now);
        machine.materials().openWindow(now);
    }

    @Override
    public void closeWindow(double now) {
        machine.stats().accumulate(now);
    }

    @Override
    public long partsHeld() {
        return machine.partsHeld() + (kitting == null ? 0 : kitting.partsHeld());
    }

    @Override
    public void balance(PartBalances balances) {
        balances.add(
                id(),
                kind == StationKind.ASSEMBLY ? "assembly" : "machine",
                machine.flows(),
                PartBalances.of(machine, kitting));
    }

    @Override
    public Optional<StationResult> result(double horizonSeconds, BottleneckDetector bottleneck) {
        StationStats stats = machine.stats();
        return Optional.of(StationResults.of(
                id(),
                stats,
                machine.serverCount(),
                machine.speedShare(),
                horizonSeconds,
                bottleneck.seconds(stats.index()) / horizonSeconds));
    }

    @Override
    public void checkInvariants(double now) {
        int[] counted = new int[ServerState.COUNT];
        for (int i = 0; i < machine.serverCount(); i++) {
            Server server = machine.server(i);
            counted[server.state()]++;
            boolean holds = server.part() != null;
            boolean shouldHold = server.state() != ServerState.STARVED;
            if (holds != shouldHold) {
                throw new IllegalStateException("machine " + id() + " server " + i + " in state " + server.state()
                        + " must " + (shouldHold ? "hold one part" : "hold no part") + ", got "
                        + (holds ? "one" : "none") + " at " + now);
            }
        }
        for (int state = 0; state < ServerState.COUNT; state++) {
            if (counted[state] != machine.stats().serversIn(state)) {
                throw new IllegalStateException(
                        "machine " + id() + " must count " + counted[state] + " servers in state " + state + ", got "
                                + machine.stats().serversIn(state));
            }
        }
    }

    @Override
    public void capture(double now, Snapshot.Sheet sheet) {
        sheet.stations().put(id(), state(now, sheet.model()));
        List<Double> held = new ArrayList<>();
        for (int i = 0; i < machine.serverCount(); i++) {
            if (machine.server(i).part() != null) {
                held.add(machine.server(i).part().releaseSeconds());
            }
        }
        sheet.releases().put(id(), held);
        Map<String, Double> modes = new LinkedHashMap<>();
        for (FailureProcess mode : machine.failures()) {
            double dueIn = mode.dueInSeconds(now);
            if (!Double.isNaN(dueIn)) {
                modes.put(mode.name(), dueIn);
            }
        }
        if (!modes.isEmpty()) {
            sheet.clocks().put(id(), modes);
        }
    }

    private StationState state(double now, Model model) {
        List<MachineCondition> servers = new ArrayList<>(machine.serverCount());
        for (int i = 0; i < machine.serverCount(); i++) {
            servers.add(server(i, now, model));
        }
        MachineCondition condition;
        FailureProcess repair = machine.repairing();
        PlannedStopProcess stop = machine.plannedStops().underWay();
        if (repair != null) {
            condition = new MachineCondition.Down(
                    repair.repairElapsedSeconds(now),
                    OptionalDouble.of(Math.max(0, repair.repairRemainingSeconds(now))),
                    Optional.of(repair.name()));
        } else if (machine.isOffShift()) {
            condition = new MachineCondition.OffShift();
        } else if (stop != null) {
            condition = new MachineCondition.Down(
                    stop.elapsedSeconds(now),
                    OptionalDouble.of(Math.max(0, stop.remainingSeconds(now))),
                    Optional.of(stop.name()));
        } else {
            condition = mostActive(servers);
        }
        int last = machine.server(0).lastProduct();
        Optional<String> current = last < 0 ? Optional.empty() : Snapshot.product(model, last);
        Map<String, PlannedStopState> stops = new LinkedHashMap<>();
        for (PlannedStopProcess planned : machine.plannedStops().all()) {
            planned.state(now).ifPresent(state -> stops.put(planned.name(), state));
        }
        return new StationState(
                condition,
                current,
                goodBefore + machine.stats().good(),
                scrapBefore + machine.stats().scrap(),
                servers,
                stops);
    }

    private MachineCondition server(int index, double now, Model model) {
        Server server = machine.server(index);
        int state = server.state();
        if (state == ServerState.STARVED) {
            return new MachineCondition.Starved();
        }
        Optional<String> product = Snapshot.product(model, server.part().product());
        if (state == ServerState.BLOCKED) {
            return new MachineCondition.Blocked(product);
        }
        OptionalDouble remaining = OptionalDouble.of(Math.max(0, machine.remainingSeconds(index, now)));
        return state == ServerState.SETUP
                ? new MachineCondition.Setup(product, remaining)
                : new MachineCondition.Working(product, remaining);
    }

    /** The first server in the most active state (a server is never down or off shift), else starved. */
    private static MachineCondition mostActive(List<MachineCondition> servers) {
        MachineCondition best = new MachineCondition.Starved();
        for (MachineCondition server : servers) {
            if (server.status().moreActiveThan(best.status())) {
                best = server;
            }
        }
        return best;
    }

    @Override
    public void restore(StationState station, WarmStart from, double now) {
        goodBefore = station.good();
        scrapBefore = station.scrap();
        List<MachineCondition> servers = station.servers();
        if (servers.isEmpty()) {
            MachineCondition only = station.condition();
            boolean stationWide = only instanceof MachineCondition.Down || only instanceof MachineCondition.OffShift;
            servers = List.of(stationWide ? new MachineCondition.Starved() : only);
        }
        if (servers.size() > machine.serverCount()) {
            throw new IllegalArgumentException("station " + id() + " has " + machine.serverCount()
                    + " servers, got conditions for " + servers.size());
        }
        Map<String, Double> clocks = from.failureClocks(id());
        for (FailureProcess mode : machine.failures()) {
            Double dueIn = clocks.get(mode.name());
            if (dueIn != null) {
                mode.restoreDueIn(dueIn, now);
            }
        }
        int current = station.currentProduct().map(from::productIndex).orElse(-1);
        int busy = (int) servers.stream()
                .filter(s -> s instanceof MachineCondition.Working
                        || s instanceof MachineCondition.Setup
                        || s instanceof MachineCondition.Blocked)
                .count();
        int held = 0;
        for (int i = 0; i < servers.size(); i++) {
            MachineCondition server = servers.get(i);
            if (current >= 0) {
                machine.restoreLastProduct(i, current);
            }
            if (server instanceof MachineCondition.Working working) {
                machine.restoreServer(
                        i,
                        from.part(working.product(), id(), held++, busy),
                        ServerState.WORKING,
                        WarmStart.seconds(working.remainingSeconds()),
                        now);
            } else if (server instanceof MachineCondition.Setup setup) {
                machine.restoreServer(
                        i,
                        from.part(setup.toProduct(), id(), held++, busy),
                        ServerState.SETUP,
                        WarmStart.seconds(setup.remainingSeconds()),
                        now);
            } else if (server instanceof MachineCondition.Blocked blocked) {
                machine.restoreServer(
                        i, from.part(blocked.heldProduct(), id(), held++, busy), ServerState.BLOCKED, Double.NaN, now);
            }
        }
        for (int i = servers.size(); i < machine.serverCount() && current >= 0; i++) {
            machine.restoreLastProduct(i, current);
        }
        Map<String, PlannedStopState> stops = new LinkedHashMap<>(station.plannedStops());
        if (station.condition() instanceof MachineCondition.Down down) {
            Optional<PlannedStopProcess> stop = down.failure().flatMap(machine.plannedStops()::named);
            if (stop.isPresent()) {
                // Down in a planned stop: its own entry, if any, says how long it has left; else the condition,
                // else the duration less the time it has been down.
                double left = down.remainingRepairSeconds()
                        .orElse(Math.max(0, stop.get().durationSeconds() - down.elapsedRepairSeconds()));
                stops.putIfAbsent(stop.get().name(), PlannedStopState.underWay(left));
            } else {
                FailureProcess mode = failureMode(down.failure());
                double remaining = down.remainingRepairSeconds().isPresent()
                        ? down.remainingRepairSeconds().getAsDouble()
                        : mode.sampleRepairSeconds();
                machine.restoreDown(mode, remaining, now);
            }
        }
        stops.forEach((name, state) -> machine.plannedStops()
                .named(name)
                .orElseThrow(() -> new IllegalArgumentException(
                        "station " + id() + " planned stops must name its planned stops, got " + name))
                .restore(state, now));
    }

    private FailureProcess failureMode(Optional<String> name) {
        FailureProcess[] modes = machine.failures();
        if (modes.length == 0) {
            throw new IllegalArgumentException("station " + id() + " must have a failure mode to be down, got none");
        }
        if (name.isEmpty()) {
            return modes[0];
        }
        for (FailureProcess mode : modes) {
            if (mode.name().equals(name.get())) {
                return mode;
            }
        }
        throw new IllegalArgumentException(
                "station " + id() + " down failure must name one of its failure" + " modes, got " + name.get());
    }
}
