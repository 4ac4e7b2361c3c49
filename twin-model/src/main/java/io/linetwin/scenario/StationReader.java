package io.linetwin.scenario;

import io.linetwin.model.AssemblyInput;
import io.linetwin.model.BatchRule;
import io.linetwin.model.Distribution;
import io.linetwin.model.FailureBasis;
import io.linetwin.model.FailureSpec;
import io.linetwin.model.Limits;
import io.linetwin.model.OnFull;
import io.linetwin.model.ParameterSpec;
import io.linetwin.model.PlannedStop;
import io.linetwin.model.RouteSpec;
import io.linetwin.model.StationKind;
import io.linetwin.model.StationSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/** Reads one station; the keys it takes depend on its kind. */
final class StationReader {

    private static final List<String> SOURCE_KEYS =
            List.of("id", "kind", "supply", "interarrival", "onFull", "parameters", "sensors");
    private static final List<String> MACHINE_KEYS = List.of(
            "id",
            "kind",
            "servers",
            "process",
            "processBy",
            "setup",
            "failures",
            "plannedStops",
            "scrap",
            "parameters",
            "sensors",
            "consumes",
            "routes",
            "setupMatrix");
    private static final List<String> ASSEMBLY_KEYS = List.of(
            "id",
            "kind",
            "inputs",
            "servers",
            "process",
            "processBy",
            "setup",
            "setupMatrix",
            "failures",
            "plannedStops",
            "scrap",
            "parameters",
            "sensors",
            "consumes",
            "routes");
    private static final List<String> SINK_KEYS = List.of("id", "kind", "sensors");
    private static final List<String> BATCH_KEYS =
            List.of("id", "kind", "batchSize", "maxWait", "process", "processBy", "parameters", "sensors");
    private static final List<String> ALL_KEYS;
    private static final List<String> KINDS = List.of("source", "machine", "assembly", "sink", "batch");

    static {
        Set<String> all = new LinkedHashSet<>(ASSEMBLY_KEYS);
        all.addAll(SOURCE_KEYS);
        all.addAll(BATCH_KEYS);
        ALL_KEYS = List.copyOf(all);
    }

    /**
     * What topology checks need even when the station itself has problems; {@code inputs}: an assembly's input
     * names with where they were written.
     */
    record Read(
            String id,
            Optional<StationKind> kind,
            Optional<StationSpec> spec,
            YamlCursor at,
            Map<String, YamlCursor> inputs,
            Map<String, YamlCursor> routes,
            boolean routesByShare) {}

    private StationReader() {}

    static Read read(YamlCursor at, Set<String> products, Set<String> materials) {
        Optional<MappingReader> mapping = at.mapping();
        if (mapping.isEmpty()) {
            return new Read(null, Optional.empty(), Optional.empty(), at, Map.of(), Map.of(), false);
        }
        MappingReader map = mapping.get();
        int before = at.problems().count();
        map.allow(ALL_KEYS);
        String id = map.required("id").flatMap(YamlCursor::id).orElse(null);
        Optional<StationKind> kind = map.required("kind").flatMap(StationReader::kind);
        kind.ifPresent(k -> rejectKeysOfOtherKinds(map, k));
        int servers = map.optional("servers")
                .flatMap(c -> c.integer(1, Limits.MAX_SERVERS))
                .orElse(1);
        boolean processes = kind.filter(StationKind::processesParts).isPresent();
        Optional<Distribution> process = processes
                ? map.required(
                                "process",
                                ProblemCode.STATION_PROCESS_MISSING,
                                "required for a " + kind.get().name().toLowerCase(java.util.Locale.ROOT) + ", missing")
                        .flatMap(DistributionReader::read)
                : Optional.empty();
        Map<String, YamlCursor> inputKeys = new LinkedHashMap<>();
        List<AssemblyInput> inputs = kind.filter(k -> k == StationKind.ASSEMBLY).isPresent()
                ? map.required("inputs", ProblemCode.STATION_INPUTS_MISSING, "required for an assembly, missing")
                        .map(c -> inputs(c, inputKeys))
                        .orElse(List.of())
                : List.of();
        Map<String, Distribution> processBy =
                map.optional("processBy").map(c -> processBy(c, products)).orElse(Map.of());
        Optional<Distribution> setup = map.optional("setup").flatMap(DistributionReader::read);
        Map<String, Map<String, Distribution>> setupMatrix =
                map.optional("setupMatrix").map(c -> setupMatrix(c, products)).orElse(Map.of());
        List<FailureSpec> failures = map.optional("failures")
                .map(c -> failures(c, FailureBasis.OPERATING))
                .orElse(List.of());
        Set<String> failureNames = new HashSet<>();
        failures.forEach(f -> failureNames.add(f.name()));
        List<PlannedStop> plannedStops = map.optional("plannedStops")
                .map(c -> plannedStops(c, failureNames))
                .orElse(List.of());
        double scrap =
                map.optional("scrap").flatMap(c -> c.number(0, true, 1, false)).orElse(0.0);
        Map<String, ParameterSpec> parameters =
                map.optional("parameters").map(StationReader::parameters).orElse(Map.of());
        List<String> sensors =
                map.optional("sensors").map(StationReader::sensors).orElse(List.of());
        Map<String, Double> consumes =
                map.optional("consumes").map(c -> consumes(c, materials)).orElse(Map.of());
        Map<String, YamlCursor> routeKeys = new LinkedHashMap<>();
        List<RouteSpec> routes = map.optional("routes")
                .map(c -> RouteReader.read(c, products, routeKeys))
                .orElse(List.of());
        boolean byShare = !routes.isEmpty() && routes.get(0).byShare();
        Optional<Distribution> interarrival =
                kind.filter(k -> k == StationKind.SOURCE).isPresent() ? supply(map) : Optional.empty();
        Optional<BatchRule> batch =
                kind.filter(k -> k == StationKind.BATCH).isPresent() ? batchRule(map) : Optional.empty();
        OnFull onFull = map.optional("onFull")
                .flatMap(c -> c.choice(List.of("block", "drop")))
                .map(s -> s.equals("drop") ? OnFull.DROP : OnFull.BLOCK)
                .orElse(OnFull.BLOCK);
        if (at.problems().count() > before || id == null || kind.isEmpty()) {
            return new Read(id, kind, Optional.empty(), at, inputKeys, routeKeys, byShare);
        }
        Optional<StationSpec> spec = at.problems()
                .guard(
                        at.node(),
                        at.path(),
                        () -> StationSpec.builder(id, kind.get())
                                .servers(servers)
                                .process(process)
                                .processByProduct(processBy)
                                .setup(setup)
                                .failures(failures)
                                .scrap(scrap)
                                .parameters(parameters)
                                .sensors(sensors)
                                .interarrival(interarrival)
                                .onFull(onFull)
                                .consumes(consumes)
                                .inputs(inputs)
                                .routes(routes)
                                .setupMatrix(setupMatrix)
                                .plannedStops(plannedStops)
                                .batch(batch)
                                .build());
        return new Read(id, kind, spec, at, inputKeys, routeKeys, byShare);
    }

    private static Optional<StationKind> kind(YamlCursor at) {
        return at.choice(KINDS).map(k -> StationKind.valueOf(k.toUpperCase(java.util.Locale.ROOT)));
    }

    private static void rejectKeysOfOtherKinds(MappingReader map, StationKind kind) {
        List<String> own = switch (kind) {
            case SOURCE -> SOURCE_KEYS;
            case MACHINE -> MACHINE_KEYS;
            case SINK -> SINK_KEYS;
            case ASSEMBLY -> ASSEMBLY_KEYS;
            case BATCH -> BATCH_KEYS;
        };
        String name = kind.name().toLowerCase(java.util.Locale.ROOT);
        for (String key : map.keys()) {
            if (ALL_KEYS.contains(key) && !own.contains(key)) {
                map.keyCursor(key)
                        .problem(
                                ProblemCode.KEY_NOT_APPLICABLE,
                                "'" + key + "' does not apply to a " + name + " (a " + name + " takes "
                                        + String.join(", ", own) + ")");
            }
        }
    }

    /** {@code batchSize} (required) and {@code maxWait} (optional): when a batch station starts its cycle. */
    private static Optional<BatchRule> batchRule(MappingReader map) {
        Optional<Integer> size = map.required("batchSize", ProblemCode.KEY_MISSING, "required for a batch, missing")
                .flatMap(c -> c.integer(1, BatchRule.MAX_SIZE));
        OptionalDouble maxWait = map.optional("maxWait")
                .flatMap(YamlCursor::positiveDuration)
                .map(OptionalDouble::of)
                .orElse(OptionalDouble.empty());
        return size.map(n -> new BatchRule(n, maxWait));
    }

    /** Exactly one of {@code supply: unlimited} and {@code interarrival}: empty interarrival means unlimited. */
    private static Optional<Distribution> supply(MappingReader map) {
        boolean hasSupply = map.has("supply");
        boolean hasInterarrival = map.has("interarrival");
        if (hasSupply && hasInterarrival) {
            map.keyCursor("interarrival")
                    .problem(
                            ProblemCode.KEY_CONFLICT,
                            "a source takes either 'supply: unlimited' or 'interarrival', " + "got both");
            return Optional.empty();
        }
        if (!hasSupply && !hasInterarrival) {
            map.self()
                    .problem(
                            ProblemCode.KEY_CONFLICT,
                            "a source needs 'supply: unlimited' or 'interarrival', got neither");
            return Optional.empty();
        }
        if (hasSupply) {
            map.optional("supply").ifPresent(c -> c.choice(List.of("unlimited")));
            return Optional.empty();
        }
        return map.optional("interarrival").flatMap(DistributionReader::read);
    }

    /** {@code {from: {to: distribution}}}: changeover times between two different declared products. */
    private static Map<String, Map<String, Distribution>> setupMatrix(YamlCursor at, Set<String> products) {
        Map<String, Map<String, Distribution>> matrix = new LinkedHashMap<>();
        at.mapping()
                .ifPresent(map -> map.values().forEach((from, row) -> {
                    if (!products.contains(from)) {
                        map.keyCursor(from)
                                .problem(
                                        ProblemCode.REFERENCE_UNKNOWN_PRODUCT,
                                        "no product '" + from + "'"
                                                + (products.isEmpty()
                                                        ? "; the line declares no products"
                                                        : Suggestions.hint(from, products)));
                        return;
                    }
                    row.mapping()
                            .ifPresent(cells -> cells.values().forEach((to, value) -> {
                                if (!products.contains(to)) {
                                    cells.keyCursor(to)
                                            .problem(
                                                    ProblemCode.REFERENCE_UNKNOWN_PRODUCT,
                                                    "no product '" + to + "'" + Suggestions.hint(to, products));
                                } else if (to.equals(from)) {
                                    cells.keyCursor(to)
                                            .problem(
                                                    ProblemCode.VALUE_INVALID,
                                                    "a changeover needs two different products, got '" + to
                                                            + "' twice");
                                } else {
                                    DistributionReader.read(value)
                                            .ifPresent(d -> matrix.computeIfAbsent(from, f -> new LinkedHashMap<>())
                                                    .put(to, d));
                                }
                            }));
                }));
        return matrix;
    }

    private static Map<String, Distribution> processBy(YamlCursor at, Set<String> products) {
        Map<String, Distribution> byProduct = new LinkedHashMap<>();
        at.mapping()
                .ifPresent(map -> map.values().forEach((product, value) -> {
                    if (!products.contains(product)) {
                        String hint = products.isEmpty()
                                ? "; the line declares no products"
                                : Suggestions.hint(product, products);
                        map.keyCursor(product)
                                .problem(ProblemCode.REFERENCE_UNKNOWN_PRODUCT, "no product '" + product + "'" + hint);
                        return;
                    }
                    DistributionReader.read(value).ifPresent(d -> byProduct.put(product, d));
                }));
        return byProduct;
    }

    /** {@code {source: count}}: the keys are checked against the inbound buffers once those are read. */
    private static List<AssemblyInput> inputs(YamlCursor at, Map<String, YamlCursor> keys) {
        List<AssemblyInput> inputs = new ArrayList<>();
        at.mapping().ifPresent(map -> {
            if (map.keys().isEmpty()) {
                at.problem(ProblemCode.VALUE_EMPTY, "expected at least one input like { capper: 12 }, got none");
            }
            map.values().forEach((source, value) -> {
                keys.put(source, map.keyCursor(source));
                value.integer(1, Limits.MAX_INPUT_COUNT)
                        .ifPresent(count -> inputs.add(new AssemblyInput(source, count)));
            });
        });
        return inputs;
    }

    private static Map<String, Double> consumes(YamlCursor at, Set<String> materials) {
        Map<String, Double> consumes = new LinkedHashMap<>();
        at.mapping()
                .ifPresent(map -> map.values().forEach((material, value) -> {
                    if (!materials.contains(material)) {
                        String hint = materials.isEmpty()
                                ? "; the line declares no materials"
                                : Suggestions.hint(material, materials);
                        map.keyCursor(material)
                                .problem(
                                        ProblemCode.REFERENCE_UNKNOWN_MATERIAL,
                                        "no material '" + material + "'" + hint);
                        return;
                    }
                    value.positive().ifPresent(units -> consumes.put(material, units));
                }));
        return consumes;
    }

    /** Failure modes; a mode without {@code basis} runs on {@code defaultBasis}. */
    static List<FailureSpec> failures(YamlCursor at, FailureBasis defaultBasis) {
        List<FailureSpec> failures = new ArrayList<>();
        Set<String> names = new HashSet<>();
        at.items("name")
                .ifPresent(items -> items.forEach(item -> item.mapping().ifPresent(map -> {
                    int before = at.problems().count();
                    map.allow(List.of("name", "mtbf", "mttr", "basis"));
                    Optional<String> name = map.required("name").flatMap(YamlCursor::id);
                    name.filter(n -> !names.add(n))
                            .ifPresent(n -> map.optional("name")
                                    .orElseThrow()
                                    .problem(ProblemCode.ID_DUPLICATE, "duplicate failure name '" + n + "'"));
                    Optional<Distribution> mtbf = map.required("mtbf").flatMap(DistributionReader::read);
                    Optional<Distribution> mttr = map.required("mttr").flatMap(DistributionReader::read);
                    FailureBasis basis =
                            map.optional("basis").flatMap(StationReader::basis).orElse(defaultBasis);
                    if (at.problems().count() == before) {
                        at.problems()
                                .guard(
                                        item.node(),
                                        item.path(),
                                        () -> new FailureSpec(name.get(), mtbf.get(), mttr.get(), basis))
                                .ifPresent(failures::add);
                    }
                })));
        return failures;
    }

    /**
     * {@code [{name, at | every, duration, finishPart}]}: {@code at} a time from t = 0, {@code every} an interval
     * of working time; names unique among the station's failures and planned stops.
     */
    private static List<PlannedStop> plannedStops(YamlCursor at, Set<String> failureNames) {
        List<PlannedStop> stops = new ArrayList<>();
        Set<String> names = new HashSet<>();
        at.items("name")
                .ifPresent(items -> items.forEach(item -> item.mapping().ifPresent(map -> {
                    int before = at.problems().count();
                    map.allow(List.of("name", "at", "every", "duration", "finishPart"));
                    Optional<String> name = map.required("name").flatMap(YamlCursor::id);
                    name.filter(n -> failureNames.contains(n) || !names.add(n))
                            .ifPresent(n -> map.optional("name")
                                    .orElseThrow()
                                    .problem(
                                            ProblemCode.ID_DUPLICATE,
                                            "duplicate name '" + n + "' (a station's failures and planned stops "
                                                    + "share one list of names)"));
                    Optional<PlannedStop.Trigger> trigger = trigger(map);
                    Optional<Double> duration = map.required("duration").flatMap(YamlCursor::positiveDuration);
                    boolean finishPart = map.optional("finishPart")
                            .flatMap(c -> c.choice(List.of("true", "false")))
                            .map(Boolean::parseBoolean)
                            .orElse(false);
                    if (at.problems().count() == before) {
                        at.problems()
                                .guard(
                                        item.node(),
                                        item.path(),
                                        () -> new PlannedStop(name.get(), trigger.get(), duration.get(), finishPart))
                                .ifPresent(stops::add);
                    }
                })));
        return stops;
    }

    /** Exactly one of {@code at} (a time from t = 0) and {@code every} (working time between stops). */
    private static Optional<PlannedStop.Trigger> trigger(MappingReader map) {
        boolean hasAt = map.has("at");
        boolean hasEvery = map.has("every");
        if (hasAt == hasEvery) {
            (hasAt ? map.keyCursor("every") : map.self())
                    .problem(
                            ProblemCode.KEY_CONFLICT,
                            "a planned stop takes either 'at' (a time from "
                                    + "the start, like 3d) or 'every' (working time between stops, like 160h), got "
                                    + (hasAt ? "both" : "neither"));
            return Optional.empty();
        }
        if (hasAt) {
            return map.optional("at")
                    .flatMap(c -> c.duration(Limits.MAX_RUN_SECONDS))
                    .map(PlannedStop.At::new);
        }
        return map.optional("every").flatMap(YamlCursor::positiveDuration).map(PlannedStop.Every::new);
    }

    /** {@code calendar} is the earlier name of {@code uptime}, kept so older files load unchanged. */
    private static Optional<FailureBasis> basis(YamlCursor at) {
        return at.choice(List.of("operating", "uptime", "wall", "calendar")).map(b -> switch (b) {
            case "operating" -> FailureBasis.OPERATING;
            case "wall" -> FailureBasis.WALL;
            default -> FailureBasis.UP_TIME;
        });
    }

    private static Map<String, ParameterSpec> parameters(YamlCursor at) {
        Map<String, ParameterSpec> parameters = new LinkedHashMap<>();
        at.mapping()
                .ifPresent(map -> map.values()
                        .forEach((name, value) -> parameter(value, name).ifPresent(p -> parameters.put(name, p))));
        return parameters;
    }

    /** A bare number is the value; limits are checked at the value, where a variant's new value sits. */
    private static Optional<ParameterSpec> parameter(YamlCursor at, String name) {
        if (!at.isMapping()) {
            Optional<Double> value = at.number();
            if (value.isPresent() && name.equals(StationSpec.SPEED) && value.get() <= 0) {
                at.problem(ProblemCode.VALUE_OUT_OF_RANGE, "expected a speed > 0, got " + at.describe());
                return Optional.empty();
            }
            return value.map(ParameterSpec::of);
        }
        MappingReader map = at.mapping().orElseThrow();
        int before = at.problems().count();
        map.allow(List.of("value", "min", "max", "maxStep"));
        OptionalDouble min = optionalNumber(map, "min");
        OptionalDouble max = optionalNumber(map, "max");
        OptionalDouble maxStep = map.optional("maxStep")
                .flatMap(YamlCursor::positive)
                .map(OptionalDouble::of)
                .orElse(OptionalDouble.empty());
        if (min.isPresent() && max.isPresent() && min.getAsDouble() > max.getAsDouble()) {
            map.optional("max")
                    .orElseThrow()
                    .problem(
                            ProblemCode.VALUE_OUT_OF_RANGE,
                            "expected max >= min " + min.getAsDouble() + ", got "
                                    + map.optional("max").orElseThrow().describe());
        }
        Optional<YamlCursor> valueAt = map.required("value");
        Optional<Double> value = valueAt.flatMap(YamlCursor::number);
        if (value.isPresent()) {
            double v = value.get();
            YamlCursor where = valueAt.get();
            if (min.isPresent() && v < min.getAsDouble()) {
                where.problem(
                        ProblemCode.VALUE_OUT_OF_RANGE,
                        "expected a value >= min " + min.getAsDouble() + ", got " + where.describe());
            } else if (max.isPresent() && v > max.getAsDouble()) {
                where.problem(
                        ProblemCode.VALUE_OUT_OF_RANGE,
                        "expected a value <= max " + max.getAsDouble() + ", got " + where.describe());
            } else if (name.equals(StationSpec.SPEED) && v <= 0) {
                where.problem(ProblemCode.VALUE_OUT_OF_RANGE, "expected a speed > 0, got " + where.describe());
            }
        }
        if (at.problems().count() > before) {
            return Optional.empty();
        }
        return at.problems().guard(at.node(), at.path(), () -> new ParameterSpec(value.get(), min, max, maxStep));
    }

    private static OptionalDouble optionalNumber(MappingReader map, String key) {
        return map.optional(key)
                .flatMap(YamlCursor::number)
                .map(OptionalDouble::of)
                .orElse(OptionalDouble.empty());
    }

    private static List<String> sensors(YamlCursor at) {
        List<String> sensors = new ArrayList<>();
        at.items("").ifPresent(items -> items.forEach(item -> item.id().ifPresent(sensors::add)));
        return sensors;
    }
}
