package io.linetwin.sim;

import io.linetwin.model.BufferSpec;
import io.linetwin.model.Distribution;
import io.linetwin.model.LineSpec;
import io.linetwin.model.StationKind;
import io.linetwin.model.StationSpec;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The shapes the engine runs for now: every station has at most one inbound buffer (an assembly one per input)
 * and one outbound buffer, no cycles, sources feed and sinks absorb, and an unlimited source feeds a finite
 * buffer in front of a machine or assembly (an unlimited buffer or a sink would take parts without end at
 * time 0). Processing and interarrival times
 * must have a positive mean, or simulated time would stand still.
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
        Map<String, String> next = new HashMap<>();
        for (StationSpec station : line.stations()) {
            List<BufferSpec> in = line.inbound(station.id());
            List<BufferSpec> out = line.outbound(station.id());
            if (in.size() > 1 && station.kind() != StationKind.ASSEMBLY) {
                throw new IllegalArgumentException("station " + station.id()
                        + " must have at most one inbound buffer for now, got " + in.size());
            }
            if (out.size() > 1) {
                throw new IllegalArgumentException("station " + station.id()
                        + " must have at most one outbound buffer for now, got " + out.size());
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
                if (out.isEmpty()) {
                    throw new IllegalArgumentException("source " + station.id() + " must feed a buffer, got none");
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
            out.stream().findFirst().ifPresent(b -> next.put(station.id(), b.to()));
        }
        for (StationSpec station : line.stations()) {
            Set<String> seen = new HashSet<>();
            Optional<String> at = Optional.of(station.id());
            while (at.isPresent()) {
                if (!seen.add(at.get())) {
                    throw new IllegalArgumentException("line " + line.id() + " must have no cycles, got one through "
                            + at.get());
                }
                at = Optional.ofNullable(next.get(at.get()));
            }
        }
    }
}
