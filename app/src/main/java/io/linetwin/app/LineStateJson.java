package io.linetwin.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.linetwin.model.BufferContents;
import io.linetwin.model.LineState;
import io.linetwin.model.MachineCondition;
import io.linetwin.model.StationState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * {@link LineState} as JSON, for files a twin or a test hands to a warm start:
 * <pre>
 * { "capturedAt": "2025-01-06T06:00:00Z", "clockSeconds": 3600.0,
 *   "stations": { "filler": { "condition": { "state": "down", "elapsedRepairSeconds": 20, "remainingRepairSeconds": 50,
 *                                           "failure": "jam" },
 *                             "currentProduct": "litre", "good": 100, "scrap": 1,
 *                             "servers": [ { "state": "working", "product": "litre", "remainingSeconds": 0.4 } ] } },
 *   "buffers": { "b1": { "byProduct": { "litre": 2 }, "sequence": [ "litre", "litre" ] } },
 *   "parameters": { "filler": { "speed": 1.0 } }, "materialStocks": { "preform": 5000 } }
 * </pre>
 * Conditions by {@code state}: {@code working {product?, remainingSeconds?}}, {@code setup {product?,
 * remainingSeconds?}} (the product set up for), {@code blocked {product?}}, {@code starved}, {@code offShift},
 * {@code down {elapsedRepairSeconds, remainingRepairSeconds?, failure?}}; an absent optional is left out. Bad
 * documents raise {@link IllegalArgumentException} naming the JSON path.
 */
final class LineStateJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LineStateJson() {
    }

    static void write(LineState state, Path file) throws IOException {
        MAPPER.writeValue(file.toFile(), toJson(state));
    }

    static LineState read(Path file) throws IOException {
        return fromJson(MAPPER.readTree(file.toFile()));
    }

    static ObjectNode toJson(LineState state) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("capturedAt", state.capturedAt().toString());
        root.put("clockSeconds", state.clockSeconds());
        ObjectNode stations = root.putObject("stations");
        state.stations().forEach((id, station) -> {
            ObjectNode node = stations.putObject(id);
            node.set("condition", condition(station.condition()));
            station.currentProduct().ifPresentOrElse(p -> node.put("currentProduct", p),
                    () -> node.putNull("currentProduct"));
            node.put("good", station.good());
            node.put("scrap", station.scrap());
            ArrayNode servers = node.putArray("servers");
            station.servers().forEach(server -> servers.add(condition(server)));
        });
        ObjectNode buffers = root.putObject("buffers");
        state.buffers().forEach((id, contents) -> {
            ObjectNode node = buffers.putObject(id);
            ObjectNode byProduct = node.putObject("byProduct");
            contents.byProduct().forEach(byProduct::put);
            ArrayNode sequence = node.putArray("sequence");
            contents.sequence().forEach(sequence::add);
        });
        ObjectNode parameters = root.putObject("parameters");
        state.parameters().forEach((id, values) -> {
            ObjectNode node = parameters.putObject(id);
            values.forEach(node::put);
        });
        ObjectNode stocks = root.putObject("materialStocks");
        state.materialStocks().forEach(stocks::put);
        return root;
    }

    private static ObjectNode condition(MachineCondition condition) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("state", condition.stateName());
        if (condition instanceof MachineCondition.Working working) {
            working.product().ifPresent(p -> node.put("product", p));
            working.remainingSeconds().ifPresent(s -> node.put("remainingSeconds", s));
        } else if (condition instanceof MachineCondition.Setup setup) {
            setup.toProduct().ifPresent(p -> node.put("product", p));
            setup.remainingSeconds().ifPresent(s -> node.put("remainingSeconds", s));
        } else if (condition instanceof MachineCondition.Blocked blocked) {
            blocked.heldProduct().ifPresent(p -> node.put("product", p));
        } else if (condition instanceof MachineCondition.Down down) {
            node.put("elapsedRepairSeconds", down.elapsedRepairSeconds());
            down.remainingRepairSeconds().ifPresent(s -> node.put("remainingRepairSeconds", s));
            down.failure().ifPresent(f -> node.put("failure", f));
        }
        return node;
    }

    static LineState fromJson(JsonNode root) {
        Instant capturedAt;
        try {
            capturedAt = Instant.parse(text(field(root, "capturedAt", "$"), "$.capturedAt"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("$.capturedAt: expected an ISO-8601 instant, got "
                    + root.get("capturedAt"), e);
        }
        double clock = number(field(root, "clockSeconds", "$"), "$.clockSeconds");
        Map<String, StationState> stations = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : entries(root, "stations")) {
            String path = "$.stations." + entry.getKey();
            JsonNode node = entry.getValue();
            List<MachineCondition> servers = new ArrayList<>();
            JsonNode serverNodes = node.path("servers");
            for (int i = 0; i < serverNodes.size(); i++) {
                servers.add(condition(serverNodes.get(i), path + ".servers[" + i + "]"));
            }
            JsonNode current = node.path("currentProduct");
            stations.put(entry.getKey(), guard(path, () -> new StationState(
                    condition(field(node, "condition", path), path + ".condition"),
                    current.isTextual() ? Optional.of(current.asText()) : Optional.empty(),
                    node.path("good").asLong(0), node.path("scrap").asLong(0), servers)));
        }
        Map<String, BufferContents> buffers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : entries(root, "buffers")) {
            String path = "$.buffers." + entry.getKey();
            Map<String, Integer> byProduct = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> count : entries(entry.getValue(), "byProduct")) {
                byProduct.put(count.getKey(), (int) number(count.getValue(), path + ".byProduct." + count.getKey()));
            }
            List<String> sequence = new ArrayList<>();
            entry.getValue().path("sequence").forEach(p -> sequence.add(p.asText()));
            buffers.put(entry.getKey(), guard(path, () -> new BufferContents(byProduct, sequence)));
        }
        Map<String, Map<String, Double>> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : entries(root, "parameters")) {
            Map<String, Double> values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> value : entries(entry.getValue(), null)) {
                values.put(value.getKey(), number(value.getValue(),
                        "$.parameters." + entry.getKey() + "." + value.getKey()));
            }
            parameters.put(entry.getKey(), values);
        }
        Map<String, Double> stocks = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : entries(root, "materialStocks")) {
            stocks.put(entry.getKey(), number(entry.getValue(), "$.materialStocks." + entry.getKey()));
        }
        return guard("$", () -> new LineState(capturedAt, clock, stations, buffers, parameters, stocks));
    }

    private static MachineCondition condition(JsonNode node, String path) {
        String state = text(field(node, "state", path), path + ".state");
        Optional<String> product = node.path("product").isTextual()
                ? Optional.of(node.get("product").asText()) : Optional.empty();
        return guard(path, () -> switch (state) {
            case "working" -> new MachineCondition.Working(product, optionalNumber(node, "remainingSeconds", path));
            case "setup" -> new MachineCondition.Setup(product, optionalNumber(node, "remainingSeconds", path));
            case "blocked" -> new MachineCondition.Blocked(product);
            case "starved" -> new MachineCondition.Starved();
            case "offShift" -> new MachineCondition.OffShift();
            case "down" -> new MachineCondition.Down(number(field(node, "elapsedRepairSeconds", path),
                    path + ".elapsedRepairSeconds"), optionalNumber(node, "remainingRepairSeconds", path),
                    node.path("failure").isTextual() ? Optional.of(node.get("failure").asText()) : Optional.empty());
            default -> throw new IllegalArgumentException("expected a state of working, setup, blocked, starved,"
                    + " offShift, down, got " + state);
        });
    }

    private static Iterable<Map.Entry<String, JsonNode>> entries(JsonNode parent, String key) {
        JsonNode node = key == null ? parent : parent.path(key);
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException((key == null ? "" : key + ": ") + "expected an object, got " + node);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        return () -> fields;
    }

    private static JsonNode field(JsonNode node, String key, String path) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(path + "." + key + ": required, missing");
        }
        return value;
    }

    private static String text(JsonNode node, String path) {
        if (!node.isTextual()) {
            throw new IllegalArgumentException(path + ": expected text, got " + node);
        }
        return node.asText();
    }

    private static double number(JsonNode node, String path) {
        if (!node.isNumber()) {
            throw new IllegalArgumentException(path + ": expected a number, got " + node);
        }
        return node.asDouble();
    }

    private static OptionalDouble optionalNumber(JsonNode node, String key, String path) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? OptionalDouble.empty()
                : OptionalDouble.of(number(value, path + "." + key));
    }

    private static <T> T guard(String path, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith("$")
                    ? e : new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }
}
