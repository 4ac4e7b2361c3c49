package io.linetwin.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.linetwin.model.LineState;
import io.linetwin.model.MachineCondition;
import java.io.IOException;
import java.nio.file.Path;

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
 * {@code down {elapsedRepairSeconds, remainingRepairSeconds?, failure?}} (a failure mode or a planned stop under
 * way); an absent optional is left out. A station with planned stops may say where each stands:
 * {@code "plannedStops": {"pm": {"dueInSeconds": 3600, "waitingForPart": false, "remainingSeconds": 600}}}
 * (under way with {@code remainingSeconds} left, waiting for the part in process, or due in {@code dueInSeconds}
 * on its clock).
 * {@link LineStateReader} reads it back strictly.
 */
final class LineStateJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LineStateJson() {}

    static void write(LineState state, Path file) throws IOException {
        new OutputFiles().write(file, out -> MAPPER.writeValue(out, toJson(state)));
    }

    /** The state in {@code file}, read strictly; every problem positioned (see {@link LineStateReader}). */
    static LineState read(Path file) throws BadInputException {
        return LineStateReader.read(file, null);
    }

    static ObjectNode toJson(LineState state) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("capturedAt", state.capturedAt().toString());
        root.put("clockSeconds", state.clockSeconds());
        ObjectNode stations = root.putObject("stations");
        state.stations().forEach((id, station) -> {
            ObjectNode node = stations.putObject(id);
            node.set("condition", condition(station.condition()));
            station.currentProduct()
                    .ifPresentOrElse(p -> node.put("currentProduct", p), () -> node.putNull("currentProduct"));
            node.put("good", station.good());
            node.put("scrap", station.scrap());
            ArrayNode servers = node.putArray("servers");
            station.servers().forEach(server -> servers.add(condition(server)));
            if (!station.plannedStops().isEmpty()) {
                ObjectNode stops = node.putObject("plannedStops");
                station.plannedStops().forEach((name, stop) -> {
                    ObjectNode entry = stops.putObject(name);
                    entry.put("dueInSeconds", stop.dueInSeconds());
                    entry.put("waitingForPart", stop.waitingForPart());
                    stop.remainingSeconds().ifPresent(r -> entry.put("remainingSeconds", r));
                });
            }
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
        node.put("state", condition.status().json());
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
}
