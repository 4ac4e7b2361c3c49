package io.linetwin.render;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What travels at one instant: parts on conveyors (how far along the belt each has come), AGVs (which leg they
 * drive and how much of it is behind them) and which conveyors stand stopped by a failure. Keys are the engine's
 * part ids and vehicle numbers.
 */
public record Movers(Map<Long, OnConveyor> parts, Map<Integer, Trip> vehicles, Set<String> stoppedConveyors) {

    /** A part {@code metres} from the start of conveyor {@code conveyor}. */
    public record OnConveyor(String conveyor, double metres) {
        public OnConveyor {
            Objects.requireNonNull(conveyor, "conveyor");
            if (!(metres >= 0) || Double.isInfinite(metres)) {
                throw new IllegalArgumentException(
                        "position on conveyor " + conveyor + " must be a finite number >= 0 metres, got " + metres);
            }
        }
    }

    /**
     * A vehicle on its way from station {@code from} to station {@code to}, {@code done} (0..1) of the way, with a
     * part on board or {@code loaded} false when it drives empty.
     */
    public record Trip(String from, String to, double done, boolean loaded) {
        public Trip(String from, String to, double done) {
            this(from, to, done, false);
        }

        public Trip {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (!(done >= 0 && done <= 1)) {
                throw new IllegalArgumentException("share of the trip done must be in [0, 1], got " + done);
            }
        }
    }

    public Movers {
        parts = Map.copyOf(parts);
        vehicles = Map.copyOf(vehicles);
        stoppedConveyors = Set.copyOf(stoppedConveyors);
    }

    /** Nothing known about stopped conveyors: all drawn running. */
    public Movers(Map<Long, OnConveyor> parts, Map<Integer, Trip> vehicles) {
        this(parts, vehicles, Set.of());
    }

    public static Movers none() {
        return new Movers(Map.of(), Map.of(), Set.of());
    }
}
