package io.linetwin.sim;

import io.linetwin.model.BufferContents;
import io.linetwin.model.InFlight;
import io.linetwin.model.LineSpec;
import io.linetwin.model.LineState;
import io.linetwin.model.MachineCondition;
import io.linetwin.model.PlannedStopState;
import io.linetwin.model.StationSpec;
import io.linetwin.model.StationState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Describes a running replication as a {@link LineState}: what each server holds and how long its phase has
 * left, repairs with their elapsed and remaining time, each buffer's parts in FIFO order, a source's held
 * arrival or the time to its next one, and the parameters in force; and, in its {@link InFlight} part, every
 * part's release time, conveyor places and timers, the vehicles and open requests, material orders in flight
 * and the failure clocks, so a warm start from it goes on as the run would have. Parts staged at an assembly are listed at
 * the front of their input buffer (a warm start stages them again first). The anonymous product is an empty
 * {@code Optional} in conditions and {@code ""} in buffer contents.
 */
final class Snapshot {

    private Snapshot() {}

    static LineState of(
            double now,
            Instant capturedAt,
            LineSpec line,
            List<Machine> machines,
            List<Source> sources,
            Collection<Buffer> buffers,
            Collection<MaterialStore> stores,
            Map<String, Replication.Staging> stagings,
            Fleet fleet,
            Model model) {
        Map<String, List<Double>> releases = new LinkedHashMap<>();
        Map<String, Map<String, Double>> clocks = new LinkedHashMap<>();
        Map<String, Integer> staged = new LinkedHashMap<>();
        Map<String, StationState> stations = new LinkedHashMap<>();
        for (Machine machine : machines) {
            stations.put(machine.id(), machine(machine, now, model));
            List<Double> held = new ArrayList<>();
            for (int i = 0; i < machine.serverCount(); i++) {
                if (machine.server(i).part() != null) {
                    held.add(machine.server(i).part().releaseSeconds());
                }
            }
            releases.put(machine.id(), held);
            Map<String, Double> modes = new LinkedHashMap<>();
            for (FailureProcess mode : machine.failures()) {
                double dueIn = mode.dueInSeconds(now);
                if (!Double.isNaN(dueIn)) {
                    modes.put(mode.name(), dueIn);
                }
            }
            if (!modes.isEmpty()) {
                clocks.put(machine.id(), modes);
            }
        }
        for (Source source : sources) {
            stations.put(source.id(), new StationState(source(source, now, model), Optional.empty(), 0, 0));
        }
        Map<String, BufferContents> contents = new LinkedHashMap<>();
        for (Buffer buffer : buffers) {
            Map<String, Integer> byProduct = new LinkedHashMap<>();
            List<String> sequence = new ArrayList<>(buffer.level());
            List<Double> released = new ArrayList<>(buffer.level());
            Replication.Staging staging = stagings.get(buffer.id());
            if (staging != null) {
                staged.put(buffer.id(), staging.kitting().staged(staging.input()));
                for (int i = 0; i < staging.kitting().staged(staging.input()); i++) {
                    Part part = staging.kitting().stagedPart(staging.input(), i);
                    String product = model.productName(part.product());
                    sequence.add(product);
                    released.add(part.releaseSeconds());
                    byProduct.merge(product, 1, Integer::sum);
                }
            }
            for (int i = 0; i < buffer.level(); i++) {
                Part part = buffer.waiting(i);
                String product = model.productName(part.product());
                sequence.add(product);
                released.add(part.releaseSeconds());
                byProduct.merge(product, 1, Integer::sum);
            }
            contents.put(buffer.id(), new BufferContents(byProduct, sequence));
            releases.put(buffer.id(), released);
        }
        Map<String, InFlight.ConveyorState> conveyors = new LinkedHashMap<>();
        for (Buffer buffer : buffers) {
            if (buffer instanceof Conveyor conveyor) {
                conveyors.put(conveyor.id(), conveyor.state(now));
                Map<String, Double> modes = conveyor.failureClocks(now);
                if (!modes.isEmpty()) {
                    clocks.put(conveyor.id(), modes);
                }
            }
        }
        Map<String, InFlight.MaterialOrder> orders = new LinkedHashMap<>();
        stores.forEach(store -> store.order(now).ifPresent(order -> orders.put(store.id(), order)));
        InFlight inFlight = new InFlight(
                releases,
                conveyors,
                fleet == null ? Optional.empty() : Optional.of(fleet.state(now)),
                orders,
                clocks,
                staged);
        Map<String, Map<String, Double>> parameters = new LinkedHashMap<>();
        for (StationSpec station : line.stations()) {
            Map<String, Double> values = new LinkedHashMap<>();
            station.parameters().forEach((name, parameter) -> values.put(name, parameter.value()));
            if (!values.isEmpty()) {
                parameters.put(station.id(), values);
            }
        }
        Map<String, Double> stocks = new LinkedHashMap<>();
        stores.forEach(store -> stocks.put(store.id(), store.stock()));
        return new LineState(capturedAt, now, stations, contents, parameters, stocks, inFlight);
    }

    private static StationState machine(Machine machine, double now, Model model) {
        List<MachineCondition> servers = new ArrayList<>(machine.serverCount());
        for (int i = 0; i < machine.serverCount(); i++) {
            servers.add(server(machine, i, now, model));
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
        Optional<String> current = last < 0 ? Optional.empty() : product(model, last);
        Map<String, PlannedStopState> stops = new LinkedHashMap<>();
        for (PlannedStopProcess planned : machine.plannedStops().all()) {
            planned.state(now).ifPresent(state -> stops.put(planned.name(), state));
        }
        return new StationState(
                condition, current, machine.stats().good(), machine.stats().scrap(), servers, stops);
    }

    private static MachineCondition server(Machine machine, int index, double now, Model model) {
        Server server = machine.server(index);
        int state = server.state();
        if (state == ServerState.STARVED) {
            return new MachineCondition.Starved();
        }
        Optional<String> product = product(model, server.part().product());
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

    private static MachineCondition source(Source source, double now, Model model) {
        if (source.holding()) {
            return new MachineCondition.Blocked(product(model, source.heldProduct()));
        }
        if (source.hasArrivals() && !Double.isNaN(source.nextArrivalSeconds())) {
            return new MachineCondition.Working(
                    Optional.empty(), OptionalDouble.of(Math.max(0, source.nextArrivalSeconds() - now)));
        }
        return new MachineCondition.Starved();
    }

    private static Optional<String> product(Model model, int product) {
        String name = model.productName(product);
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }
}
