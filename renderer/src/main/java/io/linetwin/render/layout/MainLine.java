package io.linetwin.render.layout;

import io.linetwin.model.BufferSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.StationKind;
import io.linetwin.model.StationSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The line's backbone: the chain most parts follow, from a source (or a station nothing feeds) downstream,
 * taking at each split the route with the largest share. Stations off it (feeder lines, repair and rework
 * loops) are placed beside it, so a 3 % repair route never stretches the line.
 */
final class MainLine {

    private MainLine() {}

    static List<String> of(LineSpec line) {
        List<StationSpec> heads = new ArrayList<>();
        line.stations().stream().filter(s -> s.kind() == StationKind.SOURCE).forEach(heads::add);
        line.stations().stream()
                .filter(s ->
                        s.kind() != StationKind.SOURCE && line.inbound(s.id()).isEmpty())
                .forEach(heads::add);
        if (heads.isEmpty()) {
            heads.add(line.stations().get(0));
        }
        List<String> best = List.of();
        for (StationSpec head : heads) {
            List<String> chain = follow(line, head.id());
            if (chain.size() > best.size()) {
                best = chain;
            }
        }
        return best;
    }

    private static List<String> follow(LineSpec line, String start) {
        Set<String> chain = new LinkedHashSet<>();
        String at = start;
        while (at != null && chain.add(at)) {
            at = preferredNext(line, at, chain);
        }
        return List.copyOf(chain);
    }

    /** The downstream station of the outbound link with the largest route share, not yet on the chain. */
    private static String preferredNext(LineSpec line, String station, Set<String> chain) {
        StationSpec spec = line.station(station).orElseThrow();
        String best = null;
        double bestShare = -1;
        for (BufferSpec out : line.outbound(station)) {
            if (chain.contains(out.to())) {
                continue;
            }
            double share = spec.routes().stream()
                    .filter(r -> r.to().equals(out.id()))
                    .mapToDouble(r -> r.share().orElse(0.5))
                    .findFirst()
                    .orElse(spec.routes().isEmpty() ? 1 : 0);
            if (share > bestShare) {
                best = out.to();
                bestShare = share;
            }
        }
        return best;
    }
}
