package io.linetwin.sim;

import io.linetwin.model.BufferSpec;
import io.linetwin.model.Distribution;
import io.linetwin.model.LineSpec;
import io.linetwin.model.StationKind;
import io.linetwin.model.StationSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The shapes the engine runs: a source feeds exactly one buffer; a station with several outbound buffers has
 * routes (checked by {@code LineSpec}); several inbound buffers merge (an assembly takes them as inputs);
 * sinks absorb; loops only through a quality gate (a station routing by share); an unlimited source feeds a
 * finite buffer in front of a machine or assembly (an unlimited buffer or a sink would take parts without end
 * at time 0). Processing and interarrival times must have a positive mean, or simulated time would stand still.
 */
final class Topology {

    private Topology() {
    }

    private static void positiveMean(String what, Distribution distribution) {
        if (!(distribution.mean() > 0)) {
            throw new IllegalArgumentException(what + " must have a mean > 0 seconds, got " + distribution.mean());
        }
    }

    static void check(LineSpec line) {
        for (StationSpec station : line.stations()) {
            List<BufferSpec> in = line.inbound(station.id());
            List<BufferSpec> out = line.outbound(station.id());
            if (out.size() > 1 && station.routes().isEmpty()) {
                throw new IllegalArgumentException("station " + station.id()
                        + " with several outbound buffers must have routes, got none for " + out.size());
            }
            station.process().ifPresent(d -> positiveMean("station " + station.id() + " process", d));
            station.processByProduct().forEach((product, d) ->
                    positiveMean("station " + station.id() + " process of " + product, d));
            station.interarrival().ifPresent(d -> positiveMean("source " + station.id() + " interarrival", d));
            if (station.kind() == StationKind.SOURCE) {
                if (!in.isEmpty()) {
                    throw new IllegalArgumentException("source " + station.id() + " must have no inbound buffer, got "
                            + in.get(0).id());
                }
                if (out.size() != 1) {
                    throw new IllegalArgumentException("source " + station.id() + " must feed one buffer, got "
                            + out.size());
                }
                if (station.interarrival().isEmpty() && out.get(0).unlimited()) {
                    throw new IllegalArgumentException("source " + station.id()
                            + " with unlimited supply must feed a finite buffer, got unlimited " + out.get(0).id());
                }
                StationKind fed = line.station(out.get(0).to()).orElseThrow().kind();
                if (station.interarrival().isEmpty() && fed != StationKind.MACHINE && fed != StationKind.ASSEMBLY) {
                    throw new IllegalArgumentException("source " + station.id()
                            + " with unlimited supply must feed a machine, got "
                            + fed.name().toLowerCase(Locale.ROOT) + " " + out.get(0).to());
                }
            }
            if (station.kind() == StationKind.SINK && !out.isEmpty()) {
                throw new IllegalArgumentException("sink " + station.id() + " must have no outbound buffer, got "
                        + out.get(0).id());
            }
        }
        Set<String> gates = new HashSet<>();
        line.stations().stream().filter(s -> !s.routes().isEmpty() && s.routes().get(0).byShare())
                .forEach(s -> gates.add(s.id()));
        Optional<String> ungated = stationOnLoop(line, gates);
        if (ungated.isPresent()) {
            throw new IllegalArgumentException("line " + line.id() + " must loop only through a quality gate (routes"
                    + " by share), got a loop through " + ungated.get());
        }
    }

    /** Whether the line has a loop at all (rework): then blocking checks for deadlocks. */
    static boolean hasLoops(LineSpec line) {
        return stationOnLoop(line, Set.of()).isPresent();
    }

    /** A station on a loop that avoids {@code skipped} stations, found by depth-first search. */
    private static Optional<String> stationOnLoop(LineSpec line, Set<String> skipped) {
        Map<String, List<String>> next = new HashMap<>();
        line.buffers().forEach(b -> next.computeIfAbsent(b.from(), f -> new ArrayList<>()).add(b.to()));
        Map<String, Integer> colour = new HashMap<>();
        for (StationSpec station : line.stations()) {
            Optional<String> found = visit(station.id(), next, skipped, colour);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> visit(String at, Map<String, List<String>> next, Set<String> skipped,
            Map<String, Integer> colour) {
        if (skipped.contains(at) || colour.getOrDefault(at, 0) == 2) {
            return Optional.empty();
        }
        if (colour.getOrDefault(at, 0) == 1) {
            return Optional.of(at);
        }
        colour.put(at, 1);
        for (String to : next.getOrDefault(at, List.of())) {
            Optional<String> found = visit(to, next, skipped, colour);
            if (found.isPresent()) {
                return found;
            }
        }
        colour.put(at, 2);
        return Optional.empty();
    }
}
