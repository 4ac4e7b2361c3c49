package io.linetwin.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules a line must keep for the engine to run it, beyond what its records check one by one: the shapes
 * the engine builds and that simulated time can pass. One list serves both sides, so that {@code validate}
 * accepts exactly what {@code run} accepts: the scenario loader turns each violation into a positioned problem,
 * the engine refuses a line that breaks one.
 * <ul>
 * <li>A source has no inbound link and feeds exactly one; a sink has no outbound link.</li>
 * <li>Loops run only through a quality gate (a station routing by share), so parts keep leaving them.</li>
 * <li>A source's mean interarrival time is &gt; 0.</li>
 * <li><b>Zero-time stations</b> (a machine or assembly whose mean processing time is 0 for some product: a pure
 * routing gate or counter) pass parts on at once. Something must pace them: a zero-time station needs an
 * inbound link (without one it would make parts without end), and no loop may consist of zero-time stations
 * joined by buffers.</li>
 * <li><b>Unlimited supply</b> releases parts whenever the next link has room. It must meet something that takes
 * time before parts can pile up or leave: a conveyor or AGV move (their travel paces it), or a station with a
 * processing time, reached through finite buffers and zero-time stations only; never an unlimited buffer, a
 * sink, or a zero-time station without an outbound link, where parts would be released without end at one
 * instant.</li>
 * </ul>
 */
public final class RunRules {

    /**
     * One broken rule: {@code subject} is the station or link at fault, {@code key} the key below it
     * ({@code supply}, {@code process}; empty for the item itself), {@code rule} which kind of rule it breaks.
     */
    public record Violation(Rule rule, String subject, String key, String message) {
        @Override
        public String toString() {
            return subject + (key.isEmpty() ? "" : " " + key) + ": " + message;
        }
    }

    /** The kinds of rule, so a reader can say which kind a violation breaks without parsing its message. */
    public enum Rule {
        /** A source or sink joined the wrong way. */
        LINK,
        /** A loop without a quality gate. */
        LOOP,
        /** A source's interarrival time not above 0. */
        INTERARRIVAL,
        /** Parts made or moved without end at one instant: nothing that takes time paces them. */
        UNPACED
    }

    private final LineSpec line;
    private final Map<String, StationSpec> stations = new LinkedHashMap<>();
    private final Map<String, List<BufferSpec>> inbound = new HashMap<>();
    private final Map<String, List<BufferSpec>> outbound = new HashMap<>();
    private final Set<String> paced = new HashSet<>();
    private final List<Violation> violations = new ArrayList<>();

    private RunRules(LineSpec line) {
        this.line = line;
        line.stations().forEach(s -> stations.put(s.id(), s));
        for (BufferSpec link : line.buffers()) {
            inbound.computeIfAbsent(link.to(), t -> new ArrayList<>()).add(link);
            outbound.computeIfAbsent(link.from(), f -> new ArrayList<>()).add(link);
        }
        line.conveyors().forEach(c -> paced.add(c.id()));
        line.transport().ifPresent(t -> t.moves().forEach(m -> paced.add(m.id())));
    }

    /** Every rule {@code line} breaks, stations in declaration order; empty when the engine can run it. */
    public static List<Violation> check(LineSpec line) {
        RunRules rules = new RunRules(line);
        rules.shapes();
        rules.gatedLoops();
        rules.zeroTimeLoops();
        return List.copyOf(rules.violations);
    }

    /** The first rule {@code line} breaks, as the engine reports it. */
    public static void require(LineSpec line) {
        List<Violation> found = check(line);
        if (!found.isEmpty()) {
            throw new IllegalArgumentException(found.get(0).toString());
        }
    }

    /**
     * A station whose mean processing time is 0 for some product: it passes parts on in no time.
     * Sources and sinks are not stations that process.
     */
    public static boolean zeroTime(StationSpec station) {
        if (station.process().isEmpty()) {
            return false;
        }
        if (!(station.process().get().mean() > 0)) {
            return true;
        }
        return station.processByProduct().values().stream().anyMatch(d -> !(d.mean() > 0));
    }

    private void shapes() {
        for (StationSpec station : line.stations()) {
            String id = station.id();
            List<BufferSpec> in = inbound.getOrDefault(id, List.of());
            List<BufferSpec> out = outbound.getOrDefault(id, List.of());
            switch (station.kind()) {
                case SOURCE -> {
                    if (!in.isEmpty()) {
                        add(
                                Rule.LINK,
                                id,
                                "",
                                "a source has no inbound link, got '"
                                        + in.get(0).id() + "'");
                    }
                    if (out.size() != 1) {
                        add(
                                Rule.LINK,
                                id,
                                "",
                                "a source feeds exactly one buffer, conveyor or AGV move, got " + out.size());
                    } else if (station.interarrival().isEmpty()) {
                        unlimitedSupply(station, out.get(0));
                    }
                    station.interarrival()
                            .filter(d -> !(d.mean() > 0))
                            .ifPresent(
                                    d -> add(
                                            Rule.INTERARRIVAL,
                                            id,
                                            "interarrival",
                                            "expected a mean time between arrivals > 0s, got " + d.mean()
                                                    + " s; for a source that releases whenever there is room write 'supply: unlimited'"));
                }
                case SINK -> {
                    if (!out.isEmpty()) {
                        add(
                                Rule.LINK,
                                id,
                                "",
                                "a sink has no outbound link, got '"
                                        + out.get(0).id() + "'");
                    }
                }
                case MACHINE, ASSEMBLY -> {
                    if (zeroTime(station) && in.isEmpty()) {
                        add(
                                Rule.UNPACED,
                                id,
                                "process",
                                "a zero-time station needs an inbound link to pace it: without one it "
                                        + "would make parts without end in no time; give it a processing time > 0s");
                    }
                }
                case BATCH -> {
                    if (in.isEmpty()) {
                        add(
                                Rule.LINK,
                                id,
                                "",
                                "a batch station needs an inbound link: it processes loads of parts brought to it,"
                                        + " it makes none");
                    }
                }
            }
        }
    }

    /**
     * Follows unlimited supply through finite buffers and zero-time stations to the first thing that takes time;
     * reports where parts would instead pile up or leave in no time.
     */
    private void unlimitedSupply(StationSpec source, BufferSpec first) {
        List<BufferSpec> pending = new ArrayList<>(List.of(first));
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            BufferSpec link = pending.remove(pending.size() - 1);
            if (paced.contains(link.id()) || !seen.add(link.id())) {
                continue;
            }
            String via = link.id().equals(first.id()) ? "" : " (through '" + first.id() + "')";
            String fix = "; give the source an interarrival, or put a station with a processing time, a conveyor "
                    + "or an AGV move in between";
            if (link.unlimited()) {
                add(
                        Rule.UNPACED,
                        source.id(),
                        "supply",
                        "unlimited supply feeds unlimited buffer '" + link.id() + "'" + via
                                + ": parts would pile up without end at one instant" + fix);
                continue;
            }
            StationSpec to = stations.get(link.to());
            if (to.kind() == StationKind.SINK) {
                add(
                        Rule.UNPACED,
                        source.id(),
                        "supply",
                        "unlimited supply reaches sink '" + to.id() + "' through '" + link.id()
                                + "' with nothing that takes time on the way: parts would leave without end at one instant"
                                + fix);
            } else if (to.kind() != StationKind.SOURCE && zeroTime(to)) {
                List<BufferSpec> next = outbound.getOrDefault(to.id(), List.of());
                if (next.isEmpty()) {
                    add(
                            Rule.UNPACED,
                            source.id(),
                            "supply",
                            "unlimited supply reaches zero-time station '" + to.id()
                                    + "', whose parts leave the line at once: they would leave without end at one instant"
                                    + fix);
                }
                pending.addAll(next);
            }
        }
    }

    /** Loops must pass a quality gate; checked on the graph without the gates, where any loop is ungated. */
    private void gatedLoops() {
        Map<String, List<String>> next = new HashMap<>();
        for (BufferSpec link : line.buffers()) {
            if (!isGate(link.from()) && !isGate(link.to())) {
                next.computeIfAbsent(link.from(), f -> new ArrayList<>()).add(link.to());
            }
        }
        for (List<String> loop : Loops.of(stations.keySet(), next)) {
            List<String> shown = Loops.shortestThrough(loop.get(0), Set.copyOf(loop), next);
            add(
                    Rule.LOOP,
                    loop.get(0),
                    "",
                    "the line loops: " + String.join(" -> ", shown) + "; a loop needs a quality gate "
                            + "(a station with routes by share)");
        }
    }

    /** Loops of zero-time stations joined by plain buffers (conveyors and moves take time, so they pace). */
    private void zeroTimeLoops() {
        Set<String> zero = new HashSet<>();
        line.stations().stream().filter(RunRules::zeroTime).forEach(s -> zero.add(s.id()));
        Map<String, List<String>> next = new HashMap<>();
        for (BufferSpec link : line.buffers()) {
            if (!paced.contains(link.id()) && zero.contains(link.from()) && zero.contains(link.to())) {
                next.computeIfAbsent(link.from(), f -> new ArrayList<>()).add(link.to());
            }
        }
        List<String> order = line.stations().stream()
                .map(StationSpec::id)
                .filter(zero::contains)
                .toList();
        for (List<String> loop : Loops.of(order, next)) {
            List<String> shown = Loops.shortestThrough(loop.get(0), Set.copyOf(loop), next);
            add(
                    Rule.UNPACED,
                    loop.get(0),
                    "process",
                    "a loop of zero-time stations (" + String.join(" -> ", shown) + ") would let "
                            + "a part go round without time passing; give one of them a processing time > 0s");
        }
    }

    private boolean isGate(String station) {
        StationSpec spec = stations.get(station);
        return spec != null && !spec.routes().isEmpty() && spec.routes().get(0).byShare();
    }

    private void add(Rule rule, String subject, String key, String message) {
        violations.add(new Violation(rule, subject, key, message));
    }
}
