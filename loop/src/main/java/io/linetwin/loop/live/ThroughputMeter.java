package io.linetwin.loop.live;

import io.linetwin.loop.TwinView;
import io.linetwin.model.LineSpec;
import io.linetwin.model.StationKind;
import io.linetwin.model.StationSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The line's measured throughput, from the twin: good parts leaving the line (the {@code counters/good} of its exits —
 * sinks and stations with nothing downstream) sampled over line time, so a change's effect can be measured on the
 * line itself and set beside what the what-if predicted.
 */
final class ThroughputMeter {

    private final List<String> exits;
    private final NavigableMap<Instant, Double> goodOut = new TreeMap<>();

    ThroughputMeter(LineSpec line) {
        this.exits = line.stations().stream()
                .filter(s -> s.kind() == StationKind.SINK
                        || s.kind() != StationKind.SOURCE && line.outbound(s.id()).isEmpty())
                .map(StationSpec::id).toList();
    }

    void sample(Instant at, TwinView twin) {
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
    OptionalDouble perHour(Instant from, Instant to) {
        Map.Entry<Instant, Double> start = goodOut.ceilingEntry(from);
        Map.Entry<Instant, Double> end = goodOut.floorEntry(to);
        if (start == null || end == null || !end.getKey().isAfter(start.getKey())) {
            return OptionalDouble.empty();
        }
        double hours = Duration.between(start.getKey(), end.getKey()).toMillis() / 3_600_000.0;
        return OptionalDouble.of((end.getValue() - start.getValue()) / hours);
    }

    /** The line time actually covered by {@link #perHour} over [from, to], in seconds (0 when nothing). */
    double coveredSeconds(Instant from, Instant to) {
        Map.Entry<Instant, Double> start = goodOut.ceilingEntry(from);
        Map.Entry<Instant, Double> end = goodOut.floorEntry(to);
        if (start == null || end == null || !end.getKey().isAfter(start.getKey())) {
            return 0;
        }
        return Duration.between(start.getKey(), end.getKey()).toMillis() / 1000.0;
    }

    Instant first() {
        return goodOut.isEmpty() ? null : goodOut.firstKey();
    }

    Instant last() {
        return goodOut.isEmpty() ? null : goodOut.lastKey();
    }
}
