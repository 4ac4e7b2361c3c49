package io.linetwin.model;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One station of the line. Times are in seconds. For a {@link StationKind#MACHINE} {@code process} is the
 * processing time of one part at speed 1 ({@code processByProduct} overrides it per product); for a
 * {@link StationKind#SOURCE} an empty {@code interarrival} means unlimited supply. {@code consumes}: material id
 * → units taken from the material's store at the start of each operation (a machine's setup or processing of
 * one part). For a {@link StationKind#BATCH} {@code process} is the time of one cycle of a whole load and
 * {@code batch} says when a cycle starts. Build one with {@link #builder(String, StationKind)} (or a factory such as {@link #machine}) and
 * change a copy with {@link #toBuilder()} or a {@code with} method.
 */
public record StationSpec(
        String id,
        StationKind kind,
        int servers,
        Optional<Distribution> process,
        Map<String, Distribution> processByProduct,
        Optional<Distribution> setup,
        List<FailureSpec> failures,
        double scrap,
        Map<String, ParameterSpec> parameters,
        List<String> sensors,
        Optional<Distribution> interarrival,
        OnFull onFull,
        Map<String, Double> consumes,
        List<AssemblyInput> inputs,
        List<RouteSpec> routes,
        Map<String, Map<String, Distribution>> setupMatrix,
        List<PlannedStop> plannedStops,
        Optional<BatchRule> batch) {

    public static final String SPEED = "speed";

    public StationSpec {
        Checks.id("station id", id);
        Objects.requireNonNull(kind, "kind");
        Checks.inRange("station " + id + " servers", 1, Limits.MAX_SERVERS, servers);
        Objects.requireNonNull(process, "process");
        processByProduct = Checks.orderedCopy(processByProduct);
        Objects.requireNonNull(setup, "setup");
        failures = List.copyOf(failures);
        Checks.probability("station " + id + " scrap", scrap);
        if (scrap >= 1) {
            throw new IllegalArgumentException("station " + id + " scrap must be < 1, got " + scrap);
        }
        parameters = Checks.orderedCopy(parameters);
        sensors = List.copyOf(sensors);
        Objects.requireNonNull(interarrival, "interarrival");
        Objects.requireNonNull(onFull, "onFull");
        consumes = Checks.orderedCopy(consumes);
        consumes.forEach((material, units) -> Checks.positive("station " + id + " consumption of " + material, units));
        if (kind.processesParts() && process.isEmpty()) {
            throw new IllegalArgumentException("machine " + id + " needs a process time");
        }
        inputs = List.copyOf(inputs);
        if ((kind == StationKind.ASSEMBLY) == inputs.isEmpty()) {
            throw new IllegalArgumentException("station " + id + " must have inputs exactly when it is an assembly,"
                    + " got " + inputs.size() + " inputs for a " + kind);
        }
        routes = List.copyOf(routes);
        Map<String, Map<String, Distribution>> matrix = new java.util.LinkedHashMap<>();
        setupMatrix.forEach((from, row) -> {
            if (row.containsKey(from)) {
                throw new IllegalArgumentException(
                        "station " + id + " setup matrix must not change " + from + " over to itself, got an entry");
            }
            matrix.put(from, Checks.orderedCopy(row));
        });
        setupMatrix = Checks.orderedCopy(matrix);
        if (routes.stream().map(RouteSpec::byShare).distinct().count() > 1) {
            throw new IllegalArgumentException(
                    "station " + id + " routes must be all by share or all by product, got " + routes);
        }
        if (routes.stream().map(RouteSpec::to).distinct().count() != routes.size()) {
            throw new IllegalArgumentException("station " + id + " routes must go to distinct buffers, got " + routes);
        }
        if (inputs.stream().map(AssemblyInput::from).distinct().count() != inputs.size()) {
            throw new IllegalArgumentException("assembly " + id + " inputs must name distinct sources, got " + inputs);
        }
        ParameterSpec speed = parameters.get(SPEED);
        if (speed != null) {
            Checks.positive("station " + id + " speed", speed.value());
        }
        plannedStops = List.copyOf(plannedStops);
        if (!plannedStops.isEmpty() && !kind.processesParts()) {
            throw new IllegalArgumentException(
                    "station " + id + " planned stops need a machine or assembly, got a " + kind);
        }
        Objects.requireNonNull(batch, "batch");
        if ((kind == StationKind.BATCH) != batch.isPresent()) {
            throw new IllegalArgumentException("station " + id + " must have a batch rule exactly when it is a batch"
                    + " station, got " + (batch.isPresent() ? "one" : "none") + " for a " + kind);
        }
        if (kind == StationKind.BATCH) {
            requireSingleChamber(id, servers, failures, plannedStops, setup, setupMatrix, scrap, consumes, routes);
        }
        Set<String> stopNames = new HashSet<>();
        failures.forEach(f -> stopNames.add(f.name()));
        for (PlannedStop stop : plannedStops) {
            if (!stopNames.add(stop.name())) {
                throw new IllegalArgumentException("station " + id + " failure and planned stop names must be unique,"
                        + " got " + stop.name() + " twice");
            }
        }
    }

    /**
     * A batch station is one chamber that runs whole loads; what it does not model yet is refused rather than
     * ignored, so a scenario never silently loses a failure or a route.
     */
    @SuppressWarnings("TooManyParameters")
    private static void requireSingleChamber(
            String id,
            int servers,
            List<FailureSpec> failures,
            List<PlannedStop> plannedStops,
            Optional<Distribution> setup,
            Map<String, Map<String, Distribution>> setupMatrix,
            double scrap,
            Map<String, Double> consumes,
            List<RouteSpec> routes) {
        List<String> unsupported = new java.util.ArrayList<>();
        if (servers != 1) {
            unsupported.add("servers");
        }
        if (!failures.isEmpty()) {
            unsupported.add("failures");
        }
        if (!plannedStops.isEmpty()) {
            unsupported.add("plannedStops");
        }
        if (setup.isPresent() || !setupMatrix.isEmpty()) {
            unsupported.add("setup");
        }
        if (scrap > 0) {
            unsupported.add("scrap");
        }
        if (!consumes.isEmpty()) {
            unsupported.add("consumes");
        }
        if (!routes.isEmpty()) {
            unsupported.add("routes");
        }
        if (!unsupported.isEmpty()) {
            throw new IllegalArgumentException("batch station " + id + " is one chamber without failures, planned"
                    + " stops, setups, scrap, materials or routes, got " + String.join(", ", unsupported));
        }
    }

    /** A station of {@code kind} with nothing else set: one server, no process, failures, scrap or parameters. */
    public static Builder builder(String id, StationKind kind) {
        return new Builder(id, kind);
    }

    /** A builder holding this station's values, to change some of them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The speed factor that divides processing times (1 when the station has no speed parameter). */
    public double speed() {
        ParameterSpec speed = parameters.get(SPEED);
        return speed == null ? 1.0 : speed.value();
    }

    /**
     * The speed the station is rated for: its speed parameter's {@code max} when one is declared (the fastest the
     * equipment may run), else the speed it is set to. Running below it is Nakajima's reduced-speed loss in OEE.
     */
    public double ratedSpeed() {
        ParameterSpec speed = parameters.get(SPEED);
        if (speed == null) {
            return 1.0;
        }
        return Math.max(speed.value(), speed.max().orElse(speed.value()));
    }

    /** Processing time at speed 1 for {@code product} (its override, else the default). */
    public Optional<Distribution> processFor(String product) {
        Distribution specific = product == null ? null : processByProduct.get(product);
        return specific != null ? Optional.of(specific) : process;
    }

    /** A batch station: one chamber that processes up to {@code rule.size()} parts together in one cycle. */
    public static StationSpec batch(String id, Distribution cycle, BatchRule rule) {
        return builder(id, StationKind.BATCH)
                .process(cycle)
                .batch(Optional.of(rule))
                .build();
    }

    /** A machine with the given processing time and nothing else; handy for tests and generated lines. */
    public static StationSpec machine(String id, Distribution process) {
        return builder(id, StationKind.MACHINE).process(process).build();
    }

    public static StationSpec source(String id, Optional<Distribution> interarrival, OnFull onFull) {
        return builder(id, StationKind.SOURCE)
                .interarrival(interarrival)
                .onFull(onFull)
                .build();
    }

    public static StationSpec sink(String id) {
        return builder(id, StationKind.SINK).build();
    }

    /** An assembly of {@code inputs} per output with the given processing time and nothing else. */
    public static StationSpec assembly(String id, Distribution process, List<AssemblyInput> inputs) {
        return builder(id, StationKind.ASSEMBLY).process(process).inputs(inputs).build();
    }

    public StationSpec withServers(int newServers) {
        return toBuilder().servers(newServers).build();
    }

    public StationSpec withFailures(List<FailureSpec> newFailures) {
        return toBuilder().failures(newFailures).build();
    }

    public StationSpec withPlannedStops(List<PlannedStop> newStops) {
        return toBuilder().plannedStops(newStops).build();
    }

    public StationSpec withScrap(double newScrap) {
        return toBuilder().scrap(newScrap).build();
    }

    public StationSpec withSetup(Optional<Distribution> newSetup) {
        return toBuilder().setup(newSetup).build();
    }

    public StationSpec withParameters(Map<String, ParameterSpec> newParameters) {
        return toBuilder().parameters(newParameters).build();
    }

    public StationSpec withProcess(Distribution newProcess, Map<String, Distribution> newProcessByProduct) {
        return toBuilder()
                .process(newProcess)
                .processByProduct(newProcessByProduct)
                .build();
    }

    public StationSpec withConsumes(Map<String, Double> newConsumes) {
        return toBuilder().consumes(newConsumes).build();
    }

    /** This machine as an assembly of {@code newInputs} per output. */
    public StationSpec asAssembly(List<AssemblyInput> newInputs) {
        return toBuilder().kind(StationKind.ASSEMBLY).inputs(newInputs).build();
    }

    public StationSpec withRoutes(List<RouteSpec> newRoutes) {
        return toBuilder().routes(newRoutes).build();
    }

    public StationSpec withSetupMatrix(Map<String, Map<String, Distribution>> newMatrix) {
        return toBuilder().setupMatrix(newMatrix).build();
    }

    /**
     * The changeover from product {@code from} to {@code to} (different products): the matrix entry, else the
     * plain {@code setup}, else none.
     */
    public Optional<Distribution> setupFor(String from, String to) {
        Distribution specific = setupMatrix.getOrDefault(from, Map.of()).get(to);
        return specific != null ? Optional.of(specific) : setup;
    }

    /** Collects a station's values; {@link #build()} checks them all at once, as the record's constructor does. */
    public static final class Builder {

        private final String id;
        private StationKind kind;
        private int servers = 1;
        private Optional<Distribution> process = Optional.empty();
        private Map<String, Distribution> processByProduct = Map.of();
        private Optional<Distribution> setup = Optional.empty();
        private List<FailureSpec> failures = List.of();
        private double scrap;
        private Map<String, ParameterSpec> parameters = Map.of();
        private List<String> sensors = List.of();
        private Optional<Distribution> interarrival = Optional.empty();
        private OnFull onFull = OnFull.BLOCK;
        private Map<String, Double> consumes = Map.of();
        private List<AssemblyInput> inputs = List.of();
        private List<RouteSpec> routes = List.of();
        private Map<String, Map<String, Distribution>> setupMatrix = Map.of();
        private List<PlannedStop> plannedStops = List.of();
        private Optional<BatchRule> batch = Optional.empty();

        private Builder(String id, StationKind kind) {
            this.id = id;
            this.kind = kind;
        }

        private Builder(StationSpec spec) {
            this(spec.id, spec.kind);
            servers = spec.servers;
            process = spec.process;
            processByProduct = spec.processByProduct;
            setup = spec.setup;
            failures = spec.failures;
            scrap = spec.scrap;
            parameters = spec.parameters;
            sensors = spec.sensors;
            interarrival = spec.interarrival;
            onFull = spec.onFull;
            consumes = spec.consumes;
            inputs = spec.inputs;
            routes = spec.routes;
            setupMatrix = spec.setupMatrix;
            plannedStops = spec.plannedStops;
            batch = spec.batch;
        }

        public Builder kind(StationKind value) {
            kind = value;
            return this;
        }

        public Builder servers(int value) {
            servers = value;
            return this;
        }

        public Builder process(Distribution value) {
            return process(Optional.of(value));
        }

        public Builder process(Optional<Distribution> value) {
            process = value;
            return this;
        }

        public Builder processByProduct(Map<String, Distribution> value) {
            processByProduct = value;
            return this;
        }

        public Builder setup(Optional<Distribution> value) {
            setup = value;
            return this;
        }

        public Builder failures(List<FailureSpec> value) {
            failures = value;
            return this;
        }

        public Builder scrap(double value) {
            scrap = value;
            return this;
        }

        public Builder parameters(Map<String, ParameterSpec> value) {
            parameters = value;
            return this;
        }

        public Builder sensors(List<String> value) {
            sensors = value;
            return this;
        }

        public Builder interarrival(Optional<Distribution> value) {
            interarrival = value;
            return this;
        }

        public Builder onFull(OnFull value) {
            onFull = value;
            return this;
        }

        public Builder consumes(Map<String, Double> value) {
            consumes = value;
            return this;
        }

        public Builder inputs(List<AssemblyInput> value) {
            inputs = value;
            return this;
        }

        public Builder routes(List<RouteSpec> value) {
            routes = value;
            return this;
        }

        public Builder setupMatrix(Map<String, Map<String, Distribution>> value) {
            setupMatrix = value;
            return this;
        }

        public Builder plannedStops(List<PlannedStop> value) {
            plannedStops = value;
            return this;
        }

        public Builder batch(Optional<BatchRule> value) {
            batch = value;
            return this;
        }

        public StationSpec build() {
            return new StationSpec(
                    id,
                    kind,
                    servers,
                    process,
                    processByProduct,
                    setup,
                    failures,
                    scrap,
                    parameters,
                    sensors,
                    interarrival,
                    onFull,
                    consumes,
                    inputs,
                    routes,
                    setupMatrix,
                    plannedStops,
                    batch);
        }
    }
}
