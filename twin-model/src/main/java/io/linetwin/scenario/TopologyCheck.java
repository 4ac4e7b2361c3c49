package io.linetwin.scenario;

import io.linetwin.model.StationKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shape the engine of this release runs: buffers join two different existing stations into serial lines,
 * at most one buffer in and one out per station, no buffer into a source or out of a sink, no loops.
 */
final class TopologyCheck {

    /** A buffer's ends as written, with where they were written. */
    record Link(String id, YamlCursor at, Optional<String> from, YamlCursor fromAt, Optional<String> to,
            YamlCursor toAt) {
    }

    private TopologyCheck() {
    }

    /** Reports every broken rule; {@code stations} maps each id to its kind (empty when unreadable). */
    static void check(Map<String, Optional<StationKind>> stations, List<Link> links) {
        Map<String, Link> inbound = new HashMap<>();
        Map<String, Link> outbound = new HashMap<>();
        List<Link> joining = new ArrayList<>();
        for (Link link : links) {
            boolean fromOk = link.from().map(f -> exists(stations, f, link.fromAt())).orElse(false);
            boolean toOk = link.to().map(t -> exists(stations, t, link.toAt())).orElse(false);
            if (!fromOk || !toOk) {
                continue;
            }
            String from = link.from().get();
            String to = link.to().get();
            if (from.equals(to)) {
                link.toAt().problem("a buffer must join two different stations, got '" + to + "' twice");
                continue;
            }
            boolean ok = true;
            if (stations.get(from).filter(k -> k == StationKind.SINK).isPresent()) {
                link.fromAt().problem("a sink has no outbound buffer, got sink '" + from + "'");
                ok = false;
            }
            if (stations.get(to).filter(k -> k == StationKind.SOURCE).isPresent()) {
                link.toAt().problem("a source has no inbound buffer, got source '" + to + "'");
                ok = false;
            }
            ok &= single(outbound, from, link, link.fromAt(), "outbound");
            ok &= single(inbound, to, link, link.toAt(), "inbound");
            if (ok) {
                joining.add(link);
            }
        }
        reportCycles(joining);
    }

    private static boolean exists(Map<String, Optional<StationKind>> stations, String id, YamlCursor at) {
        if (stations.containsKey(id)) {
            return true;
        }
        at.problem("no station '" + id + "'" + Suggestions.hint(id, stations.keySet()));
        return false;
    }

    private static boolean single(Map<String, Link> taken, String station, Link link, YamlCursor at, String way) {
        Link first = taken.putIfAbsent(station, link);
        if (first == null) {
            return true;
        }
        at.problem("station '" + station + "' already has " + way + " buffer '" + first.id()
                + "'; not supported yet: routing/merging arrives with the routing work");
        return false;
    }

    /** With one buffer out per station a loop is found by following buffers until a station repeats. */
    private static void reportCycles(List<Link> links) {
        Map<String, Link> next = new LinkedHashMap<>();
        links.forEach(l -> next.put(l.from().orElseThrow(), l));
        Map<String, Boolean> done = new HashMap<>();
        for (String start : next.keySet()) {
            List<String> path = new ArrayList<>();
            String station = start;
            while (station != null && !done.containsKey(station) && !path.contains(station)) {
                path.add(station);
                Link out = next.get(station);
                station = out == null ? null : out.to().orElseThrow();
            }
            if (station != null && path.contains(station)) {
                List<String> loop = new ArrayList<>(path.subList(path.indexOf(station), path.size()));
                loop.add(station);
                Link closing = latest(loop, next);
                closing.at().problem("the line loops: " + String.join(" -> ", loop) + "; cycles are not allowed");
            }
            path.forEach(s -> done.put(s, true));
        }
    }

    /** The buffer written last in the loop: the one most likely added by mistake. */
    private static Link latest(List<String> loop, Map<String, Link> next) {
        Link latest = null;
        for (int i = 0; i < loop.size() - 1; i++) {
            Link link = next.get(loop.get(i));
            if (latest == null || link.at().node().getStartMark().getIndex()
                    > latest.at().node().getStartMark().getIndex()) {
                latest = link;
            }
        }
        return latest;
    }
}
