package io.linetwin.app;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.linetwin.model.LineState;
import io.linetwin.model.MachineCondition;
import io.linetwin.model.PlannedStopState;
import io.linetwin.model.StationState;
import io.linetwin.model.StationStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

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
 * The records are written by Jackson as they are, in component order; the mix-ins below hold the few places the
 * format differs from them, so twin-model stays free of Jackson. {@link LineStateReader} reads it back strictly.
 */
final class LineStateJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .serializationInclusion(JsonInclude.Include.NON_ABSENT)
            .addMixIn(LineState.class, LineStateMixIn.class)
            .addMixIn(StationState.class, StationStateMixIn.class)
            .addMixIn(MachineCondition.class, ConditionMixIn.class)
            .addMixIn(MachineCondition.Setup.class, SetupMixIn.class)
            .addMixIn(MachineCondition.Blocked.class, BlockedMixIn.class)
            .addMixIn(StationStatus.class, StatusMixIn.class)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private LineStateJson() {}

    static void write(LineState state, Path file) throws IOException {
        new OutputFiles().write(file, out -> MAPPER.writeValue(out, state));
    }

    /** The state in {@code file}, read strictly; every problem positioned (see {@link LineStateReader}). */
    static LineState read(Path file) throws BadInputException {
        return LineStateReader.read(file, null);
    }

    static ObjectNode toJson(LineState state) {
        return MAPPER.valueToTree(state);
    }

    /** The engine's in-flight detail is not part of the format yet; the instant is written as ISO-8601. */
    @JsonIgnoreProperties("inFlight")
    private interface LineStateMixIn {
        @JsonSerialize(using = ToStringSerializer.class)
        Instant capturedAt();
    }

    /** A station without a current product says so (null); one without planned stops leaves the key out. */
    private interface StationStateMixIn {
        @JsonInclude(JsonInclude.Include.ALWAYS)
        Optional<String> currentProduct();

        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        Map<String, PlannedStopState> plannedStops();
    }

    /** Every condition starts with its state, in the one spelling {@link StationStatus#json()} gives. */
    @JsonPropertyOrder("state")
    private interface ConditionMixIn {
        @JsonProperty("state")
        StationStatus status();
    }

    private interface SetupMixIn {
        @JsonProperty("product")
        Optional<String> toProduct();
    }

    private interface BlockedMixIn {
        @JsonProperty("product")
        Optional<String> heldProduct();
    }

    private interface StatusMixIn {
        @JsonValue
        String json();
    }
}
