package io.linetwin.sim;

import io.linetwin.model.BufferContents;
import io.linetwin.model.InFlight;
import io.linetwin.model.Limits;
import io.linetwin.model.LineSpec;
import io.linetwin.model.LineState;
import io.linetwin.model.ParameterSpec;
import io.linetwin.model.StationKind;
import io.linetwin.model.StationSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Puts a replication's blocks into the state a {@link LineState} describes, at the start instant, before the
 * blocks start. The state's {@link InFlight} part, when given, restores what is under way: parts' release times
 * (lead times go on), conveyor parts at their places with the belt's gap timers and repair, vehicles in their
 * step with the parts on board and the open requests, material orders in flight, and failure clocks. What the
 * state leaves open is drawn or assumed as for a fresh start: parts without a release time count as released
 * at the start instant; a phase without remaining time draws a full processing, setup or repair time; a batch load
 * without its start waits its whole maximum wait from the start instant; a failure
 * mode without a clock draws its time between failures afresh (exact only for exponential times); conveyor
 * parts without places wait at the end; an AGV move's parts without a fleet state all wait for pickup; a buffer
 * without a sequence interleaves its products; a part of unknown product is of the line's first product.
 * Parts of an assembly input's buffer fill the assembly's staging area first. Sink entries are ignored;
 * whether a station is off shift follows from the calendar at the start instant. Material stocks in the state
 * replace the stores' initial stock; without an order in flight a store at or below its reorder point orders at
 * the start.
 */
final class WarmStart {

    private final LineSpec line;
    private final Model model;
    private final Map<String, StationBlock> stations;
    private final Map<String, Buffer> buffers;
    private final Map<String, MaterialStore> stores;
    private final Map<String, Replication.Staging> stagings;
    private final Fleet fleet;
    private final Map<String, Integer> productIndex = new HashMap<>();
    private InFlight inFlight = InFlight.none();
    private final Map<String, ArrayDeque<Part>> carried = new HashMap<>();

    WarmStart(
            LineSpec line,
            Model model,
            Map<String, StationBlock> stations,
            Map<String, Buffer> buffers,
            Map<String, MaterialStore> stores,
            Map<String, Replication.Staging> stagings,
            Fleet fleet) {
        this.fleet = fleet;
        this.line = line;
        this.model = model;
        this.stations = stations;
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
            StationSpec station = line.station(entry.getKey())
                    .orElseThrow(() -> new IllegalArgumentException(
                            "state parameters must name stations of line " + line.id() + ", got " + entry.getKey()));
            Map<String, ParameterSpec> parameters = new LinkedHashMap<>(station.parameters());
            entry.getValue().forEach((name, value) -> {
                ParameterSpec old = parameters.get(name);
                parameters.put(
                        name,
                        old == null
                                ? ParameterSpec.of(value)
                                : new ParameterSpec(value, old.min(), old.max(), old.maxStep()));
            });
            result = result.withStation(station.withParameters(parameters));
        }
        return result;
    }

    void restore(LineState state, double now) {
        inFlight = state.inFlight();
        checkInFlightIds();
        state.materialStocks().forEach((id, units) -> {
            MaterialStore store = stores.get(id);
            if (store == null) {
                throw new IllegalArgumentException("state material stocks must name materials of line " + line.id()
                        + " " + stores.keySet() + ", got " + id);
            }
            store.restore(units);
        });
        inFlight.orders().forEach((id, order) -> stores.get(id).restoreOrder(order, now));
        state.stations().forEach((id, station) -> {
            if (line.station(id).isEmpty()) {
                throw new IllegalArgumentException(
                        "state stations must name stations of line " + line.id() + ", got " + id);
            }
            stations.get(id).restore(station, this, now);
        });
        // After the stations: parts for an assembly first fill its staging area, which must not hand over yet.
        state.buffers().forEach((id, contents) -> restoreBuffer(id, contents));
        for (Buffer buffer : buffers.values()) {
            if (buffer instanceof Conveyor conveyor
                    && (inFlight.conveyors().containsKey(conveyor.id())
                            || inFlight.failureDueSeconds().containsKey(conveyor.id()))) {
                conveyor.restoreState(
                        inFlight.conveyors().get(conveyor.id()),
                        inFlight.failureDueSeconds().getOrDefault(conveyor.id(), Map.of()),
                        now);
            }
        }
        if (inFlight.fleet().isPresent()) {
            Map<String, AgvLink> links = new LinkedHashMap<>();
            buffers.values().stream().filter(b -> b instanceof AgvLink).forEach(b -> links.put(b.id(), (AgvLink) b));
            fleet.restore(inFlight.fleet().get(), links, carried, now);
        } else {
            buffers.values().stream()
                    .filter(b -> b instanceof AgvLink)
                    .map(b -> (AgvLink) b)
                    .forEach(agv -> fleet.restoreRequests(agv, agv.waitingForPickup(), now));
        }
    }

    /** Every id in the in-flight part must name a block, material or failure mode of the line. */
    private void checkInFlightIds() {
        inFlight.releaseSeconds().keySet().forEach(id -> {
            if (line.station(id).isEmpty() && !buffers.containsKey(id)) {
                throw new IllegalArgumentException(
                        "state release times must name stations or links of line " + line.id() + ", got " + id);
            }
        });
        inFlight.conveyors().keySet().forEach(id -> {
            if (!(buffers.get(id) instanceof Conveyor)) {
                throw new IllegalArgumentException(
                        "state conveyors must name conveyors of line " + line.id() + ", got " + id);
            }
        });
        inFlight.orders().keySet().forEach(id -> {
            if (!stores.containsKey(id)) {
                throw new IllegalArgumentException("state material orders must name materials of line " + line.id()
                        + " " + stores.keySet() + ", got " + id);
            }
        });
        inFlight.loadStartedSeconds().forEach((id, t) -> {
            StationBlock station = stations.get(id);
            if (station == null || station.kind() != StationKind.BATCH) {
                throw new IllegalArgumentException(
                        "state load starts must name batch stations of line " + line.id() + ", got " + id);
            }
            if (t > model.startSeconds()) {
                throw new IllegalArgumentException("state load start of " + id + " must be at or before the state's"
                        + " clock " + model.startSeconds() + " s, got " + t);
            }
        });
        if (inFlight.fleet().isPresent() && fleet == null) {
            throw new IllegalArgumentException(
                    "state fleet needs a line with transport, got line " + line.id() + " without");
        }
        inFlight.failureDueSeconds().forEach((id, modes) -> {
            StationBlock station = stations.get(id);
            boolean processes = station != null && station.kind().processesParts();
            if (!processes && !(buffers.get(id) instanceof Conveyor)) {
                throw new IllegalArgumentException(
                        "state failure clocks must name machines or conveyors of line " + line.id() + ", got " + id);
            }
            List<String> names = (processes
                            ? line.station(id).orElseThrow().failures()
                            : line.conveyor(id).orElseThrow().failures())
                    .stream().map(f -> f.name()).toList();
            modes.keySet().forEach(mode -> {
                if (!names.contains(mode)) {
                    throw new IllegalArgumentException("state failure clocks of " + id + " must name its failure"
                            + " modes " + names + ", got " + mode);
                }
            });
        });
    }

    /** The release time of the {@code index}-th part the state lists at {@code block}; NaN when not given. */
    private double releaseOf(String block, int index, int parts) {
        List<Double> times = inFlight.releaseSeconds().get(block);
        if (times == null) {
            return Double.NaN;
        }
        if (times.size() != parts) {
            throw new IllegalArgumentException("state release times of " + block + " must give one time per part ("
                    + parts + "), got " + times.size());
        }
        return times.get(index);
    }

    private void restoreBuffer(String id, BufferContents contents) {
        Buffer buffer = buffers.get(id);
        if (buffer == null) {
            throw new IllegalArgumentException("state buffers must name buffers of line " + line.id() + ", got " + id);
        }
        Replication.Staging staging = stagings.get(id);
        int onBoard = buffer instanceof AgvLink ? carriedBy(id) : 0;
        // Checked before a single part is made: a level of two billion would otherwise fill the memory first.
        long parts = 0;
        for (int count : contents.byProduct().values()) {
            parts += count;
        }
        long room = Math.min(
                (long) buffer.capacity()
                        + onBoard
                        + (staging == null ? 0 : staging.kitting().stagingRoom(staging.input())),
                Limits.MAX_PARTS_IN_LINE);
        if (parts > room) {
            throw new IllegalArgumentException("state buffer " + id + " holds at most " + room + " parts"
                    + (staging == null ? "" : " with its assembly's staging place")
                    + (onBoard == 0 ? "" : " and the " + onBoard + " on board vehicles") + ", got " + parts);
        }
        List<String> products = contents.sequence().isEmpty() ? interleaved(contents) : contents.sequence();
        Integer toStage = inFlight.staged().get(id);
        if (toStage != null && (staging == null || toStage > products.size())) {
            throw new IllegalArgumentException("state staged parts of " + id + " must be at most its " + products.size()
                    + " parts, at an assembly input, got " + toStage);
        }
        for (int i = 0; i < products.size(); i++) {
            Part part = model.restorePart(index(products.get(i)), id, releaseOf(id, i, products.size()));
            if (staging != null && (toStage == null || i < toStage)) {
                if (staging.kitting().restoreStage(staging.input(), part)) {
                    continue;
                }
                if (toStage != null) {
                    throw new IllegalArgumentException("state staged parts of " + id + " must fit its assembly's "
                            + "staging place, got " + toStage);
                }
            }
            if (onBoard > 0 && i >= products.size() - onBoard) {
                carried.computeIfAbsent(id, k -> new ArrayDeque<>()).add(part);
            } else if (buffer instanceof AgvLink agv && inFlight.fleet().isPresent()) {
                agv.restoreWaiting(part);
            } else {
                buffer.restore(part);
            }
        }
    }

    /** Parts of move {@code id} on board vehicles, by the state's fleet (0 without one). */
    private int carriedBy(String id) {
        return inFlight.fleet()
                .map(f -> (int) f.vehicles().stream()
                        .filter(v -> v.carrying() && v.move().equals(Optional.of(id)))
                        .count())
                .orElse(0);
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
                double c = credit.merge(
                        entry.getKey(), (double) contents.byProduct().get(entry.getKey()) / total, Double::sum);
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

    /** When the load batch station {@code id} forms began, by the state; NaN when it does not say. */
    double loadStarted(String id) {
        Double t = inFlight.loadStartedSeconds().get(id);
        return t == null ? Double.NaN : t;
    }

    /** The failure clocks the state gives for block {@code id} (none: drawn afresh). */
    Map<String, Double> failureClocks(String id) {
        return inFlight.failureDueSeconds().getOrDefault(id, Map.of());
    }

    /**
     * The {@code index}-th of the {@code parts} parts the state lists at block {@code at}, made with its release
     * time; an unknown product is the line's first.
     */
    Part part(Optional<String> product, String at, int index, int parts) {
        return model.restorePart(product.map(this::index).orElse(0), at, releaseOf(at, index, parts));
    }

    int productIndex(String product) {
        return index(product);
    }

    private int index(String product) {
        Integer index = productIndex.get(product);
        if (index == null) {
            throw new IllegalArgumentException("state products must be products of line " + line.id() + " "
                    + productIndex.keySet() + ", got '" + product + "'");
        }
        return index;
    }

    /** A phase's time left, NaN when the state leaves it open. */
    static double seconds(OptionalDouble remaining) {
        return remaining.isPresent() ? remaining.getAsDouble() : Double.NaN;
    }
}
