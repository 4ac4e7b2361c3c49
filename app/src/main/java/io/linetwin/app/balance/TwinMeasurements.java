package io.linetwin.app.balance;

import io.linetwin.model.AssemblyInput;
import io.linetwin.model.BufferContents;
import io.linetwin.model.BufferSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.LineState;
import io.linetwin.model.MachineCondition;
import io.linetwin.model.MaterialSpec;
import io.linetwin.model.StationKind;
import io.linetwin.model.StationSpec;
import io.linetwin.model.StationState;
import io.linetwin.predict.balance.BalanceInputException;
import io.linetwin.predict.balance.FlowNetwork;
import io.linetwin.predict.balance.Measurement;
import io.linetwin.twin.LineStateMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.ditto.things.model.ThingId;

/**
 * Measurements of a line's streams over the period between two twin snapshots: a station's good counter rise is
 * its parts out (less the finished parts it holds blocked, which the counter has counted but that have not left),
 * its scrap counter rise its scrap; buffer and conveyor levels are stocks at the start and end, material stocks
 * likewise. What the twin does not count is bounded instead, as a measurement with the sd of a uniform spread over
 * its possible values: a machine's parts in process from its state (exact for one server: working, setup or
 * blocked hold one part, starved none), the parts an assembly stages from its input buffers (the twin's level of
 * an input buffer includes them), an AGV move's parts (at most its capacity plus the fleet).
 */
public final class TwinMeasurements {

    /** The measurements, where each came from, what was left out and why, and the period. */
    public record Result(
            List<Measurement> measurements, Map<String, String> origins, List<String> notes, Instant from, Instant to) {
        public Result {
            measurements = List.copyOf(measurements);
            origins = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(origins));
            notes = List.copyOf(notes);
        }
    }

    /** The values a count can take, each as likely: integers lo..hi. */
    private record Range(double lo, double hi) {
        static final Range NONE = new Range(0, 0);

        double mean() {
            return (lo + hi) / 2;
        }

        double variance() {
            double n = hi - lo + 1;
            return (n * n - 1) / 12;
        }

        Range plus(Range other) {
            return new Range(lo + other.lo, hi + other.hi);
        }
    }

    /** A station's state and its counters are separate messages: either may lag the other by about a part. */
    static final double STATE_SD = 0.3;

    private final LineSpec line;
    private final FlowNetwork network;
    private final Accuracy accuracy;
    private final List<Measurement> measurements = new ArrayList<>();
    private final Map<String, String> origins = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    private TwinMeasurements(LineSpec line, FlowNetwork network, Accuracy accuracy) {
        this.line = line;
        this.network = network;
        this.accuracy = accuracy;
    }

    public static Result of(
            LineSpec line, FlowNetwork network, SnapshotFile before, SnapshotFile after, Accuracy accuracy) {
        requireLine(line, before);
        requireLine(line, after);
        Instant from = before.snapshot().takenAt();
        Instant to = after.snapshot().takenAt();
        if (!to.isAfter(from)) {
            throw new BalanceInputException(after.at("takenAt") + ": takenAt " + to + " must be after the takenAt of "
                    + before.at("takenAt") + " (" + from + "): give the earlier snapshot first");
        }
        LineStateMapper mapper = new LineStateMapper(ThingId.of(line.id()));
        LineState start = mapper.map(before.snapshot(), 0);
        LineState end = mapper.map(after.snapshot(), 0);
        TwinMeasurements mapping = new TwinMeasurements(line, network, accuracy);
        mapping.stations(start, end, before, after);
        mapping.links(start, end, before, after);
        mapping.materials(start, end, before, after);
        return new Result(mapping.measurements, mapping.origins, mapping.notes, from, to);
    }

    private static void requireLine(LineSpec line, SnapshotFile snapshot) {
        if (snapshot.snapshot().things().isEmpty()) {
            throw new BalanceInputException(snapshot.at("things") + ": the snapshot holds no Thing");
        }
        if (!snapshot.lineIds().contains(line.id())) {
            String firstThing =
                    "things/" + snapshot.snapshot().things().keySet().iterator().next();
            throw new BalanceInputException(snapshot.at(firstThing) + ": the snapshot is of line "
                    + String.join(", ", snapshot.lineIds()) + ", not of " + line.id() + " (the scenario's line.id)");
        }
    }

    private String thingKey(String equipment) {
        return "things/" + line.id() + "." + equipment;
    }

    private void stations(LineState start, LineState end, SnapshotFile before, SnapshotFile after) {
        List<String> silent = new ArrayList<>();
        for (StationSpec station : line.stations()) {
            String id = station.id();
            StationState a = start.stations().get(id);
            StationState b = end.stations().get(id);
            if (a == null || b == null) {
                notes.add(id + ": no Thing in " + (a == null ? before.file() : after.file()) + ": left unmeasured");
                continue;
            }
            long good = rise(id, "good", a.good(), b.good(), before, after);
            long scrap = rise(id, "scrap", a.scrap(), b.scrap(), before, after);
            boolean counting = a.good() != 0 || b.good() != 0;
            if (!counting) {
                silent.add(id);
            }
            switch (station.kind()) {
                case SOURCE -> {
                    if (counting) {
                        counter(id + ".out", good, Range.NONE, Range.NONE, false, "good counter");
                    }
                }
                case SINK -> {
                    if (counting) {
                        counter(id + ".in", good, Range.NONE, Range.NONE, false, "good counter");
                    }
                }
                case MACHINE, ASSEMBLY -> machine(station, a, b, good, scrap, counting, start, end);
                case BATCH -> batch(station, a, b, good, counting);
            }
        }
        if (!silent.isEmpty()) {
            notes.add(String.join(", ", silent) + ": good counter at 0 in both snapshots (not counting): parts out "
                    + "left unmeasured");
        }
    }

    private void machine(
            StationSpec station,
            StationState a,
            StationState b,
            long good,
            long scrap,
            boolean counting,
            LineState start,
            LineState end) {
        String id = station.id();
        int servers = station.servers();
        boolean calendarFailures =
                station.failures().stream().anyMatch(f -> f.basis() != io.linetwin.model.FailureBasis.OPERATING);
        if (counting) {
            counter(
                    id + ".out",
                    good,
                    held(a, servers, calendarFailures),
                    held(b, servers, calendarFailures),
                    true,
                    "good counter less blocked parts");
        }
        if (network.indexOf(id + ".scrapped").isPresent()) {
            counter(id + ".scrapped", scrap, Range.NONE, Range.NONE, false, "scrap counter");
        } else if (scrap > 0) {
            notes.add(id + ": scrap counter rose by " + scrap + " but the scenario scraps nothing there: ignored "
                    + "(the balance will not close by that much)");
        }
        Range occupancyStart = occupancy(a, servers);
        Range occupancyEnd = occupancy(b, servers);
        String origin = "state";
        if (station.kind() == StationKind.ASSEMBLY) {
            occupancyStart = occupancyStart.plus(staged(station, start));
            occupancyEnd = occupancyEnd.plus(staged(station, end));
            origin = "state + staged parts";
        }
        pseudo(id + ".stock.start", occupancyStart, STATE_SD, origin);
        pseudo(id + ".stock.end", occupancyEnd, STATE_SD, origin);
    }

    private long rise(
            String id, String counter, long before, long after, SnapshotFile beforeFile, SnapshotFile afterFile) {
        if (after < before) {
            throw new BalanceInputException(afterFile.at(thingKey(id)) + ": counters." + counter + " of " + line.id()
                    + "." + id + " fell from " + before + " (" + beforeFile.file() + ") to " + after
                    + ": was the counter reset? Give snapshots between resets");
        }
        return after - before;
    }

    /** Finished good parts a station holds because downstream is full: counted, not yet out. */
    private static Range held(StationState state, int servers, boolean calendarFailures) {
        if (!state.servers().isEmpty()) {
            long blocked = state.servers().stream()
                    .filter(s -> s instanceof MachineCondition.Blocked)
                    .count();
            return new Range(blocked, blocked);
        }
        MachineCondition c = state.condition();
        if (c instanceof MachineCondition.Starved) {
            return Range.NONE;
        }
        if (c instanceof MachineCondition.Blocked) {
            return new Range(1, servers);
        }
        if (c instanceof MachineCondition.Working || c instanceof MachineCondition.Setup) {
            return new Range(0, servers - 1);
        }
        // Down or off shift: a blocked part stays in its server; a calendar failure may strike a blocked machine.
        return servers == 1 && c instanceof MachineCondition.Down && !calendarFailures
                ? Range.NONE
                : new Range(0, servers);
    }

    /** Parts in the station's servers. */
    private static Range occupancy(StationState state, int servers) {
        if (!state.servers().isEmpty()) {
            long busy = state.servers().stream()
                    .filter(s -> !(s instanceof MachineCondition.Starved))
                    .count();
            return new Range(busy, busy);
        }
        MachineCondition c = state.condition();
        if (c instanceof MachineCondition.Starved) {
            return Range.NONE;
        }
        if (c instanceof MachineCondition.Down || c instanceof MachineCondition.OffShift) {
            return new Range(0, servers);
        }
        return new Range(1, servers);
    }

    /**
     * A batch station's good counter rises when a load's cycle ends, so only a chamber that is unloading
     * (blocked) holds counted parts; its stock is the load, whose size the state lists part by part or, known
     * only by its condition, lies anywhere from one part to the batch size.
     */
    private void batch(StationSpec station, StationState a, StationState b, long good, boolean counting) {
        String id = station.id();
        int size = station.batch().orElseThrow().size();
        if (counting) {
            counter(id + ".out", good, unloading(a, size), unloading(b, size), true, "good counter less blocked parts");
        }
        pseudo(id + ".stock.start", load(a, size), STATE_SD, "state");
        pseudo(id + ".stock.end", load(b, size), STATE_SD, "state");
    }

    private static Range unloading(StationState state, int size) {
        return state.condition() instanceof MachineCondition.Blocked ? load(state, size) : Range.NONE;
    }

    private static Range load(StationState state, int size) {
        if (!state.servers().isEmpty()) {
            return new Range(state.servers().size(), state.servers().size());
        }
        return state.condition() instanceof MachineCondition.Starved ? new Range(0, size - 1) : new Range(1, size);
    }

    /** Parts staged at an assembly: up to each input's count, and no more than its buffer's level shows. */
    private Range staged(StationSpec assembly, LineState state) {
        Range total = Range.NONE;
        for (AssemblyInput input : assembly.inputs()) {
            BufferSpec buffer = line.inputBuffer(assembly, input);
            BufferContents contents = state.buffers().get(buffer.id());
            int level = contents == null ? input.count() : total(contents);
            total = total.plus(new Range(0, Math.min(input.count(), level)));
        }
        return total;
    }

    private void links(LineState start, LineState end, SnapshotFile before, SnapshotFile after) {
        for (BufferSpec link : line.buffers()) {
            String id = link.id();
            if (line.move(id).isPresent()) {
                int vehicles = line.transport().orElseThrow().vehicles();
                Range bounds = new Range(0, (double) link.capacity() + vehicles);
                pseudo(id + ".stock.start", bounds, 0, "bounds");
                pseudo(id + ".stock.end", bounds, 0, "bounds");
                continue;
            }
            BufferContents a = start.buffers().get(id);
            BufferContents b = end.buffers().get(id);
            if (a == null || b == null) {
                notes.add(id + ": no level in " + (a == null ? before.file() : after.file()) + ": left unmeasured");
                continue;
            }
            level(link, id + ".stock.start", a);
            level(link, id + ".stock.end", b);
        }
    }

    private void level(BufferSpec link, String stream, BufferContents contents) {
        StationSpec to = line.station(link.to()).orElseThrow();
        Accuracy.Spec spec = accuracy.of(Accuracy.Kind.LEVEL);
        if (to.kind() == StationKind.ASSEMBLY) {
            // The level counts the parts staged at the assembly; those are the assembly's stock, not the buffer's.
            int level = total(contents);
            AssemblyInput input = to.inputs().stream()
                    .filter(i -> line.inputBuffer(to, i).id().equals(link.id()))
                    .findFirst()
                    .orElseThrow();
            Range staged = new Range(0, Math.min(input.count(), level));
            add(
                    stream,
                    level - staged.mean(),
                    Math.sqrt(square(spec.sdOf(level)) + staged.variance()),
                    "level less staged parts");
            return;
        }
        if (network.products().isEmpty()) {
            int level = total(contents);
            add(stream, level, spec.sdOf(level), "level");
            return;
        }
        for (String product : network.products()) {
            int level = contents.byProduct().getOrDefault(product, 0);
            add(stream + "." + product, level, spec.sdOf(level), "level");
        }
        contents.byProduct().forEach((product, level) -> {
            if (level != 0 && !network.products().contains(product)) {
                notes.add(stream + ": " + level + " parts of product '" + product + "', which the scenario does not "
                        + "make: ignored");
            }
        });
    }

    private void materials(LineState start, LineState end, SnapshotFile before, SnapshotFile after) {
        Accuracy.Spec spec = accuracy.of(Accuracy.Kind.MATERIAL);
        for (MaterialSpec material : line.materials()) {
            Double a = start.materialStocks().get(material.id());
            Double b = end.materialStocks().get(material.id());
            String node = network.node(material.id()).map(n -> n.id()).orElse("material:" + material.id());
            if (a == null || b == null) {
                notes.add(material.id() + ": no stock in " + (a == null ? before.file() : after.file())
                        + ": left unmeasured");
                continue;
            }
            add(node + ".stock.start", a, spec.sdOf(a), "stock");
            add(node + ".stock.end", b, spec.sdOf(b), "stock");
        }
    }

    /** A counter's rise, less the change of the finished parts held blocked (read from states, when any). */
    private void counter(
            String stream, long rise, Range heldBefore, Range heldAfter, boolean stateCorrected, String origin) {
        double sd = accuracy.of(Accuracy.Kind.COUNTER).sdOf(rise);
        double fromStates = stateCorrected ? heldBefore.variance() + heldAfter.variance() + 2 * STATE_SD * STATE_SD : 0;
        add(stream, rise + heldBefore.mean() - heldAfter.mean(), Math.sqrt(sd * sd + fromStates), origin);
    }

    private void pseudo(String stream, Range range, double extraSd, String origin) {
        add(
                stream,
                range.mean(),
                Math.sqrt(range.variance() + extraSd * extraSd),
                range.lo() == range.hi()
                        ? origin
                        : origin + String.format(Locale.ROOT, " (%d to %d)", (long) range.lo(), (long) range.hi()));
    }

    private void add(String stream, double value, double sd, String origin) {
        if (network.indexOf(stream).isEmpty()) {
            throw new IllegalStateException("twin measurement of a stream the network lacks: " + stream);
        }
        measurements.add(new Measurement(stream, value, sd));
        origins.put(stream, origin);
    }

    private static int total(BufferContents contents) {
        return contents.byProduct().values().stream()
                .mapToInt(Integer::intValue)
                .sum();
    }

    private static double square(double x) {
        return x * x;
    }
}
