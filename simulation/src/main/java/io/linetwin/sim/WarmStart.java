package io.linetwin.sim;

import io.linetwin.model.BufferContents;
import io.linetwin.model.LineSpec;
import io.linetwin.model.LineState;
import io.linetwin.model.MachineCondition;
import io.linetwin.model.ParameterSpec;
import io.linetwin.model.StationSpec;
import io.linetwin.model.StationState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Puts a replication's blocks into the state a {@link LineState} describes, at the start instant, before the
 * blocks start. Parts present then count as released at that instant (their lead times start there). What the
 * state leaves open is drawn as for a fresh start: a phase without remaining time draws a full processing,
 * setup or repair time; failure clocks start afresh (exact for exponential times between failures); a buffer
 * without a sequence interleaves its products; a part of unknown product is of the line's first product.
 * Parts of an assembly input's buffer fill the assembly's staging area first. Sink entries are ignored;
 * whether a station is off shift follows from the calendar at the start instant. Material stocks in the state
 * replace the stores' initial stock; orders in flight are not part of a state, so a store at or below its
 * reorder point orders at the start.
 */
final class WarmStart {

    private final LineSpec line;
    private final Model model;
    private final Map<String, Machine> machines;
    private final Map<String, Source> sources;
    private final Map<String, Buffer> buffers;
    private final Map<String, MaterialStore> stores;
    private final Map<String, Replication.Staging> stagings;
    private final Map<String, Integer> productIndex = new HashMap<>();

    WarmStart(LineSpec line, Model model, Map<String, Machine> machines, Map<String, Source> sources,
            Map<String, Buffer> buffers, Map<String, MaterialStore> stores, Map<String, Replication.Staging> stagings) {
        this.line = line;
        this.model = model;
        this.machines = machines;
        this.sources = sources;
        this.buffers = buffers;
        this.stores = stores;
        this.stagings = stagings;
        if (line.products().isEmpty()) {
            productIndex.put("", 0);
        }
        for (int i = 0; i < line.products().size(); i++) {
            productIndex.put(line.products().get(i).id(), i);
        }
    }

    /** The line with the parameter values of {@code state} in force (they override the scenario's values). */
    static LineSpec withParameters(LineSpec line, LineState state) {
        LineSpec result = line;
        for (Map.Entry<String, Map<String, Double>> entry : state.parameters().entrySet()) {
            StationSpec station = line.station(entry.getKey()).orElseThrow(() -> new IllegalArgumentException(
                    "state parameters must name stations of line " + line.id() + ", got " + entry.getKey()));
            Map<String, ParameterSpec> parameters = new LinkedHashMap<>(station.parameters());
            entry.getValue().forEach((name, value) -> {
                ParameterSpec old = parameters.get(name);
                parameters.put(name, old == null ? ParameterSpec.of(value)
                        : new ParameterSpec(value, old.min(), old.max(), old.maxStep()));
            });
            result = result.withStation(station.withParameters(parameters));
        }
        return result;
    }

    void restore(LineState state, double now) {
        state.materialStocks().forEach((id, units) -> {
            MaterialStore store = stores.get(id);
            if (store == null) {
                throw new IllegalArgumentException("state material stocks must name materials of line " + line.id()
                        + " " + stores.keySet() + ", got " + id);
            }
            store.restore(units);
        });
        state.stations().forEach((id, station) -> {
            if (line.station(id).isEmpty()) {
                throw new IllegalArgumentException("state stations must name stations of line " + line.id()
                        + ", got " + id);
            }
            Machine machine = machines.get(id);
            Source source = sources.get(id);
            if (machine != null) {
                restoreMachine(machine, station, now);
            } else if (source != null) {
                restoreSource(source, station.condition(), now);
            }
        });
        // After the stations: parts for an assembly first fill its staging area, which must not hand over yet.
        state.buffers().forEach((id, contents) -> restoreBuffer(id, contents));
    }

    private void restoreBuffer(String id, BufferContents contents) {
        Buffer buffer = buffers.get(id);
        if (buffer == null) {
            throw new IllegalArgumentException("state buffers must name buffers of line " + line.id() + ", got " + id);
        }
        Replication.Staging staging = stagings.get(id);
        for (String product : contents.sequence().isEmpty() ? interleaved(contents) : contents.sequence()) {
            Part part = model.restorePart(index(product), id);
            if (staging == null || !staging.kitting().restoreStage(staging.input(), part)) {
                buffer.restore(part);
            }
        }
    }

    /** Spreads the products evenly: each next part is of the product with the largest share still to place. */
    private List<String> interleaved(BufferContents contents) {
        Map<String, Integer> left = new LinkedHashMap<>();
        line.products().forEach(p -> left.put(p.id(), contents.byProduct().getOrDefault(p.id(), 0)));
        contents.byProduct().forEach((product, count) -> {
            index(product);
            left.putIfAbsent(product, count);
        });
        int total = contents.total();
        List<String> sequence = new ArrayList<>(total);
        Map<String, Double> credit = new HashMap<>();
        for (int i = 0; i < total; i++) {
            String next = null;
            for (Map.Entry<String, Integer> entry : left.entrySet()) {
                if (entry.getValue() == 0) {
                    continue;
                }
                double c = credit.merge(entry.getKey(), (double) contents.byProduct().get(entry.getKey()) / total,
                        Double::sum);
                if (next == null || c > credit.get(next)) {
                    next = entry.getKey();
                }
            }
            credit.merge(next, -1.0, Double::sum);
            left.merge(next, -1, Integer::sum);
            sequence.add(next);
        }
        return sequence;
    }

    private void restoreMachine(Machine machine, StationState station, double now) {
        List<MachineCondition> servers = station.servers();
        if (servers.isEmpty()) {
            MachineCondition only = station.condition();
            boolean stationWide = only instanceof MachineCondition.Down || only instanceof MachineCondition.OffShift;
            servers = List.of(stationWide ? new MachineCondition.Starved() : only);
        }
        if (servers.size() > machine.serverCount()) {
            throw new IllegalArgumentException("station " + machine.id() + " has " + machine.serverCount()
                    + " servers, got conditions for " + servers.size());
        }
        int current = station.currentProduct().map(this::index).orElse(-1);
        for (int i = 0; i < servers.size(); i++) {
            MachineCondition server = servers.get(i);
            if (current >= 0) {
                machine.restoreLastProduct(i, current);
            }
            if (server instanceof MachineCondition.Working working) {
                machine.restoreServer(i, part(working.product(), machine), ServerState.WORKING,
                        seconds(working.remainingSeconds()), now);
            } else if (server instanceof MachineCondition.Setup setup) {
                machine.restoreServer(i, part(setup.toProduct(), machine), ServerState.SETUP,
                        seconds(setup.remainingSeconds()), now);
            } else if (server instanceof MachineCondition.Blocked blocked) {
                machine.restoreServer(i, part(blocked.heldProduct(), machine), ServerState.BLOCKED, Double.NaN, now);
            }
        }
        for (int i = servers.size(); i < machine.serverCount() && current >= 0; i++) {
            machine.restoreLastProduct(i, current);
        }
        if (station.condition() instanceof MachineCondition.Down down) {
            FailureProcess mode = failureMode(machine, down.failure());
            double remaining = down.remainingRepairSeconds().isPresent()
                    ? down.remainingRepairSeconds().getAsDouble() : mode.sampleRepairSeconds();
            machine.restoreDown(mode, remaining, now);
        }
    }

    private static FailureProcess failureMode(Machine machine, Optional<String> name) {
        FailureProcess[] modes = machine.failures();
        if (modes.length == 0) {
            throw new IllegalArgumentException("station " + machine.id()
                    + " must have a failure mode to be down, got none");
        }
        if (name.isEmpty()) {
            return modes[0];
        }
        for (FailureProcess mode : modes) {
            if (mode.name().equals(name.get())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("station " + machine.id() + " down failure must name one of its failure"
                + " modes, got " + name.get());
    }

    private void restoreSource(Source source, MachineCondition condition, double now) {
        if (condition instanceof MachineCondition.Blocked blocked) {
            source.restoreHeld(blocked.heldProduct().map(this::index).orElse(0));
        } else if (condition instanceof MachineCondition.Working working && working.remainingSeconds().isPresent()) {
            source.restoreNextArrival(now + working.remainingSeconds().getAsDouble());
        }
    }

    private Part part(Optional<String> product, Machine machine) {
        return model.restorePart(product.map(this::index).orElse(0), machine.id());
    }

    private int index(String product) {
        Integer index = productIndex.get(product);
        if (index == null) {
            throw new IllegalArgumentException("state products must be products of line " + line.id() + " "
                    + productIndex.keySet() + ", got '" + product + "'");
        }
        return index;
    }

    private static double seconds(OptionalDouble remaining) {
        return remaining.isPresent() ? remaining.getAsDouble() : Double.NaN;
    }
}
