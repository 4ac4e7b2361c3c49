package io.linetwin.render;

import io.linetwin.model.BufferSpec;
import io.linetwin.model.ConveyorSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.StationKind;
import io.linetwin.model.StationSpec;
import io.linetwin.model.StationStatus;
import io.linetwin.sim.ReplicationResult;
import io.linetwin.sim.TraceEvent;
import io.linetwin.sim.TraceListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Follows a traced replication and knows, at any point of it, each machine's state and each buffer's level: so
 * one run to an instant gives both the picture and (from its result) the KPIs, where the engine's snapshot would
 * need a second run. A station's state comes from its servers' as the engine's snapshot defines it: down and off
 * shift hold for the whole station, otherwise the most active server wins (working, setup, blocked, starved).
 * Servers start starved, buffers empty (a run from an empty line). On the simulation's thread only.
 *
 * <p>Parts staged at an assembly count in their input buffer, as in the snapshot. A part the buffer hands
 * straight through to the staging area leaves no trace event; it is known to have left its machine when the
 * machine holds more parts than it has busy servers, and is then counted in the buffer to the assembly.
 *
 * <p>Travel: a part on a conveyor moves at the belt's speed from when it entered, and closes up behind the part
 * ahead of it at the conveyor's spacing (the belt accumulates at its end); a stopped belt (a conveyor failure)
 * (a conveyor failure) holds its parts where they are until it starts again. An AGV moves at constant speed from
 * where it set off to where it arrives at the announced time, and then stands there until it sets off again.
 */
public final class TraceRecorder implements TraceListener {

    private static final String INITIAL = StationStatus.STARVED.json();

    private final LineSpec line;
    private final Map<String, List<String>> servers = new HashMap<>();
    /** Buffer id → parts in it; a one-element array, so counting allocates nothing. */
    private final Map<String, int[]> levels = new LinkedHashMap<>();
    /** Where each part is, by part id (ids count up from 1 in release order); null once it left the line. */
    private String[] partAt = new String[1024];
    /** For machines that feed an assembly: the parts last seen entering them, oldest first. */
    private final Map<String, ArrayDeque<Long>> inStation = new HashMap<>();

    private final Map<String, Integer> serverCount = new HashMap<>();
    /**
     * Conveyor id → its parts, oldest (furthest along) first: part id, when it entered, and the conveyor's stopped
     * seconds up to then.
     */
    private final Map<String, ArrayDeque<double[]>> onBelt = new HashMap<>();
    /** Conveyor id → {seconds stopped before the current stop, start of the current stop or NaN while running}. */
    private final Map<String, double[]> stops = new HashMap<>();

    private final Map<String, ConveyorSpec> conveyors = new HashMap<>();
    /** Vehicle → its latest leg: from, to, set-off and arrival seconds. */
    private final Map<Integer, TraceEvent.VehicleMoved> legs = new TreeMap<>();
    /** Machine → the buffer through which it feeds an assembly's staging area. */
    private final Map<String, String> stagingBuffer = new HashMap<>();

    public TraceRecorder(LineSpec line) {
        this.line = Objects.requireNonNull(line, "line");
        for (BufferSpec buffer : line.buffers()) {
            levels.put(buffer.id(), new int[1]);
            if (line.station(buffer.to())
                    .filter(s -> s.kind() == StationKind.ASSEMBLY)
                    .isPresent()) {
                stagingBuffer.putIfAbsent(buffer.from(), buffer.id());
                inStation.putIfAbsent(buffer.from(), new ArrayDeque<>());
            }
        }
        for (StationSpec station : line.stations()) {
            serverCount.put(station.id(), Math.max(1, station.servers()));
        }
        for (ConveyorSpec conveyor : line.conveyors()) {
            conveyors.put(conveyor.id(), conveyor);
            onBelt.put(conveyor.id(), new ArrayDeque<>());
            stops.put(conveyor.id(), new double[] {0, Double.NaN});
        }
    }

    @Override
    public void on(TraceEvent event) {
        if (event instanceof TraceEvent.StateChanged changed) {
            List<String> states = servers.computeIfAbsent(changed.station(), s -> new ArrayList<>());
            while (states.size() <= changed.server()) {
                states.add(INITIAL);
            }
            states.set(changed.server(), changed.state());
            if (inStation.containsKey(changed.station())) {
                stageSurplus(changed.station(), busy(states));
            }
        } else if (event instanceof TraceEvent.PartReleased released) {
            place(released.part(), released.station());
        } else if (event instanceof TraceEvent.PartMoved moved) {
            leave(moved.part());
            place(moved.part(), moved.to());
            ArrayDeque<double[]> belt = onBelt.get(moved.to());
            if (belt != null) {
                belt.addLast(
                        new double[] {moved.part(), moved.timeSeconds(), stoppedSeconds(moved.to(), moved.timeSeconds())
                        });
            }
            stageSurplus(moved.to(), serverCount.getOrDefault(moved.to(), 1));
        } else if (event instanceof TraceEvent.PartFinished finished) {
            leave(finished.part());
        } else if (event instanceof TraceEvent.PartScrapped scrapped) {
            leave(scrapped.part());
        } else if (event instanceof TraceEvent.PartAssembled assembled) {
            leave(assembled.part());
        } else if (event instanceof TraceEvent.VehicleMoved leg) {
            legs.put(leg.vehicle(), leg);
        } else if (event instanceof TraceEvent.ConveyorStopped change) {
            double[] stop = stops.get(change.conveyor());
            if (stop != null) {
                if (change.stopped() && Double.isNaN(stop[1])) {
                    stop[1] = change.timeSeconds();
                } else if (!change.stopped() && !Double.isNaN(stop[1])) {
                    stop[0] += change.timeSeconds() - stop[1];
                    stop[1] = Double.NaN;
                }
            }
        }
    }

    /** Seconds {@code conveyor} has stood stopped from the start of the run up to {@code nowSeconds}. */
    private double stoppedSeconds(String conveyor, double nowSeconds) {
        double[] stop = stops.get(conveyor);
        return Double.isNaN(stop[1]) ? stop[0] : stop[0] + (nowSeconds - stop[1]);
    }

    private void place(long part, String where) {
        int index = Math.toIntExact(part);
        if (index >= partAt.length) {
            partAt = Arrays.copyOf(partAt, Math.max(index + 1, partAt.length * 2));
        }
        partAt[index] = where;
        int[] level = levels.get(where);
        if (level != null) {
            level[0]++;
            return;
        }
        ArrayDeque<Long> parts = inStation.get(where);
        if (parts != null) {
            parts.addLast(part);
        }
    }

    private void leave(long part) {
        int index = Math.toIntExact(part);
        String where = index < partAt.length ? partAt[index] : null;
        if (where == null) {
            return;
        }
        partAt[index] = null;
        int[] level = levels.get(where);
        if (level != null) {
            level[0]--;
            ArrayDeque<double[]> belt = onBelt.get(where);
            if (belt != null && !belt.isEmpty()) {
                if (belt.peekFirst()[0] == part) {
                    belt.pollFirst();
                } else {
                    belt.removeIf(p -> p[0] == part);
                }
            }
            return;
        }
        ArrayDeque<Long> parts = inStation.get(where);
        if (parts != null) {
            parts.remove(part);
        }
    }

    /** Parts beyond what {@code station}'s busy servers hold went on to the assembly's staging area. */
    private void stageSurplus(String station, int holding) {
        ArrayDeque<Long> parts = inStation.get(station);
        if (parts == null) {
            return;
        }
        String buffer = stagingBuffer.get(station);
        while (parts.size() > holding) {
            long oldest = parts.peekFirst();
            leave(oldest);
            place(oldest, buffer);
        }
    }

    private static int busy(List<String> states) {
        int n = 0;
        for (String s : states) {
            if (!INITIAL.equals(s)) {
                n++;
            }
        }
        return n;
    }

    /** The state of each machine and assembly now. */
    public Map<String, StationStatus> stations() {
        Map<String, StationStatus> states = new LinkedHashMap<>();
        for (StationSpec station : line.stations()) {
            if (station.kind().processesParts()) {
                states.put(
                        station.id(),
                        StationStatus.ofServers(servers.getOrDefault(station.id(), List.of()))
                                .orElse(StationStatus.STARVED));
            }
        }
        return states;
    }

    /** Parts in each buffer (conveyors and AGV links included) now. */
    public Map<String, Integer> levels() {
        Map<String, Integer> copy = new LinkedHashMap<>();
        levels.forEach((id, level) -> copy.put(id, level[0]));
        return copy;
    }

    /** The view of the run's present instant {@code nowSeconds}, with {@code upTo}'s KPIs in the HUD. */
    public LineView view(double nowSeconds, ReplicationResult upTo) {
        return InstantView.of(nowSeconds, stations(), levels(), movers(nowSeconds), upTo);
    }

    /** Parts on conveyors and AGVs at {@code nowSeconds}, the run's present instant. */
    public Movers movers(double nowSeconds) {
        Map<Long, Movers.OnConveyor> parts = new HashMap<>();
        onBelt.forEach((id, belt) -> {
            ConveyorSpec spec = conveyors.get(id);
            double ahead = Double.POSITIVE_INFINITY;
            double stoppedNow = stoppedSeconds(id, nowSeconds);
            for (double[] part : belt) {
                double moving = nowSeconds - part[1] - (stoppedNow - part[2]);
                double free = spec.speedMetresPerSecond() * Math.max(0, moving);
                double metres =
                        Math.max(0, Math.min(Math.min(free, spec.lengthMetres()), ahead - spec.spacingMetres()));
                parts.put((long) part[0], new Movers.OnConveyor(id, metres));
                ahead = metres;
            }
        });
        Map<Integer, Movers.Trip> vehicles = new HashMap<>();
        legs.forEach((vehicle, leg) -> {
            double span = leg.arrivalSeconds() - leg.timeSeconds();
            double done = span > 0 ? (nowSeconds - leg.timeSeconds()) / span : 1;
            vehicles.put(
                    vehicle, new Movers.Trip(leg.from(), leg.to(), Math.max(0, Math.min(1, done)), leg.part() >= 0));
        });
        java.util.Set<String> stopped = new java.util.HashSet<>();
        stops.forEach((id, stop) -> {
            if (!Double.isNaN(stop[1])) {
                stopped.add(id);
            }
        });
        return new Movers(parts, vehicles, stopped);
    }
}
