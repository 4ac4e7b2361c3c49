package io.linetwin.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One station of the line. Times are in seconds. For a {@link StationKind#MACHINE} {@code process} is the
 * processing time of one part at speed 1 ({@code processByProduct} overrides it per product); for a
 * {@link StationKind#SOURCE} an empty {@code interarrival} means unlimited supply. {@code consumes}: material id
 * → units taken from the material's store at the start of each operation (a machine's setup or processing of
 * one part).
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
        Map<String, Map<String, Distribution>> setupMatrix) {

    public static final String SPEED = "speed";

    public StationSpec {
        Checks.id("station id", id);
        Objects.requireNonNull(kind, "kind");
        Checks.atLeast("station " + id + " servers", 1, servers);
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
        consumes.forEach((material, units) -> Checks.positive("station " + id + " consumption of " + material,
                units));
        if ((kind == StationKind.MACHINE || kind == StationKind.ASSEMBLY) && process.isEmpty()) {
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
                throw new IllegalArgumentException("station " + id + " setup matrix must not change " + from
                        + " over to itself, got an entry");
            }
            matrix.put(from, Checks.orderedCopy(row));
        });
        setupMatrix = Checks.orderedCopy(matrix);
        if (routes.stream().map(RouteSpec::byShare).distinct().count() > 1) {
            throw new IllegalArgumentException("station " + id + " routes must be all by share or all by product, got "
                    + routes);
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
    }

    /** A station that consumes no materials. */
    public StationSpec(String id, StationKind kind, int servers, Optional<Distribution> process,
            Map<String, Distribution> processByProduct, Optional<Distribution> setup, List<FailureSpec> failures,
            double scrap, Map<String, ParameterSpec> parameters, List<String> sensors,
            Optional<Distribution> interarrival, OnFull onFull) {
        this(id, kind, servers, process, processByProduct, setup, failures, scrap, parameters, sensors, interarrival,
                onFull, Map.of(), List.of(), List.of());
    }

    /** A station that is no assembly. */
    public StationSpec(String id, StationKind kind, int servers, Optional<Distribution> process,
            Map<String, Distribution> processByProduct, Optional<Distribution> setup, List<FailureSpec> failures,
            double scrap, Map<String, ParameterSpec> parameters, List<String> sensors,
            Optional<Distribution> interarrival, OnFull onFull, Map<String, Double> consumes) {
        this(id, kind, servers, process, processByProduct, setup, failures, scrap, parameters, sensors, interarrival,
                onFull, consumes, List.of(), List.of());
    }

    /** A station whose setups, if any, do not depend on the pair of products. */
    public StationSpec(String id, StationKind kind, int servers, Optional<Distribution> process,
            Map<String, Distribution> processByProduct, Optional<Distribution> setup, List<FailureSpec> failures,
            double scrap, Map<String, ParameterSpec> parameters, List<String> sensors,
            Optional<Distribution> interarrival, OnFull onFull, Map<String, Double> consumes,
            List<AssemblyInput> inputs, List<RouteSpec> routes) {
        this(id, kind, servers, process, processByProduct, setup, failures, scrap, parameters, sensors, interarrival,
                onFull, consumes, inputs, routes, Map.of());
    }

    /** A station with at most one outbound buffer (no routes). */
    public StationSpec(String id, StationKind kind, int servers, Optional<Distribution> process,
            Map<String, Distribution> processByProduct, Optional<Distribution> setup, List<FailureSpec> failures,
            double scrap, Map<String, ParameterSpec> parameters, List<String> sensors,
            Optional<Distribution> interarrival, OnFull onFull, Map<String, Double> consumes,
            List<AssemblyInput> inputs) {
        this(id, kind, servers, process, processByProduct, setup, failures, scrap, parameters, sensors, interarrival,
                onFull, consumes, inputs, List.of());
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

    /** A machine with the given processing time and nothing else; handy for tests and generated lines. */
    public static StationSpec machine(String id, Distribution process) {
        return new StationSpec(id, StationKind.MACHINE, 1, Optional.of(process), Map.of(), Optional.empty(),
                List.of(), 0, Map.of(), List.of(), Optional.empty(), OnFull.BLOCK);
    }

    public static StationSpec source(String id, Optional<Distribution> interarrival, OnFull onFull) {
        return new StationSpec(id, StationKind.SOURCE, 1, Optional.empty(), Map.of(), Optional.empty(),
                List.of(), 0, Map.of(), List.of(), interarrival, onFull);
    }

    public static StationSpec sink(String id) {
        return new StationSpec(id, StationKind.SINK, 1, Optional.empty(), Map.of(), Optional.empty(),
                List.of(), 0, Map.of(), List.of(), Optional.empty(), OnFull.BLOCK);
    }

    public StationSpec withServers(int newServers) {
        return new StationSpec(id, kind, newServers, process, processByProduct, setup, failures, scrap, parameters,
                sensors, interarrival, onFull, consumes, inputs, routes, setupMatrix);
    }

    public StationSpec withFailures(List<FailureSpec> newFailures) {
        return new StationSpec(id, kind, servers, process, processByProduct, setup, newFailures, scrap, parameters,
                sensors, interarrival, onFull, consumes, inputs, routes, setupMatrix);
    }

    public StationSpec withScrap(double newScrap) {
        return new StationSpec(id, kind, servers, process, processByProduct, setup, failures, newScrap, parameters,
                sensors, interarrival, onFull, consumes, inputs, routes, setupMatrix);
    }

    public StationSpec withSetup(Optional<Distribution> newSetup) {
        return new StationSpec(id, kind, servers, process, processByProduct, newSetup, failures, scrap, parameters,
                sensors, interarrival, onFull, consumes, inputs, routes, setupMatrix);
    }

    public StationSpec withParameters(Map<String, ParameterSpec> newParameters) {
        return new StationSpec(id, kind, servers, process, processByProduct, setup, failures, scrap, newParameters,
                sensors, interarrival, onFull, consumes, inputs, routes, setupMatrix);
    }

    public StationSpec withProcess(Distribution newProcess, Map<String, Distribution> newProcessByProduct) {
        return new StationSpec(id, kind, servers, Optional.of(newProcess), newProcessByProduct, setup, failures, scrap,
                parameters, sensors, interarrival, onFull, consumes, inputs, routes, setupMatrix);
    }

    public StationSpec withConsumes(Map<String, Double> newConsumes) {
        return new StationSpec(id, kind, servers, process, processByProduct, setup, failures, scrap, parameters,
                sensors, interarrival, onFull, newConsumes, inputs, routes, setupMatrix);
    }

    /** An assembly of {@code inputs} per output with the given processing time and nothing else. */
    public static StationSpec assembly(String id, Distribution process, List<AssemblyInput> inputs) {
        return new StationSpec(id, StationKind.ASSEMBLY, 1, Optional.of(process), Map.of(), Optional.empty(),
                List.of(), 0, Map.of(), List.of(), Optional.empty(), OnFull.BLOCK, Map.of(), inputs, List.of());
    }

    /** This machine as an assembly of {@code newInputs} per output. */
    public StationSpec asAssembly(List<AssemblyInput> newInputs) {
        return new StationSpec(id, StationKind.ASSEMBLY, servers, process, processByProduct, setup, failures, scrap,
                parameters, sensors, interarrival, onFull, consumes, newInputs, routes, setupMatrix);
    }

    public StationSpec withRoutes(List<RouteSpec> newRoutes) {
        return new StationSpec(id, kind, servers, process, processByProduct, setup, failures, scrap, parameters,
                sensors, interarrival, onFull, consumes, inputs, newRoutes, setupMatrix);
    }

    public StationSpec withSetupMatrix(Map<String, Map<String, Distribution>> newMatrix) {
        return new StationSpec(id, kind, servers, process, processByProduct, setup, failures, scrap, parameters,
                sensors, interarrival, onFull, consumes, inputs, routes, newMatrix);
    }

    /**
     * The changeover from product {@code from} to {@code to} (different products): the matrix entry, else the
     * plain {@code setup}, else none.
     */
    public Optional<Distribution> setupFor(String from, String to) {
        Distribution specific = setupMatrix.getOrDefault(from, Map.of()).get(to);
        return specific != null ? Optional.of(specific) : setup;
    }
}
