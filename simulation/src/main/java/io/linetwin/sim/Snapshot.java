package io.linetwin.sim;

import io.linetwin.model.BufferContents;
import io.linetwin.model.InFlight;
import io.linetwin.model.LineSpec;
import io.linetwin.model.LineState;
import io.linetwin.model.StationSpec;
import io.linetwin.model.StationState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Describes a running replication as a {@link LineState}: what each server holds and how long its phase has
 * left, repairs with their elapsed and remaining time, each buffer's parts in FIFO order, a source's held
 * arrival or the time to its next one, and the parameters in force; and, in its {@link InFlight} part, every
 * part's release time, conveyor places and timers, the vehicles and open requests, material orders in flight
 * the failure clocks and when each batch load being formed began, so a warm start from it goes on as the run would
 * have. Parts staged at an assembly are listed at
 * the front of their input buffer (a warm start stages them again first). The anonymous product is an empty
 * {@code Optional} in conditions and {@code ""} in buffer contents.
 */
final class Snapshot {

    private Snapshot() {}

    /** What the stations write their part of a state into, in the order they are captured. */
    record Sheet(
            Model model,
            Map<String, StationState> stations,
            Map<String, List<Double>> releases,
            Map<String, Map<String, Double>> clocks,
            Map<String, Double> loadStarts) {}

    static LineState of(
            double now,
            Instant capturedAt,
            LineSpec line,
            List<StationBlock> blocks,
            Collection<Buffer> buffers,
            Collection<MaterialStore> stores,
            Map<String, Replication.Staging> stagings,
            Fleet fleet,
            Model model) {
        Map<String, List<Double>> releases = new LinkedHashMap<>();
        Map<String, Map<String, Double>> clocks = new LinkedHashMap<>();
        Map<String, Integer> staged = new LinkedHashMap<>();
        Map<String, StationState> stations = new LinkedHashMap<>();
        Map<String, Double> loadStarts = new LinkedHashMap<>();
        Sheet sheet = new Sheet(model, stations, releases, clocks, loadStarts);
        for (StationBlock block : blocks) {
            block.capture(now, sheet);
        }
        Map<String, BufferContents> contents = new LinkedHashMap<>();
        for (Buffer buffer : buffers) {
            Map<String, Integer> byProduct = new LinkedHashMap<>();
            List<String> sequence = new ArrayList<>(buffer.level());
            List<Double> released = new ArrayList<>(buffer.level());
            Replication.Staging staging = stagings.get(buffer.id());
            if (staging != null) {
                staged.put(buffer.id(), staging.kitting().staged(staging.input()));
                for (int i = 0; i < staging.kitting().staged(staging.input()); i++) {
                    Part part = staging.kitting().stagedPart(staging.input(), i);
                    String product = model.productName(part.product());
                    sequence.add(product);
                    released.add(part.releaseSeconds());
                    byProduct.merge(product, 1, Integer::sum);
                }
            }
            for (int i = 0; i < buffer.level(); i++) {
                Part part = buffer.waiting(i);
                String product = model.productName(part.product());
                sequence.add(product);
                released.add(part.releaseSeconds());
                byProduct.merge(product, 1, Integer::sum);
            }
            contents.put(buffer.id(), new BufferContents(byProduct, sequence));
            releases.put(buffer.id(), released);
        }
        Map<String, InFlight.ConveyorState> conveyors = new LinkedHashMap<>();
        for (Buffer buffer : buffers) {
            if (buffer instanceof Conveyor conveyor) {
                conveyors.put(conveyor.id(), conveyor.state(now));
                Map<String, Double> modes = conveyor.failureClocks(now);
                if (!modes.isEmpty()) {
                    clocks.put(conveyor.id(), modes);
                }
            }
        }
        Map<String, InFlight.MaterialOrder> orders = new LinkedHashMap<>();
        stores.forEach(store -> store.order(now).ifPresent(order -> orders.put(store.id(), order)));
        InFlight inFlight = new InFlight(
                releases,
                conveyors,
                fleet == null ? Optional.empty() : Optional.of(fleet.state(now)),
                orders,
                clocks,
                staged,
                loadStarts);
        Map<String, Map<String, Double>> parameters = new LinkedHashMap<>();
        for (StationSpec station : line.stations()) {
            Map<String, Double> values = new LinkedHashMap<>();
            station.parameters().forEach((name, parameter) -> values.put(name, parameter.value()));
            if (!values.isEmpty()) {
                parameters.put(station.id(), values);
            }
        }
        Map<String, Double> stocks = new LinkedHashMap<>();
        stores.forEach(store -> stocks.put(store.id(), store.stock()));
        return new LineState(capturedAt, now, stations, contents, parameters, stocks, inFlight);
    }

    /** The product's name, empty for the anonymous product. */
    static Optional<String> product(Model model, int product) {
        String name = model.productName(product);
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }
}
