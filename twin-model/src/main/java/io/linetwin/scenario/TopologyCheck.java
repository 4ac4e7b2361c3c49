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
 * at most one buffer in and one out per station (an assembly takes one buffer in per input), no buffer into a
 * source or out of a sink, no loops.
 */
final class TopologyCheck {

    /** A buffer's ends as written, with where they were written. */
    record Link(String id, YamlCursor at, Optional<String> from, YamlCursor fromAt, Optional<String> to,
            YamlCursor toAt) {
    }

    private TopologyCheck() {
    }

    /**
     * Reports every broken rule; {@code stations} maps each id to its kind (empty when unreadable),
     * {@code inputs} each assembly to its input names with where they were written.
     */
    static void check(Map<String, Optional<StationKind>> stations, List<Link> links,
            Map<String, Map<String, YamlCursor>> inputs) {
        Map<String, Link> inbound = new HashMap<>();
        Map<String, List<Link>> intoAssembly = new LinkedHashMap<>();
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
            if (stations.get(to).filter(k -> k == StationKind.ASSEMBLY).isPresent()) {
                intoAssembly.computeIfAbsent(to, a -> new ArrayList<>()).add(link);
            } else {
                ok &= single(inbound, to, link, link.toAt(), "inbound");
            }
            if (ok) {
                joining.add(link);
            }
        }
        reportCycles(joining);
        inputs.forEach((assembly, names) -> matchInputs(assembly, names,
                intoAssembly.getOrDefault(assembly, List.of())));
    }

    /** Each input names one inbound buffer (by its id or the station feeding it); each such buffer is an input. */
    private static void matchInputs(String assembly, Map<String, YamlCursor> names, List<Link> inbound) {
        Map<String, String> inputOfBuffer = new HashMap<>();
        names.forEach((name, at) -> {
            List<Link> matches = inbound.stream()
                    .filter(l -> l.id().equals(name) || l.from().orElseThrow().equals(name)).toList();
            if (matches.isEmpty()) {
                List<String> candidates = new ArrayList<>();
                inbound.forEach(l -> {
                    candidates.add(l.id());
                    candidates.add(l.from().orElseThrow());
                });
                at.problem("no buffer into assembly '" + assembly + "' from '" + name + "'"
                        + (candidates.isEmpty() ? "; the assembly has no inbound buffer"
                                : Suggestions.hint(name, candidates)));
            } else if (matches.size() > 1) {
                at.problem("'" + name + "' feeds assembly '" + assembly + "' through " + matches.size()
                        + " buffers; name the buffer instead");
            } else {
                String other = inputOfBuffer.putIfAbsent(matches.get(0).id(), name);
                if (other != null) {
                    at.problem("buffer '" + matches.get(0).id() + "' is already input '" + other + "' of assembly '"
                            + assembly + "'");
                }
            }
        });
        for (Link link : inbound) {
            if (!inputOfBuffer.containsKey(link.id()) && names.keySet().stream().noneMatch(
                    n -> n.equals(link.from().orElseThrow()) || n.equals(link.id()))) {
                link.toAt().problem("assembly '" + assembly + "' has no input for buffer '" + link.id() + "' from '"
                        + link.from().orElseThrow() + "'; add it to its inputs");
            }
        }
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
