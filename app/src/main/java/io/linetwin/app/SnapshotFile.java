package io.linetwin.app;

import io.linetwin.app.json.InputProblems;
import io.linetwin.app.json.JsonCursor;
import io.linetwin.app.json.JsonTree;
import io.linetwin.model.LineSpec;
import io.linetwin.model.ProductSpec;
import io.linetwin.scenario.Suggestions;
import io.linetwin.twin.EquipmentDescriptor;
import io.linetwin.twin.EquipmentKind;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.LineDescriptors;
import io.linetwin.twin.RulReadings;
import io.linetwin.twin.Snapshot;
import io.linetwin.twin.TwinFeatures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.things.model.ThingId;

/**
 * A twin snapshot file ({@code linetwin/twin-snapshot/v1}, see {@code twin-sync/README.md}) read for a warm start
 * or a picture of one line. Read strictly and checked against the scenario's line before Ditto's model reads it,
 * because the mapping to a line state quietly skips what it does not recognise: a snapshot of another line would
 * give cold-start numbers, a counter {@code "abc"} would read as 0, a level {@code 2.7} as 2. Every problem is
 * positioned {@code file:line:column key.path: message}:
 * <ul>
 * <li>the document: strict JSON (no duplicate keys, nothing after it), keys {@code schema}, {@code takenAt},
 * {@code things} and, in a twin follower's checkpoint, {@code offsets} (topic/partition &rarr; next offset, a whole
 * number &ge; 0) only;</li>
 * <li>the line: at least one thing must be of the scenario's line ({@code attributes.line}); a thing named like
 * the line's equipment must be of it, of equipment the scenario has, and of the kind the scenario gives it;</li>
 * <li>the values the simulation starts from: the status ({@code state} one of the engine's, products of the line,
 * {@code since} an instant, {@code remainingSeconds} &ge; 0), counters (whole numbers &ge; 0), buffer levels (whole
 * numbers &ge; 0 of the line's products, at most the buffer's capacity), parameters and stocks (numbers), the
 * remaining-life estimate (&ge; 0).</li>
 * </ul>
 * Things of other lines are left alone: one twin may serve a whole plant.
 */
public final class SnapshotFile {

    /** {@code Snapshot.SCHEMA} of twin-sync, which keeps it to itself. */
    static final String SCHEMA = "linetwin/twin-snapshot/v1";

    /** {@code offsets}: where a twin follower's checkpoint stands on its topics ({@code twin follow --snapshot-out}). */
    private static final List<String> ROOT_KEYS = List.of("schema", "takenAt", "offsets", "things");

    private static final List<String> ENTRY_KEYS = List.of("revision", "modified", "thing");
    private static final List<String> THING_KEYS = List.of("thingId", "policyId", "attributes", "features");
    private static final List<String> ATTRIBUTE_KEYS = List.of(
            TwinFeatures.ATTR_KIND,
            TwinFeatures.ATTR_LINE,
            TwinFeatures.ATTR_CAPACITY,
            TwinFeatures.ATTR_LIMITS,
            TwinFeatures.ATTR_SENSORS);
    private static final List<String> STATUS_KEYS = List.of(
            TwinFeatures.STATE,
            TwinFeatures.PRODUCT,
            TwinFeatures.SINCE,
            TwinFeatures.REMAINING_SECONDS,
            TwinFeatures.HELD_PRODUCT,
            TwinFeatures.FAILURE);
    private static final List<String> COUNTER_KEYS = List.of(TwinFeatures.GOOD, TwinFeatures.SCRAP);

    private final LineSpec line;
    private final LineDescriptor descriptor;
    private final Map<String, EquipmentDescriptor> equipment = new LinkedHashMap<>();
    private final Set<String> products;
    private final InputProblems problems;
    private final Set<String> otherLines = new TreeSet<>();
    private int thingsOfLine;

    private SnapshotFile(LineSpec line, LineDescriptor descriptor, InputProblems problems) {
        this.line = line;
        this.descriptor = descriptor;
        this.problems = problems;
        descriptor.equipment().forEach(e -> equipment.put(e.id(), e));
        this.products = line.products().isEmpty()
                ? Set.of("")
                : new LinkedHashSet<>(
                        line.products().stream().map(ProductSpec::id).toList());
    }

    /** The snapshot in {@code file}, checked against {@code line}; every problem is one line of the exception. */
    public static Snapshot read(Path file, LineSpec line) throws BadInputException {
        LineDescriptor descriptor;
        try {
            descriptor = LineDescriptors.of(line);
        } catch (RuntimeException e) {
            throw new BadInputException("line.id must be a Ditto thing id like \"plant1:bottling\" to match the "
                    + "twin's things, got \"" + line.id() + "\"");
        }
        InputProblems problems = new InputProblems(file.toString());
        Optional<JsonTree.Node> root = JsonTree.read(file, problems);
        if (root.isPresent()) {
            new SnapshotFile(line, descriptor, problems).check(new JsonCursor(root.get(), "", problems));
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(problems.lines());
        }
        try {
            return Snapshot.fromJson(JsonFactory.newObject(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            String reason = Failures.describe(e).lines().findFirst().orElse("");
            throw new BadInputException(file + ":1:1 not a twin snapshot: "
                    + (reason.length() > 160 ? reason.substring(0, 160) + "..." : reason));
        }
    }

    private void check(JsonCursor root) {
        Optional<Map<String, JsonCursor>> fields = root.object(ROOT_KEYS);
        if (fields.isEmpty()) {
            return;
        }
        checkFields(root, fields.get());
        // After the specific checks: a number they already reported keeps their message.
        wholeNumbersFit(root);
    }

    private void checkFields(JsonCursor root, Map<String, JsonCursor> rootFields) {
        Optional<Map<String, JsonCursor>> fields = Optional.of(rootFields);
        root.required(fields.get(), "schema").ifPresent(c -> c.choice(List.of(SCHEMA)));
        root.required(fields.get(), "takenAt").ifPresent(JsonCursor::instant);
        Optional.ofNullable(fields.get().get("offsets"))
                .flatMap(o -> o.object(null))
                .ifPresent(offsets -> offsets.values().forEach(next -> next.whole(0, Long.MAX_VALUE)));
        Optional<JsonCursor> things = root.required(fields.get(), "things");
        things.flatMap(t -> t.object(null)).ifPresent(entries -> entries.forEach(this::entry));
        if (things.isPresent() && problems.isEmpty() && thingsOfLine == 0) {
            things.get()
                    .problem("no thing of line '" + descriptor.lineId() + "' in the snapshot"
                            + (otherLines.isEmpty()
                                    ? ""
                                    : " (it holds things of " + String.join(", ", otherLines) + ")")
                            + ": is it the snapshot of another line? The scenario's line.id must be the twin's line");
        }
    }

    /** Ditto's reader fails on whole numbers beyond 64 bits anywhere; found here, they have a position. */
    private static void wholeNumbersFit(JsonCursor at) {
        java.util.ArrayDeque<JsonCursor> pending = new java.util.ArrayDeque<>(List.of(at));
        while (!pending.isEmpty()) {
            JsonCursor next = pending.pop();
            switch (next.node().kind()) {
                case OBJECT -> next.object(null).ifPresent(f -> pending.addAll(f.values()));
                case ARRAY -> next.list().ifPresent(pending::addAll);
                case INTEGER -> next.whole(Long.MIN_VALUE, Long.MAX_VALUE);
                default -> {}
            }
        }
    }

    private void entry(String key, JsonCursor at) {
        Optional<Map<String, JsonCursor>> fields = at.object(ENTRY_KEYS);
        if (fields.isEmpty()) {
            return;
        }
        at.required(fields.get(), "revision").ifPresent(c -> c.whole(0, Long.MAX_VALUE));
        at.required(fields.get(), "modified").ifPresent(JsonCursor::instant);
        at.required(fields.get(), "thing").ifPresent(thing -> thing(key, thing));
    }

    private void thing(String key, JsonCursor at) {
        Optional<Map<String, JsonCursor>> fields = at.object(THING_KEYS);
        if (fields.isEmpty()) {
            return;
        }
        Optional<String> thingId = at.required(fields.get(), "thingId").flatMap(JsonCursor::text);
        if (thingId.isPresent() && !thingId.get().equals(key)) {
            fields.get()
                    .get("thingId")
                    .problem("expected the thing's key \"" + key + "\", got \"" + thingId.get() + "\"");
            return;
        }
        ThingId id;
        try {
            id = ThingId.of(key);
        } catch (RuntimeException e) {
            at.problem("expected a Ditto thing id like \"plant1:bottling.filler\" as key, got \"" + key + "\"");
            return;
        }
        Optional<Map<String, JsonCursor>> attributes =
                Optional.ofNullable(fields.get().get("attributes")).flatMap(a -> a.object(ATTRIBUTE_KEYS));
        attributes.ifPresent(this::attributes);
        Optional<String> lineOf =
                attributes.map(a -> a.get(TwinFeatures.ATTR_LINE)).flatMap(JsonCursor::text);
        Optional<String> equipmentId = descriptor.equipmentIdOf(id);
        boolean ofLine =
                lineOf.filter(l -> l.equals(descriptor.lineId().toString())).isPresent();
        if (!ofLine) {
            if (equipmentId.isPresent()) {
                (attributes.isPresent() && attributes.get().containsKey(TwinFeatures.ATTR_LINE)
                                ? attributes.get().get(TwinFeatures.ATTR_LINE)
                                : at)
                        .problem("thing \"" + key
                                + "\" is named like equipment of line '" + descriptor.lineId() + "' but is of line "
                                + lineOf.map(l -> "'" + l + "'").orElse("none"));
            }
            lineOf.ifPresent(otherLines::add);
            return;
        }
        thingsOfLine++;
        if (equipmentId.isEmpty()) {
            at.problem("thing \"" + key + "\" of line '" + descriptor.lineId() + "' must be named "
                    + descriptor.lineId() + ".<equipment id>");
            return;
        }
        Optional<EquipmentKind> kind =
                attributes.map(a -> a.get(TwinFeatures.ATTR_KIND)).flatMap(c -> kind(c));
        EquipmentDescriptor expected = equipment.get(equipmentId.get());
        if (expected == null) {
            if (kind.filter(k -> k == EquipmentKind.AGV).isPresent()
                    && line.transport().isPresent()) {
                return;
            }
            at.problem("no station, buffer, conveyor or material '" + equipmentId.get() + "' in line '" + line.id()
                    + "'" + Suggestions.hint(equipmentId.get(), equipment.keySet()));
            return;
        }
        if (kind.isPresent() && kind.get() != expected.kind()) {
            attributes
                    .get()
                    .get(TwinFeatures.ATTR_KIND)
                    .problem("'" + equipmentId.get() + "' is a "
                            + expected.kind().jsonName() + " in the scenario, got "
                            + kind.get().jsonName());
            return;
        }
        Optional.ofNullable(fields.get().get("features"))
                .flatMap(f -> f.object(expected.kind().features()))
                .ifPresent(features -> features.forEach((name, feature) -> feature(name, feature, expected)));
    }

    /** The attributes' types (line and kind are read by the caller). */
    private void attributes(Map<String, JsonCursor> attributes) {
        Optional.ofNullable(attributes.get(TwinFeatures.ATTR_CAPACITY)).ifPresent(c -> {
            if (!(c.node().kind() == JsonTree.Kind.STRING
                    && TwinFeatures.UNLIMITED.equals(c.node().text()))) {
                c.whole(0, Integer.MAX_VALUE);
            }
        });
        Optional.ofNullable(attributes.get(TwinFeatures.ATTR_LIMITS)).ifPresent(this::numbers);
        Optional.ofNullable(attributes.get(TwinFeatures.ATTR_SENSORS))
                .flatMap(JsonCursor::list)
                .ifPresent(sensors -> sensors.forEach(JsonCursor::text));
    }

    private Optional<EquipmentKind> kind(JsonCursor at) {
        List<String> kinds = java.util.Arrays.stream(EquipmentKind.values())
                .map(EquipmentKind::jsonName)
                .toList();
        return at.choice(kinds).map(EquipmentKind::fromJsonName);
    }

    private void feature(String name, JsonCursor at, EquipmentDescriptor equipment) {
        Optional<JsonCursor> properties =
                at.object(List.of("properties")).flatMap(f -> Optional.ofNullable(f.get("properties")));
        if (properties.isEmpty()) {
            return;
        }
        JsonCursor props = properties.get();
        switch (name) {
            case TwinFeatures.STATUS -> props.object(STATUS_KEYS).ifPresent(this::status);
            case TwinFeatures.COUNTERS ->
                props.object(COUNTER_KEYS)
                        .ifPresent(counters -> counters.values().forEach(c -> c.whole(0, Long.MAX_VALUE)));
            case TwinFeatures.BUFFER ->
                props.object(List.of(TwinFeatures.LEVELS))
                        .ifPresent(levels -> Optional.ofNullable(levels.get(TwinFeatures.LEVELS))
                                .ifPresent(l -> levels(l, equipment)));
            case TwinFeatures.STOCK ->
                props.object(List.of(TwinFeatures.LEVEL))
                        .ifPresent(stock -> Optional.ofNullable(stock.get(TwinFeatures.LEVEL))
                                .ifPresent(l -> l.number(0)));
            case TwinFeatures.PARAMETERS -> numbers(props);
            case TwinFeatures.HEALTH ->
                props.object(null)
                        .ifPresent(health -> Optional.ofNullable(health.get(TwinFeatures.RUL))
                                .ifPresent(this::rul));
            default -> {}
        }
    }

    private void status(Map<String, JsonCursor> status) {
        Optional.ofNullable(status.get(TwinFeatures.STATE))
                .ifPresent(c -> c.choice(TwinFeatures.STATES.stream().sorted().toList()));
        Optional.ofNullable(status.get(TwinFeatures.PRODUCT)).ifPresent(this::product);
        Optional.ofNullable(status.get(TwinFeatures.HELD_PRODUCT)).ifPresent(this::product);
        Optional.ofNullable(status.get(TwinFeatures.SINCE)).ifPresent(JsonCursor::instant);
        Optional.ofNullable(status.get(TwinFeatures.REMAINING_SECONDS)).ifPresent(c -> c.number(0));
        Optional.ofNullable(status.get(TwinFeatures.FAILURE)).ifPresent(JsonCursor::text);
    }

    private void product(JsonCursor at) {
        at.optionalText()
                .filter(p -> !products.contains(p))
                .ifPresent(p -> at.problem(
                        "no product '" + p + "' in line '" + line.id() + "'" + Suggestions.hint(p, products)));
    }

    private void levels(JsonCursor at, EquipmentDescriptor buffer) {
        at.object(null).ifPresent(levels -> {
            long total = 0;
            for (Map.Entry<String, JsonCursor> level : levels.entrySet()) {
                // A line without products: the twin reports its parts under a key of their own ("" is no JSON key).
                boolean anonymous = line.products().isEmpty() && TwinFeatures.ANONYMOUS_PRODUCT.equals(level.getKey());
                if (!anonymous && !products.contains(level.getKey())) {
                    level.getValue()
                            .problem("no product '" + level.getKey() + "' in line '" + line.id() + "'"
                                    + Suggestions.hint(level.getKey(), products));
                }
                total += level.getValue().whole(0, Integer.MAX_VALUE).orElse(0L);
            }
            if (buffer.capacity().isPresent() && total > buffer.capacity().getAsInt()) {
                at.problem("'" + buffer.id() + "' holds at most "
                        + buffer.capacity().getAsInt() + " parts, got " + total);
            }
        });
    }

    private void numbers(JsonCursor at) {
        at.object(null)
                .ifPresent(values -> values.values().forEach(value -> {
                    if (value.node().kind() == JsonTree.Kind.OBJECT) {
                        numbers(value);
                    } else {
                        value.number(-Double.MAX_VALUE);
                    }
                }));
    }

    private void rul(JsonCursor at) {
        at.object(null).ifPresent(rul -> {
            Optional.ofNullable(rul.get(TwinFeatures.RUL_SECONDS)).ifPresent(c -> c.number(0));
            Optional.ofNullable(rul.get(RulReadings.SD_SECONDS)).ifPresent(c -> c.number(0));
            Optional.ofNullable(rul.get(TwinFeatures.RUL_AT)).ifPresent(JsonCursor::instant);
        });
    }
}
