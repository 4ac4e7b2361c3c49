package io.linetwin.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An AGV fleet: {@code vehicles} vehicles driving at {@code speedMetresPerSecond}, taking
 * {@code loadSeconds} to load and {@code unloadSeconds} to unload a part, parked at station {@code park} (if
 * given) when idle. Each move is a link of the line (a buffer of the move's id, whose capacity is the number of
 * parts that may wait for pickup) carried by the fleet over {@code distanceMetres}. With {@code paths}, every
 * drive follows the shortest path of the graph between the stations' nodes (a move's distance is that path's).
 */
public record TransportSpec(
        int vehicles,
        double speedMetresPerSecond,
        double loadSeconds,
        double unloadSeconds,
        Optional<String> park,
        List<Move> moves,
        Optional<PathGraph> paths) {

    /** A fleet whose drives use the moves' distances (and layout places for empty drives). */
    public TransportSpec(
            int vehicles,
            double speedMetresPerSecond,
            double loadSeconds,
            double unloadSeconds,
            Optional<String> park,
            List<Move> moves) {
        this(vehicles, speedMetresPerSecond, loadSeconds, unloadSeconds, park, moves, Optional.empty());
    }

    public TransportSpec {
        Checks.inRange("transport agvs", 1, Limits.MAX_VEHICLES, vehicles);
        Checks.positive("transport speed", speedMetresPerSecond);
        Checks.nonNegative("transport load", loadSeconds);
        Checks.nonNegative("transport unload", unloadSeconds);
        Objects.requireNonNull(park, "park");
        moves = List.copyOf(moves);
        if (moves.isEmpty()) {
            throw new IllegalArgumentException("transport needs at least one move, got none");
        }
        Objects.requireNonNull(paths, "paths");
    }

    /** The link {@code id} from {@code from} to {@code to}, {@code distanceMetres} long. */
    public record Move(String id, String from, String to, double distanceMetres) {
        public Move {
            Checks.id("move id", id);
            Checks.id("move from", from);
            Checks.id("move to", to);
            Checks.positive("move " + id + " distance", distanceMetres);
        }
    }

    public Optional<Move> move(String linkId) {
        return moves.stream().filter(m -> m.id().equals(linkId)).findFirst();
    }

    /**
     * Metres driven from station {@code a} to station {@code b}: with paths, the shortest path between their nodes
     * (empty when there is none); else a move joining them (either way), else the straight line between their
     * layout places; empty when neither is known.
     */
    public Optional<Double> distance(String a, String b, Map<String, LayoutSpec> layout) {
        if (a.equals(b)) {
            return Optional.of(0.0);
        }
        if (paths.isPresent()) {
            java.util.OptionalDouble metres = paths.get().stationDistance(a, b);
            return metres.isPresent() ? Optional.of(metres.getAsDouble()) : Optional.empty();
        }
        for (Move move : moves) {
            if ((move.from().equals(a) && move.to().equals(b))
                    || (move.from().equals(b) && move.to().equals(a))) {
                return Optional.of(move.distanceMetres());
            }
        }
        LayoutSpec pa = layout.get(a);
        LayoutSpec pb = layout.get(b);
        if (pa == null || pb == null) {
            return Optional.empty();
        }
        return Optional.of(Math.hypot(pa.xMetres() - pb.xMetres(), pa.zMetres() - pb.zMetres()));
    }
}
