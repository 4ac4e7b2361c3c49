package io.linetwin.scenario;

import io.linetwin.model.BufferSpec;
import io.linetwin.model.TransportSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code line.transport}: {@code {agvs, speed, load, unload, park, moves: [{id, from, to, distance,
 * capacity}]}}. Each move becomes a link of the line (id default {@code <from>-to-<to>}, capacity: parts that
 * may wait for pickup, default 1), checked like a buffer by the topology rules.
 */
final class TransportReader {

    private TransportReader() {
    }

    static Optional<TransportSpec> read(YamlCursor at, Map<String, YamlCursor> ids, List<TopologyCheck.Link> links,
            List<BufferSpec> buffers) {
        Optional<MappingReader> mapping = at.mapping();
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        MappingReader map = mapping.get().allow(List.of("agvs", "speed", "load", "unload", "park", "moves"));
        int before = at.problems().count();
        int agvs = map.required("agvs").flatMap(c -> c.integer(1)).orElse(1);
        Optional<Double> speed = map.required("speed").flatMap(c -> ConveyorReader.quantity(c, Units.Quantity.SPEED));
        double load = map.optional("load").flatMap(YamlCursor::duration).orElse(0.0);
        double unload = map.optional("unload").flatMap(YamlCursor::duration).orElse(0.0);
        Optional<String> park = map.optional("park").flatMap(c -> {
            Optional<String> id = c.id();
            id.filter(p -> !ids.containsKey(p)).ifPresent(p -> c.problem("no station '" + p + "'"
                    + Suggestions.hint(p, ids.keySet())));
            return id;
        });
        List<TransportSpec.Move> moves = new ArrayList<>();
        map.required("moves").flatMap(c -> c.items("id")).ifPresent(items -> items.forEach(item ->
                move(item, ids, links, buffers).ifPresent(moves::add)));
        if (at.problems().count() > before) {
            return Optional.empty();
        }
        return at.problems().guard(at.node(), at.path(),
                () -> new TransportSpec(agvs, speed.get(), load, unload, park, moves));
    }

    private static Optional<TransportSpec.Move> move(YamlCursor at, Map<String, YamlCursor> ids,
            List<TopologyCheck.Link> links, List<BufferSpec> buffers) {
        Optional<MappingReader> mapping = at.mapping();
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        MappingReader map = mapping.get().allow(List.of("id", "from", "to", "distance", "capacity"));
        int before = at.problems().count();
        Optional<YamlCursor> fromAt = map.required("from");
        Optional<YamlCursor> toAt = map.required("to");
        Optional<String> from = fromAt.flatMap(YamlCursor::id);
        Optional<String> to = toAt.flatMap(YamlCursor::id);
        Optional<String> id = map.optional("id").map(c -> c.id()).orElseGet(() -> from.flatMap(f -> to.map(
                t -> f + "-to-" + t)));
        Optional<Double> distance = map.required("distance")
                .flatMap(c -> ConveyorReader.quantity(c, Units.Quantity.LENGTH));
        int capacity = map.optional("capacity").flatMap(c -> c.integer(1)).orElse(1);
        if (id.isEmpty() || fromAt.isEmpty() || toAt.isEmpty()) {
            return Optional.empty();
        }
        YamlCursor first = ids.putIfAbsent(id.get(), at);
        if (first != null) {
            at.problem("duplicate id '" + id.get() + "' (first used at " + LineReader.position(first) + ")");
            return Optional.empty();
        }
        links.add(new TopologyCheck.Link(id.get(), at, from, fromAt.get(), to, toAt.get()));
        if (at.problems().count() > before || from.equals(to)) {
            return Optional.empty();
        }
        buffers.add(new BufferSpec(id.get(), from.get(), to.get(), capacity));
        return at.problems().guard(at.node(), at.path(),
                () -> new TransportSpec.Move(id.get(), from.get(), to.get(), distance.get()));
    }
}
