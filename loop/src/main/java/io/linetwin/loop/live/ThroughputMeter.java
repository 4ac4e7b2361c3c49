package io.linetwin.loop.live;

import io.linetwin.loop.TwinView;
import io.linetwin.model.LineSpec;
import io.linetwin.model.StationKind;
import io.linetwin.model.StationSpec;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.TwinEvent;
import io.linetwin.twin.TwinFeatures;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.eclipse.ditto.json.JsonValue;

/**
 * The line's measured throughput, from the twin: good parts leaving the line — the {@code counters/good} of its last
 * machines, those whose parts go straight to a sink or leave the line (a sink absorbs at once, and a real line counts
 * at its last machines; the emulator reports no sink counters) — sampled over line time, so a change's effect can be measured on the
 * line itself and set beside what the what-if predicted. It listens to the twin store, so a restarted loop that
 * rebuilds the twin from the topic's history also has the counters' history; each pass of the loop adds a sample too.
 */
final class ThroughputMeter {

    private static final String GOOD_PATH = "/features/" + TwinFeatures.COUNTERS + "/properties/" + TwinFeatures.GOOD;

    private final List<String> exits;
    private final LineDescriptor things;
    private final Map<String, Double> latest = new HashMap<>();
    private final NavigableMap<Instant, Double> goodOut = new TreeMap<>();

    ThroughputMeter(LineSpec line, LineDescriptor things) {
        this.things = things;
        this.exits = line.stations().stream()
                .filter(s -> s.kind() != StationKind.SOURCE && s.kind() != StationKind.SINK)
                .filter(s -> line.outbound(s.id()).stream()
                        .allMatch(b -> line.station(b.to())
                                .map(to -> to.kind() == StationKind.SINK)
                                .orElse(false)))
                .map(StationSpec::id)
                .toList();
    }

    /** A twin store listener: an exit's good counter changed at the event's time. */
    synchronized void observe(TwinEvent event) {
        if (!(event instanceof TwinEvent.Applied applied)
                || applied.update().timestamp().isEmpty()
                || !applied.update().path().toString().equals(GOOD_PATH)) {
            return;
        }
        Optional<String> exit = things.equipmentIdOf(applied.thingId()).filter(exits::contains);
        Optional<JsonValue> value = applied.update().value().filter(JsonValue::isNumber);
        if (exit.isEmpty() || value.isEmpty()) {
            return;
        }
        latest.put(exit.get(), value.get().asDouble());
        if (latest.size() == exits.size()) {
            goodOut.put(
                    applied.update().timestamp().get(),
                    latest.values().stream().mapToDouble(Double::doubleValue).sum());
        }
    }

    synchronized void sample(Instant at, TwinView twin) {
        double total = 0;
        for (String exit : exits) {
            OptionalDouble good = twin.good(exit);
            if (good.isEmpty()) {
                return;
            }
            total += good.getAsDouble();
        }
        goodOut.put(at, total);
    }

    /** Good parts out per hour between the samples nearest inside [from, to]; empty when they are not apart. */
    synchronized OptionalDouble perHour(Instant from, Instant to) {
        Map.Entry<Instant, Double> start = goodOut.ceilingEntry(from);
        Map.Entry<Instant, Double> end = goodOut.floorEntry(to);
        if (start == null || end == null || !end.getKey().isAfter(start.getKey())) {
            return OptionalDouble.empty();
        }
        double hours = Duration.between(start.getKey(), end.getKey()).toMillis() / 3_600_000.0;
        return OptionalDouble.of((end.getValue() - start.getValue()) / hours);
    }

    /** The line time actually covered by {@link #perHour} over [from, to], in seconds (0 when nothing). */
    synchronized double coveredSeconds(Instant from, Instant to) {
        Map.Entry<Instant, Double> start = goodOut.ceilingEntry(from);
        Map.Entry<Instant, Double> end = goodOut.floorEntry(to);
        if (start == null || end == null || !end.getKey().isAfter(start.getKey())) {
            return 0;
        }
        return Duration.between(start.getKey(), end.getKey()).toMillis() / 1000.0;
    }

    synchronized Instant first() {
        return goodOut.isEmpty() ? null : goodOut.firstKey();
    }

    synchronized Instant last() {
        return goodOut.isEmpty() ? null : goodOut.lastKey();
    }
}
