package io.linetwin.scenario;

import io.linetwin.model.Loops;
import io.linetwin.model.StationKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The shapes the engine runs: buffers join two different existing stations; a station with several outbound
 * buffers routes to each ({@code routes}), except a batch station, which unloads into one; one with several
 * inbound buffers merges them (an assembly takes one
 * per input instead); no buffer into a source or out of a sink; a source feeds one buffer; loops only through
 * a quality gate (a station that routes by share, so that parts leave the loop).
 */
final class TopologyCheck {

    /** A buffer's ends as written, with where they were written. */
    record Link(
            String id, YamlCursor at, Optional<String> from, YamlCursor fromAt, Optional<String> to, YamlCursor toAt) {}

    /** A station's routes as written: target buffer ids with where they were written, and their kind. */
    record Routes(Map<String, YamlCursor> targets, boolean byShare) {}

    private TopologyCheck() {}

    /**
     * Reports every broken rule; {@code stations} maps each id to its kind (empty when unreadable),
     * {@code inputs} each assembly to its input names, {@code routes} each routing station to its routes.
     */
    static void check(
            Map<String, Optional<StationKind>> stations,
            List<Link> links,
            Map<String, Map<String, YamlCursor>> inputs,
            Map<String, Routes> routes) {
        Map<String, List<Link>> outbound = new LinkedHashMap<>();
        Map<String, List<Link>> intoAssembly = new LinkedHashMap<>();
        List<Link> joining = new ArrayList<>();
        for (Link link : links) {
            boolean fromOk =
                    link.from().map(f -> exists(stations, f, link.fromAt())).orElse(false);
            boolean toOk = link.to().map(t -> exists(stations, t, link.toAt())).orElse(false);
            if (!fromOk || !toOk) {
                continue;
            }
            String from = link.from().get();
            String to = link.to().get();
            if (from.equals(to)) {
                link.toAt()
                        .problem(
                                ProblemCode.TOPOLOGY_LINK,
                                "a buffer must join two different stations, got '" + to + "' twice");
                continue;
            }
            boolean ok = true;
            if (stations.get(from).filter(k -> k == StationKind.SINK).isPresent()) {
                link.fromAt()
                        .problem(ProblemCode.TOPOLOGY_LINK, "a sink has no outbound buffer, got sink '" + from + "'");
                ok = false;
            }
            if (stations.get(to).filter(k -> k == StationKind.SOURCE).isPresent()) {
                link.toAt()
                        .problem(ProblemCode.TOPOLOGY_LINK, "a source has no inbound buffer, got source '" + to + "'");
                ok = false;
            }
            List<Link> out = outbound.computeIfAbsent(from, f -> new ArrayList<>());
            if (!out.isEmpty()
                    && stations.get(from).filter(k -> k == StationKind.SOURCE).isPresent()) {
                link.fromAt()
                        .problem(
                                ProblemCode.TOPOLOGY_LINK,
                                "a source feeds one buffer, got a second one after '"
                                        + out.get(0).id() + "'");
                ok = false;
            } else if (!out.isEmpty()
                    && stations.get(from).filter(k -> k == StationKind.BATCH).isPresent()) {
                link.fromAt()
                        .problem(
                                ProblemCode.TOPOLOGY_BATCH_OUTBOUND,
                                "batch station '" + from + "' already has outbound buffer '"
                                        + out.get(0).id()
                                        + "'; a batch station unloads into one buffer and takes no 'routes': split"
                                        + " the flow after it, at a machine with 'routes'");
                ok = false;
            } else if (!out.isEmpty() && !routes.containsKey(from)) {
                link.fromAt()
                        .problem(
                                ProblemCode.TOPOLOGY_LINK,
                                "station '" + from + "' already has outbound buffer '"
                                        + out.get(0).id()
                                        + "'; a station with several outbound buffers needs 'routes'");
                ok = false;
            }
            if (ok) {
                out.add(link);
                if (stations.get(to).filter(k -> k == StationKind.ASSEMBLY).isPresent()) {
                    intoAssembly.computeIfAbsent(to, a -> new ArrayList<>()).add(link);
                }
                joining.add(link);
            }
        }
        routes.forEach((station, r) -> matchRoutes(station, r, outbound.getOrDefault(station, List.of())));
        reportCycles(stations.keySet(), joining, routes);
        inputs.forEach(
                (assembly, names) -> matchInputs(assembly, names, intoAssembly.getOrDefault(assembly, List.of())));
    }

    /** Each route goes to an outbound buffer of its station, and each outbound buffer has a route. */
    private static void matchRoutes(String station, Routes routes, List<Link> outbound) {
        List<String> ids = outbound.stream().map(Link::id).toList();
        routes.targets().forEach((target, at) -> {
            if (!ids.contains(target)) {
                at.problem(
                        ProblemCode.REFERENCE_UNKNOWN_BUFFER,
                        "no outbound buffer '" + target + "' of station '" + station + "'"
                                + (ids.isEmpty() ? "; the station has none" : Suggestions.hint(target, ids)));
            }
        });
        if (outbound.size() < 2 && !routes.targets().isEmpty()) {
            routes.targets()
                    .values()
                    .iterator()
                    .next()
                    .problem(
                            ProblemCode.TOPOLOGY_ROUTES,
                            "routes need at least two outbound buffers, got " + outbound.size());
        }
        for (Link link : outbound) {
            if (!routes.targets().containsKey(link.id())) {
                link.fromAt()
                        .problem(
                                ProblemCode.TOPOLOGY_ROUTES,
                                "station '" + station + "' routes no part to buffer '" + link.id()
                                        + "'; add a route to it");
            }
        }
    }

    /** Each input names one inbound buffer (by its id or the station feeding it); each such buffer is an input. */
    private static void matchInputs(String assembly, Map<String, YamlCursor> names, List<Link> inbound) {
        Map<String, String> inputOfBuffer = new HashMap<>();
        names.forEach((name, at) -> {
            List<Link> matches = inbound.stream()
                    .filter(l -> l.id().equals(name) || l.from().orElseThrow().equals(name))
                    .toList();
            if (matches.isEmpty()) {
                List<String> candidates = new ArrayList<>();
                inbound.forEach(l -> {
                    candidates.add(l.id());
                    candidates.add(l.from().orElseThrow());
                });
                at.problem(
                        ProblemCode.REFERENCE_UNKNOWN_BUFFER,
                        "no buffer into assembly '" + assembly + "' from '" + name + "'"
                                + (candidates.isEmpty()
                                        ? "; the assembly has no inbound buffer"
                                        : Suggestions.hint(name, candidates)));
            } else if (matches.size() > 1) {
                at.problem(
                        ProblemCode.TOPOLOGY_ASSEMBLY_INPUTS,
                        "'" + name + "' feeds assembly '" + assembly + "' through " + matches.size()
                                + " buffers; name the buffer instead");
            } else {
                String other = inputOfBuffer.putIfAbsent(matches.get(0).id(), name);
                if (other != null) {
                    at.problem(
                            ProblemCode.TOPOLOGY_ASSEMBLY_INPUTS,
                            "buffer '" + matches.get(0).id() + "' is already input '" + other + "' of assembly '"
                                    + assembly + "'");
                }
            }
        });
        for (Link link : inbound) {
            if (!inputOfBuffer.containsKey(link.id())
                    && names.keySet().stream()
                            .noneMatch(n -> n.equals(link.from().orElseThrow()) || n.equals(link.id()))) {
                link.toAt()
                        .problem(
                                ProblemCode.TOPOLOGY_ASSEMBLY_INPUTS,
                                "assembly '" + assembly + "' has no input for buffer '" + link.id() + "' from '"
                                        + link.from().orElseThrow() + "'; add it to its inputs");
            }
        }
    }

    private static boolean exists(Map<String, Optional<StationKind>> stations, String id, YamlCursor at) {
        if (stations.containsKey(id)) {
            return true;
        }
        at.problem(
                ProblemCode.REFERENCE_UNKNOWN_STATION,
                "no station '" + id + "'" + Suggestions.hint(id, stations.keySet()));
        return false;
    }

    /**
     * Loops are allowed only through a station that routes by share (a quality gate sending a share to rework),
     * so parts keep leaving the loop. Any loop of the line without its gates is ungated; each such knot of
     * stations is reported once, by its shortest loop, at that loop's buffer written last. Linear in the line's
     * size: a search from every station took a minute on 20,000 stations.
     */
    private static void reportCycles(Collection<String> stations, List<Link> links, Map<String, Routes> routes) {
        Map<String, List<Link>> next = new LinkedHashMap<>();
        Map<String, List<String>> ungated = new HashMap<>();
        for (Link l : links) {
            String from = l.from().orElseThrow();
            String to = l.to().orElseThrow();
            next.computeIfAbsent(from, f -> new ArrayList<>()).add(l);
            if (!isGate(from, routes) && !isGate(to, routes)) {
                ungated.computeIfAbsent(from, f -> new ArrayList<>()).add(to);
            }
        }
        for (List<String> knot : Loops.of(stations, ungated)) {
            List<String> loop = Loops.shortestThrough(knot.get(0), Set.copyOf(knot), ungated);
            latest(loop, next)
                    .at()
                    .problem(
                            ProblemCode.TOPOLOGY_LOOP,
                            "the line loops: " + String.join(" -> ", loop) + "; a loop needs a "
                                    + "quality gate (a station with routes by share)");
        }
    }

    private static boolean isGate(String station, Map<String, Routes> routes) {
        return routes.containsKey(station) && routes.get(station).byShare();
    }

    /** The buffer written last in the loop: the one most likely added by mistake. */
    private static Link latest(List<String> loop, Map<String, List<Link>> next) {
        Link latest = null;
        for (int i = 0; i < loop.size() - 1; i++) {
            String to = loop.get(i + 1);
            for (Link link : next.get(loop.get(i))) {
                boolean later = latest == null
                        || link.at().node().getStartMark().getIndex()
                                > latest.at().node().getStartMark().getIndex();
                if (link.to().orElseThrow().equals(to) && later) {
                    latest = link;
                }
            }
        }
        return latest;
    }
}
