package io.linetwin.app;

import io.linetwin.app.json.InputProblems;
import io.linetwin.app.json.JsonCursor;
import io.linetwin.app.json.JsonTree;
import io.linetwin.model.BufferContents;
import io.linetwin.model.BufferSpec;
import io.linetwin.model.Limits;
import io.linetwin.model.LineSpec;
import io.linetwin.model.LineState;
import io.linetwin.model.MachineCondition;
import io.linetwin.model.PlannedStopState;
import io.linetwin.model.ProductSpec;
import io.linetwin.model.StationSpec;
import io.linetwin.model.StationState;
import io.linetwin.model.StationStatus;
import io.linetwin.scenario.Suggestions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads the {@link LineStateJson} format strictly: unknown keys, duplicate keys, text after the document and
 * values of the wrong type ({@code "abc"} as a counter, {@code 2.7} as a level) are problems, each positioned
 * {@code file:line:column key.path: message}. Given the line, it also checks what it names against it (stations,
 * buffers, products, a level against the buffer's capacity), so the mistake is shown where it is written rather
 * than as a misfit of the whole state.
 */
final class LineStateReader {

    private static final List<String> ROOT_KEYS =
            List.of("capturedAt", "clockSeconds", "stations", "buffers", "parameters", "materialStocks");
    private static final List<String> STATION_KEYS =
            List.of("condition", "currentProduct", "good", "scrap", "servers", "plannedStops");
    private static final List<String> STOP_KEYS = List.of("dueInSeconds", "waitingForPart", "remainingSeconds");
    private static final List<String> BUFFER_KEYS = List.of("byProduct", "sequence");
    private static final Map<StationStatus, List<String>> CONDITION_KEYS = Map.of(
            StationStatus.WORKING, List.of("state", "product", "remainingSeconds"),
            StationStatus.SETUP, List.of("state", "product", "remainingSeconds"),
            StationStatus.BLOCKED, List.of("state", "product"),
            StationStatus.STARVED, List.of("state"),
            StationStatus.OFF_SHIFT, List.of("state"),
            StationStatus.DOWN, List.of("state", "elapsedRepairSeconds", "remainingRepairSeconds", "failure"));

    private final LineSpec line;
    private final InputProblems problems;

    private LineStateReader(LineSpec line, InputProblems problems) {
        this.line = line;
        this.problems = problems;
    }

    /** The state in {@code file}; {@code line} (null: none) is what it must fit. */
    static LineState read(Path file, LineSpec line) throws BadInputException {
        InputProblems problems = new InputProblems(file.toString());
        Optional<LineState> state = JsonTree.read(file, problems)
                .flatMap(root -> new LineStateReader(line, problems).state(new JsonCursor(root, "", problems)));
        if (state.isEmpty() || !problems.isEmpty()) {
            if (problems.isEmpty()) {
                problems.at(1, 1, "", "not a line state");
            }
            throw new BadInputException(problems.lines());
        }
        return state.get();
    }

    private Optional<LineState> state(JsonCursor root) {
        Optional<Map<String, JsonCursor>> fields = root.object(ROOT_KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Map<String, JsonCursor> f = fields.get();
        Optional<Instant> capturedAt = root.required(f, "capturedAt").flatMap(JsonCursor::instant);
        Optional<Double> clock = root.required(f, "clockSeconds")
                .flatMap(c -> c.number(0))
                .filter(seconds -> {
                    if (seconds > Limits.MAX_RUN_SECONDS) {
                        f.get("clockSeconds")
                                .problem("expected at most " + (long) Limits.MAX_RUN_SECONDS
                                        + " seconds (100 years), got "
                                        + f.get("clockSeconds").node().describe());
                        return false;
                    }
                    return true;
                });
        Map<String, StationState> stations = new LinkedHashMap<>();
        entries(f.get("stations")).forEach((id, at) -> station(id, at).ifPresent(s -> stations.put(id, s)));
        Map<String, BufferContents> buffers = new LinkedHashMap<>();
        entries(f.get("buffers")).forEach((id, at) -> buffer(id, at).ifPresent(b -> buffers.put(id, b)));
        Map<String, Map<String, Double>> parameters = new LinkedHashMap<>();
        entries(f.get("parameters")).forEach((id, at) -> {
            requireStation(id, at);
            Map<String, Double> values = new LinkedHashMap<>();
            entries(at).forEach((name, value) -> value.number(-Double.MAX_VALUE).ifPresent(v -> values.put(name, v)));
            parameters.put(id, values);
        });
        Map<String, Double> stocks = new LinkedHashMap<>();
        entries(f.get("materialStocks")).forEach((id, at) -> {
            if (line != null && line.materials().stream().noneMatch(m -> m.id().equals(id))) {
                at.problem("no material '" + id + "' in line '" + line.id() + "'"
                        + Suggestions.hint(
                                id, line.materials().stream().map(m -> m.id()).toList()));
            }
            at.number(0).ifPresent(v -> stocks.put(id, v));
        });
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return guard(
                root,
                () -> new LineState(
                        capturedAt.orElseThrow(), clock.orElseThrow(), stations, buffers, parameters, stocks));
    }

    /** The fields of an object whose keys are ids (any id); absent or null: none. */
    private static Map<String, JsonCursor> entries(JsonCursor at) {
        if (at == null || at.isNull()) {
            return Map.of();
        }
        return at.object(null).orElse(Map.of());
    }

    private Optional<StationState> station(String id, JsonCursor at) {
        requireStation(id, at);
        Optional<Map<String, JsonCursor>> fields = at.object(STATION_KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Map<String, JsonCursor> f = fields.get();
        int before = problems.count();
        Optional<MachineCondition> condition = at.required(f, "condition").flatMap(this::condition);
        Optional<String> current = Optional.ofNullable(f.get("currentProduct")).flatMap(JsonCursor::optionalText);
        Optional.ofNullable(f.get("currentProduct")).ifPresent(c -> current.ifPresent(p -> requireProduct(p, c)));
        long good = Optional.ofNullable(f.get("good"))
                .flatMap(c -> c.whole(0, Long.MAX_VALUE))
                .orElse(0L);
        long scrap = Optional.ofNullable(f.get("scrap"))
                .flatMap(c -> c.whole(0, Long.MAX_VALUE))
                .orElse(0L);
        List<MachineCondition> servers = new ArrayList<>();
        Optional.ofNullable(f.get("servers")).flatMap(JsonCursor::list).ifPresent(items -> {
            int limit = line == null
                    ? Integer.MAX_VALUE
                    : line.station(id).map(StationSpec::servers).orElse(Integer.MAX_VALUE);
            if (items.size() > limit) {
                f.get("servers").problem("station '" + id + "' has " + limit + " servers, got " + items.size());
                return;
            }
            items.forEach(item -> condition(item).ifPresent(servers::add));
        });
        Map<String, PlannedStopState> stops = new LinkedHashMap<>();
        entries(f.get("plannedStops"))
                .forEach((name, stop) -> plannedStop(id, name, stop).ifPresent(state -> stops.put(name, state)));
        if (problems.count() > before) {
            return Optional.empty();
        }
        return guard(at, () -> new StationState(condition.orElseThrow(), current, good, scrap, servers, stops));
    }

    /** {@code {dueInSeconds?, waitingForPart?, remainingSeconds?}}: see {@link PlannedStopState}. */
    private Optional<PlannedStopState> plannedStop(String station, String name, JsonCursor at) {
        Optional<StationSpec> spec = line == null ? Optional.empty() : line.station(station);
        if (spec.isPresent()
                && spec.get().plannedStops().stream().noneMatch(p -> p.name().equals(name))) {
            at.problem("no planned stop '" + name + "' at station '" + station + "'"
                    + Suggestions.hint(
                            name,
                            spec.get().plannedStops().stream()
                                    .map(p -> p.name())
                                    .toList()));
        }
        Optional<Map<String, JsonCursor>> fields = at.object(STOP_KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Map<String, JsonCursor> f = fields.get();
        int before = problems.count();
        double dueIn = Optional.ofNullable(f.get("dueInSeconds"))
                .flatMap(c -> c.number(0))
                .orElse(0.0);
        boolean waiting = Optional.ofNullable(f.get("waitingForPart"))
                .flatMap(JsonCursor::bool)
                .orElse(false);
        OptionalDouble remaining = seconds(f.get("remainingSeconds"));
        if (problems.count() > before) {
            return Optional.empty();
        }
        return guard(at, () -> new PlannedStopState(dueIn, waiting, remaining));
    }

    private Optional<MachineCondition> condition(JsonCursor at) {
        Optional<Map<String, JsonCursor>> any = at.object(null);
        if (any.isEmpty()) {
            return Optional.empty();
        }
        Optional<StationStatus> state = at.required(any.get(), "state")
                .flatMap(c -> c.choice(StationStatus.jsonNames()))
                .flatMap(StationStatus::ofJson);
        if (state.isEmpty()) {
            return Optional.empty();
        }
        Map<String, JsonCursor> f = at.object(CONDITION_KEYS.get(state.get())).orElseThrow();
        int before = problems.count();
        Optional<String> product = Optional.ofNullable(f.get("product")).flatMap(JsonCursor::optionalText);
        Optional.ofNullable(f.get("product")).ifPresent(c -> product.ifPresent(p -> requireProduct(p, c)));
        OptionalDouble remaining = seconds(f.get("remainingSeconds"));
        OptionalDouble remainingRepair = seconds(f.get("remainingRepairSeconds"));
        Optional<Double> elapsed = state.get() == StationStatus.DOWN
                ? at.required(f, "elapsedRepairSeconds").flatMap(c -> c.number(0))
                : Optional.of(0.0);
        Optional<String> failure = Optional.ofNullable(f.get("failure")).flatMap(JsonCursor::optionalText);
        if (problems.count() > before) {
            return Optional.empty();
        }
        OptionalDouble left = state.get() == StationStatus.DOWN ? remainingRepair : remaining;
        return guard(at, () -> MachineCondition.of(state.get(), product, left, elapsed.orElseThrow(), failure));
    }

    private static OptionalDouble seconds(JsonCursor at) {
        if (at == null || at.isNull()) {
            return OptionalDouble.empty();
        }
        return at.number(0).map(OptionalDouble::of).orElse(OptionalDouble.empty());
    }

    private Optional<BufferContents> buffer(String id, JsonCursor at) {
        Optional<BufferSpec> spec = line == null ? Optional.empty() : line.buffer(id);
        if (line != null && spec.isEmpty()) {
            at.problem("no buffer, conveyor or AGV move '" + id + "' in line '" + line.id() + "'"
                    + Suggestions.hint(
                            id, line.buffers().stream().map(BufferSpec::id).toList()));
        }
        Optional<Map<String, JsonCursor>> fields = at.object(BUFFER_KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        int before = problems.count();
        Map<String, Integer> byProduct = new LinkedHashMap<>();
        long total = 0;
        for (Map.Entry<String, JsonCursor> count :
                entries(fields.get().get("byProduct")).entrySet()) {
            requireProduct(count.getKey(), count.getValue());
            Optional<Long> parts = count.getValue().whole(0, Integer.MAX_VALUE);
            if (parts.isPresent()) {
                byProduct.put(count.getKey(), parts.get().intValue());
                total += parts.get();
            }
        }
        if (spec.isPresent() && !spec.get().unlimited() && total > spec.get().capacity()) {
            Optional.ofNullable(fields.get().get("byProduct"))
                    .orElse(at)
                    .problem("buffer '" + id + "' holds at most " + spec.get().capacity() + " parts, got " + total);
        }
        List<String> sequence = new ArrayList<>();
        Optional.ofNullable(fields.get().get("sequence"))
                .flatMap(JsonCursor::list)
                .ifPresent(items -> items.forEach(item -> item.text().ifPresent(sequence::add)));
        if (problems.count() > before) {
            return Optional.empty();
        }
        return guard(at, () -> new BufferContents(byProduct, sequence));
    }

    private void requireStation(String id, JsonCursor at) {
        if (line != null && line.station(id).isEmpty()) {
            at.problem("no station '" + id + "' in line '" + line.id() + "'"
                    + Suggestions.hint(
                            id, line.stations().stream().map(StationSpec::id).toList()));
        }
    }

    private void requireProduct(String product, JsonCursor at) {
        if (line == null) {
            return;
        }
        Set<String> products = line.products().isEmpty()
                ? Set.of("")
                : Set.copyOf(line.products().stream().map(ProductSpec::id).toList());
        if (!products.contains(product)) {
            at.problem("no product '" + product + "' in line '" + line.id() + "'"
                    + (line.products().isEmpty()
                            ? " (it makes one anonymous product, \"\")"
                            : Suggestions.hint(product, products)));
        }
    }

    /** Turns a record's refusal (its checks at birth) into a problem at the value. */
    private static <T> Optional<T> guard(JsonCursor at, Supplier<T> build) {
        try {
            return Optional.of(build.get());
        } catch (IllegalArgumentException e) {
            at.problem(e.getMessage());
            return Optional.empty();
        }
    }
}
