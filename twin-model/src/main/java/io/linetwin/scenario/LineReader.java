package io.linetwin.scenario;

import io.linetwin.model.BufferSpec;
import io.linetwin.model.ConveyorSpec;
import io.linetwin.model.EventEstimate;
import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.LayoutSpec;
import io.linetwin.model.Limits;
import io.linetwin.model.LineSpec;
import io.linetwin.model.MaterialSpec;
import io.linetwin.model.ProductSpec;
import io.linetwin.model.RunRules;
import io.linetwin.model.ShiftSpec;
import io.linetwin.model.StationKind;
import io.linetwin.model.StationSpec;
import io.linetwin.model.TransportSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the {@code line} block. Its keys are named without the {@code line.} prefix ({@code buffers.b2.to}),
 * the same paths variants use. Variants re-read a changed copy of this block through here, so a variant is
 * validated exactly like the base file.
 */
final class LineReader {

    private static final List<String> KEYS =
            List.of("id", "products", "materials", "stations", "buffers", "conveyors", "transport", "layout", "shifts");

    private LineReader() {}

    /**
     * The line, with every problem reported; {@code experiment} (null when unknown) lets it blame an implausibly
     * fast station for an experiment that would need too many events.
     */
    static Optional<LineSpec> read(Node lineNode, String defaultId, Problems problems, ExperimentSpec experiment) {
        YamlCursor at = new YamlCursor(lineNode, "line", problems).childrenUnder("");
        Optional<MappingReader> mapping = at.mapping();
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        int before = problems.count();
        MappingReader map = mapping.get().allow(KEYS);
        String id = map.optional("id")
                .map(c -> new YamlCursor(c.node(), "line.id", problems))
                .flatMap(YamlCursor::text)
                .orElse(defaultId);
        List<ProductSpec> products =
                map.optional("products").map(LineReader::products).orElse(List.of());
        Set<String> productIds = new LinkedHashSet<>();
        products.forEach(p -> productIds.add(p.id()));
        List<MaterialSpec> materials =
                map.optional("materials").map(MaterialReader::read).orElse(List.of());
        Set<String> materialIds = new LinkedHashSet<>();
        materials.forEach(m -> materialIds.add(m.id()));
        Map<String, YamlCursor> ids = new HashMap<>();
        Map<String, Optional<StationKind>> kinds = new LinkedHashMap<>();
        Map<String, Map<String, YamlCursor>> inputs = new LinkedHashMap<>();
        Map<String, TopologyCheck.Routes> routes = new LinkedHashMap<>();
        List<StationSpec> stations = new ArrayList<>();
        Optional<YamlCursor> stationsAt =
                map.required("stations", ProblemCode.KEY_MISSING, "required key is missing; a line needs stations");
        if (stationsAt
                .filter(c -> c.node() instanceof SequenceNode s && s.getValue().size() > Limits.MAX_STATIONS)
                .isPresent()) {
            // Refused as a whole: checking thousands of links against no stations would only bury this problem.
            stationsAt.get().items("id", Limits.MAX_STATIONS);
            return Optional.empty();
        }
        stationsAt.flatMap(c -> c.items("id", Limits.MAX_STATIONS)).ifPresent(items -> {
            if (items.isEmpty()) {
                stationsAt.get().problem(ProblemCode.VALUE_EMPTY, "expected at least one station, got an empty list");
            }
            for (YamlCursor item : items) {
                StationReader.Read read = StationReader.read(item, productIds, materialIds);
                if (read.id() != null && unique(ids, read.id(), item)) {
                    kinds.put(read.id(), read.kind());
                    if (read.kind().filter(k -> k == StationKind.ASSEMBLY).isPresent()) {
                        inputs.put(read.id(), read.inputs());
                    }
                    if (!read.routes().isEmpty()) {
                        routes.put(read.id(), new TopologyCheck.Routes(read.routes(), read.routesByShare()));
                    }
                }
                read.spec().ifPresent(stations::add);
            }
        });
        List<BufferSpec> buffers = new ArrayList<>();
        List<TopologyCheck.Link> links = new ArrayList<>();
        map.optional("buffers")
                .flatMap(c -> c.items("id", Limits.MAX_LINKS))
                .ifPresent(
                        items -> items.forEach(item -> buffer(item, ids, links).ifPresent(buffers::add)));
        List<ConveyorSpec> conveyors = new ArrayList<>();
        map.optional("conveyors")
                .flatMap(c -> c.items("id", Limits.MAX_LINKS))
                .ifPresent(items ->
                        items.forEach(item -> link(item, ids, links, conveyors).ifPresent(buffers::add)));
        Optional<TransportSpec> transport =
                map.optional("transport").flatMap(c -> TransportReader.read(c, ids, links, buffers, kinds.keySet()));
        TopologyCheck.check(kinds, links, inputs, routes);
        Map<String, LayoutSpec> layout =
                map.optional("layout").map(c -> layout(c, kinds.keySet())).orElse(Map.of());
        List<ShiftSpec> shifts = map.optional("shifts").map(ShiftReader::read).orElse(List.of());
        if (!shifts.isEmpty()) {
            // Refused rather than run through the off shifts: the chamber has no halt, so results would be wrong.
            kinds.forEach((station, kind) -> kind.filter(k -> k == StationKind.BATCH)
                    .ifPresent(k -> ids.get(station)
                            .peek("kind")
                            .orElse(ids.get(station))
                            .problem(
                                    ProblemCode.KEY_NOT_SUPPORTED_YET,
                                    "a batch station does not follow a shift calendar yet; remove 'shifts' or"
                                            + " model " + station + " as a machine")));
        }
        if (problems.count() > before) {
            return Optional.empty();
        }
        Optional<LineSpec> line = problems.guard(
                lineNode,
                "line",
                () -> LineSpec.builder(id)
                        .products(products)
                        .stations(stations)
                        .buffers(buffers)
                        .layout(layout)
                        .shifts(shifts)
                        .materials(materials)
                        .conveyors(conveyors)
                        .transport(transport)
                        .build());
        line.ifPresent(l -> RunRules.check(l).forEach(v -> {
            YamlCursor item = ids.get(v.subject());
            YamlCursor where = item == null
                    ? at
                    : v.key().isEmpty() ? item : item.peek(v.key()).orElse(item);
            where.problem(code(v.rule()), v.message());
        }));
        if (experiment != null && problems.count() == before) {
            line.ifPresent(l -> blameFastest(l, experiment, ids));
        }
        return problems.count() > before ? Optional.empty() : line;
    }

    /**
     * An experiment that would need more events than the limit, because one station works implausibly fast (a
     * unit mistake like {@code 1e-300s}): reported at that station's time or speed. Otherwise the experiment's
     * length is what to change, and the caller reports it there.
     */
    /** The code of a broken run rule: the compiler makes a new kind of rule choose one. */
    private static ProblemCode code(RunRules.Rule rule) {
        return switch (rule) {
            case LINK -> ProblemCode.TOPOLOGY_LINK;
            case LOOP -> ProblemCode.TOPOLOGY_LOOP;
            case INTERARRIVAL -> ProblemCode.VALUE_OUT_OF_RANGE;
            case UNPACED -> ProblemCode.RUN_UNBOUNDED;
        };
    }

    private static void blameFastest(LineSpec line, ExperimentSpec experiment, Map<String, YamlCursor> ids) {
        EventEstimate estimate = EventEstimate.of(line, experiment);
        if (estimate.withinLimit() || !estimate.fastestIsImplausible()) {
            return;
        }
        StationSpec station = line.station(estimate.fastest()).orElseThrow();
        YamlCursor item = ids.get(station.id());
        YamlCursor where;
        if (station.kind() == StationKind.SOURCE) {
            where = item.peek("interarrival").orElse(item);
        } else if (station.speed() > 1 && station.parameters().containsKey(StationSpec.SPEED)) {
            // At the speed's value itself: for a variant that is the value its set entry wrote.
            YamlCursor speed = item.peek("parameters")
                    .flatMap(p -> p.peek(StationSpec.SPEED))
                    .orElse(item);
            where = speed.isMapping() ? speed.peek("value").orElse(speed) : speed;
        } else {
            where = item.peek("process").orElse(item);
        }
        where.problem(ProblemCode.RUN_TOO_LARGE, estimate.refusal());
    }

    /** Stations and buffers share one id space: both become things of the line's twin. */
    private static boolean unique(Map<String, YamlCursor> ids, String id, YamlCursor item) {
        YamlCursor first = ids.putIfAbsent(id, item);
        if (first == null) {
            return true;
        }
        item.peek("id")
                .orElse(item)
                .problem(ProblemCode.ID_DUPLICATE, "duplicate id '" + id + "' (first used at " + position(first) + ")");
        return false;
    }

    static String position(YamlCursor at) {
        return (at.node().getStartMark().getLine() + 1) + ":"
                + (at.node().getStartMark().getColumn() + 1);
    }

    private static List<ProductSpec> products(YamlCursor at) {
        List<ProductSpec> products = new ArrayList<>();
        Map<String, YamlCursor> ids = new HashMap<>();
        at.items("id")
                .ifPresent(items -> items.forEach(item -> item.mapping().ifPresent(map -> {
                    int before = at.problems().count();
                    map.allow(List.of("id", "mix"));
                    Optional<String> id = map.required("id").flatMap(YamlCursor::id);
                    id.ifPresent(i -> unique(ids, i, item));
                    // Equal shares when no product states its mix.
                    double mix =
                            map.optional("mix").flatMap(YamlCursor::positive).orElse(1.0);
                    if (at.problems().count() == before) {
                        at.problems()
                                .guard(item.node(), item.path(), () -> new ProductSpec(id.get(), mix))
                                .ifPresent(products::add);
                    }
                })));
        return products;
    }

    private static Optional<BufferSpec> buffer(
            YamlCursor at, Map<String, YamlCursor> ids, List<TopologyCheck.Link> links) {
        return link(at, ids, links, null);
    }

    /** A buffer, or with {@code conveyors} given a conveyor (a buffer with travel), added there. */
    private static Optional<BufferSpec> link(
            YamlCursor at, Map<String, YamlCursor> ids, List<TopologyCheck.Link> links, List<ConveyorSpec> conveyors) {
        Optional<MappingReader> mapping = at.mapping();
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        MappingReader map = mapping.get();
        int before = at.problems().count();
        map.allow(conveyors == null ? List.of("id", "from", "to", "capacity") : ConveyorReader.KEYS);
        Optional<String> id = map.required("id").flatMap(YamlCursor::id);
        boolean unique = id.map(i -> unique(ids, i, at)).orElse(false);
        Optional<YamlCursor> fromAt = map.required("from");
        Optional<YamlCursor> toAt = map.required("to");
        Optional<String> from = fromAt.flatMap(YamlCursor::id);
        Optional<String> to = toAt.flatMap(YamlCursor::id);
        Optional<Integer> capacity = conveyors == null
                ? map.required("capacity").flatMap(LineReader::capacity)
                : map.required("capacity").flatMap(c -> c.integer(1, Limits.MAX_CONVEYOR_CAPACITY));
        Optional<ConveyorSpec> conveyor =
                conveyors == null ? Optional.empty() : ConveyorReader.read(at, map, id.orElse(null));
        if (unique && fromAt.isPresent() && toAt.isPresent()) {
            links.add(new TopologyCheck.Link(id.get(), at, from, fromAt.get(), to, toAt.get()));
        }
        // A buffer from a station to itself is reported by the topology check, where the other rules are.
        if (at.problems().count() > before || from.equals(to)) {
            return Optional.empty();
        }
        if (conveyors != null) {
            conveyor.ifPresent(conveyors::add);
        }
        return at.problems()
                .guard(at.node(), at.path(), () -> new BufferSpec(id.get(), from.get(), to.get(), capacity.get()));
    }

    private static Optional<Integer> capacity(YamlCursor at) {
        if (at.isScalar() && at.rawText().equals("unlimited")) {
            return Optional.of(BufferSpec.UNLIMITED);
        }
        if (at.isScalar() && at.rawText().strip().matches("[+-]?\\d{1,9}")) {
            return at.integer(0, Limits.MAX_BUFFER_CAPACITY);
        }
        at.problem(ProblemCode.VALUE_TYPE, "expected a whole number >= 0 or 'unlimited', got " + at.describe());
        return Optional.empty();
    }

    private static Map<String, LayoutSpec> layout(YamlCursor at, Set<String> stations) {
        Map<String, LayoutSpec> layout = new LinkedHashMap<>();
        at.mapping()
                .ifPresent(map -> map.values().forEach((station, place) -> {
                    if (!stations.contains(station)) {
                        map.keyCursor(station)
                                .problem(
                                        ProblemCode.REFERENCE_UNKNOWN_STATION,
                                        "no station '" + station + "'" + Suggestions.hint(station, stations));
                        return;
                    }
                    place.mapping().ifPresent(p -> {
                        int before = at.problems().count();
                        p.allow(List.of("x", "z", "rotation"));
                        double x = p.optional("x").flatMap(YamlCursor::number).orElse(0.0);
                        double z = p.optional("z").flatMap(YamlCursor::number).orElse(0.0);
                        double rotation = p.optional("rotation")
                                .flatMap(YamlCursor::number)
                                .orElse(0.0);
                        if (at.problems().count() == before) {
                            layout.put(station, new LayoutSpec(x, z, rotation));
                        }
                    });
                }));
        return layout;
    }
}
