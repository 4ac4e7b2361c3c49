package io.linetwin.sim;

import java.util.Objects;

/**
 * What happened in a traced replication, in the order it happened; {@code timeSeconds} is engine time (seconds
 * since t = 0) and never decreases from one event to the next. Parts carry a replication-wide id, numbered from
 * 1 in release order, so a viewer can follow one part across stations and buffers. The anonymous product of a
 * line without {@code products} is the empty string. Station and buffer ids are those of the scenario.
 */
public sealed interface TraceEvent {

    double timeSeconds();

    /** A part entered the line at {@code station} (a source, or a machine without an inbound buffer). */
    record PartReleased(double timeSeconds, long part, String product, String station) implements TraceEvent {
        public PartReleased {
            Objects.requireNonNull(product, "product");
            Objects.requireNonNull(station, "station");
        }
    }

    /** A part went from one block to the next: into a buffer to wait, or into a machine's server. */
    record PartMoved(double timeSeconds, long part, String from, String to) implements TraceEvent {
        public PartMoved {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /** A good part left the line at {@code station} (a sink, or a machine without an outbound buffer). */
    record PartFinished(double timeSeconds, long part, String product, String station, double leadTimeSeconds)
            implements TraceEvent {
        public PartFinished {
            Objects.requireNonNull(product, "product");
            Objects.requireNonNull(station, "station");
        }
    }

    /** A part was scrapped when {@code station} finished it; it leaves the line at once. */
    record PartScrapped(double timeSeconds, long part, String product, String station) implements TraceEvent {
        public PartScrapped {
            Objects.requireNonNull(product, "product");
            Objects.requireNonNull(station, "station");
        }
    }

    /** At assembly {@code station}, {@code part} was built into part {@code into}; it leaves the line's WIP. */
    record PartAssembled(double timeSeconds, long part, long into, String station) implements TraceEvent {
        public PartAssembled {
            Objects.requireNonNull(station, "station");
        }
    }

    /**
     * Station {@code station} is kept from starting by a lack of {@code material} ({@code lacking} true, from the
     * first start that found too little on hand), or a delivery ended that ({@code lacking} false). Its idle
     * servers are {@code starved} meanwhile.
     */
    record MaterialShortage(double timeSeconds, String station, String material, boolean lacking)
            implements TraceEvent {
        public MaterialShortage {
            Objects.requireNonNull(station, "station");
            Objects.requireNonNull(material, "material");
        }
    }

    /**
     * AGV {@code vehicle} (numbered from 0) sets off from station {@code from} towards station {@code to}, where
     * it arrives at {@code arrivalSeconds}; {@code part} is the part on board, or -1 when it drives empty.
     */
    record VehicleMoved(double timeSeconds, int vehicle, String from, String to, double arrivalSeconds, long part)
            implements TraceEvent {
        public VehicleMoved {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /**
     * A server of a machine changed state; {@code state} is the engine's name as in the KPIs ({@code working},
     * {@code blocked}, {@code starved}, {@code down}, {@code setup}, {@code offShift}). A failure puts every
     * server of the station into {@code down}; after the repair each reports the state it resumes in.
     */
    record StateChanged(double timeSeconds, String station, int server, String state) implements TraceEvent {
        public StateChanged {
            Objects.requireNonNull(station, "station");
            Objects.requireNonNull(state, "state");
            if (server < 0) {
                throw new IllegalArgumentException("server must be >= 0, got " + server);
            }
        }
    }

    /**
     * Conveyor {@code conveyor} stopped on a failure ({@code stopped} true; its parts hold their places) or started
     * again after the repair ({@code stopped} false).
     */
    record ConveyorStopped(double timeSeconds, String conveyor, boolean stopped) implements TraceEvent {
        public ConveyorStopped {
            Objects.requireNonNull(conveyor, "conveyor");
        }
    }
}
