package io.linetwin.app.emulate;

import io.linetwin.model.BufferContents;
import io.linetwin.model.LineState;
import io.linetwin.model.MachineCondition;
import io.linetwin.model.StationState;
import io.linetwin.twin.TwinFeatures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonObjectBuilder;
import org.eclipse.ditto.json.JsonValue;

/**
 * Publishes what changed in the line's state at a chunk boundary: station state (through
 * {@link TraceToDitto#reset}, so {@code since} stays right), product, remaining time, counters, buffer levels
 * by product, parameters and material stock. Because the boundary state is the engine's own snapshot, the
 * twin equals it exactly once these events are applied, whatever the trace mapping left out.
 */
final class StateToDitto {

    private final DittoEventWriter writer;
    private final TraceToDitto trace;
    private final List<String> products;

    StateToDitto(DittoEventWriter writer, TraceToDitto trace, List<String> products) {
        this.writer = writer;
        this.trace = trace;
        this.products = products;
    }

    void publish(LineState state, Instant at) {
        double t = state.clockSeconds();
        state.stations().forEach((id, station) -> station(id, station, t, at));
        state.buffers()
                .forEach((id, contents) ->
                        writer.set(id, TwinFeatures.BUFFER, TwinFeatures.LEVELS, levels(contents), at));
        parameters(state.parameters(), at);
        state.materialStocks()
                .forEach((id, qty) -> writer.set(id, TwinFeatures.STOCK, TwinFeatures.LEVEL, JsonValue.of(qty), at));
    }

    void parameters(Map<String, Map<String, Double>> parameters, Instant at) {
        parameters.forEach((id, values) -> values.forEach(
                (name, value) -> writer.set(id, TwinFeatures.PARAMETERS, name, JsonValue.of(value), at)));
    }

    private void station(String id, StationState station, double t, Instant at) {
        MachineCondition condition = station.condition();
        List<String> servers = station.servers().isEmpty()
                ? List.of(condition.status().json())
                : station.servers().stream().map(c -> c.status().json()).toList();
        trace.reset(id, t, servers, condition.status().json());
        station.currentProduct()
                .ifPresent(p -> writer.set(id, TwinFeatures.STATUS, TwinFeatures.PRODUCT, JsonValue.of(p), at));
        // States without a known remaining time report 0, so a stale estimate never outlives its state.
        writer.set(
                id,
                TwinFeatures.STATUS,
                TwinFeatures.REMAINING_SECONDS,
                JsonValue.of(round(remaining(condition).orElse(0))),
                at);
        writer.set(id, TwinFeatures.COUNTERS, TwinFeatures.GOOD, JsonValue.of(station.good()), at);
        writer.set(id, TwinFeatures.COUNTERS, TwinFeatures.SCRAP, JsonValue.of(station.scrap()), at);
    }

    /**
     * Levels of every product of the line (zeros included), so the twin's object has one stable shape; a line
     * without products reports its parts under {@link TwinFeatures#ANONYMOUS_PRODUCT}.
     */
    JsonValue levels(BufferContents contents) {
        Map<String, Integer> all = new TreeMap<>();
        products.forEach(p -> all.put(p, 0));
        contents.byProduct()
                .forEach((product, n) -> all.put(product.isEmpty() ? TwinFeatures.ANONYMOUS_PRODUCT : product, n));
        if (products.isEmpty()) {
            all.putIfAbsent(TwinFeatures.ANONYMOUS_PRODUCT, 0);
        }
        JsonObjectBuilder json = JsonFactory.newObjectBuilder();
        all.forEach(json::set);
        return json.build();
    }

    static OptionalDouble remaining(MachineCondition condition) {
        if (condition instanceof MachineCondition.Working w) {
            return w.remainingSeconds();
        }
        if (condition instanceof MachineCondition.Down d) {
            return d.remainingRepairSeconds();
        }
        if (condition instanceof MachineCondition.Setup s) {
            return s.remainingSeconds();
        }
        return OptionalDouble.empty();
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000.0) / 1000.0;
    }
}
