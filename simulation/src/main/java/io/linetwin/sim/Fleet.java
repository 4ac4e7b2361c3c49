package io.linetwin.sim;

import io.linetwin.model.InFlight;
import io.linetwin.model.LayoutSpec;
import io.linetwin.model.TransportSpec;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The AGV fleet. Each part waiting for pickup is one request, served first come first served by the nearest
 * idle vehicle (ties: the lowest number). A vehicle drives empty to the pickup, loads, drives loaded, waits
 * until the destination has room, unloads (the part is handed over as unloading starts), and then serves the
 * next request or drives back to the park position, if there is one (it can take no request on that drive).
 * Utilisation counts every moment a vehicle is not idle; empty travel counts driving without a part.
 */
final class Fleet {

    private static final int IDLE = 0;
    private static final int TO_PICKUP = 1;
    private static final int LOADING = 2;
    private static final int LOADED = 3;
    private static final int WAITING_TO_UNLOAD = 4;
    private static final int UNLOADING = 5;
    private static final int TO_PARK = 6;
    /** Activity names by state, as {@link InFlight.VehicleState} spells them. */
    private static final List<String> ACTIVITIES = InFlight.VehicleState.ACTIVITIES;

    private final Model model;
    private final TransportSpec spec;
    private final Map<String, LayoutSpec> layout;
    private final Vehicle[] vehicles;
    private final ArrayDeque<AgvLink> requests = new ArrayDeque<>();
    private final Map<String, Double> metres = new HashMap<>();
    private double windowOpenSeconds = Double.NEGATIVE_INFINITY;
    private double busySeconds;
    private double emptySeconds;
    private long deliveries;

    Fleet(Model model, TransportSpec spec, Map<String, LayoutSpec> layout, String startAt) {
        this.model = model;
        this.spec = spec;
        this.layout = layout;
        this.vehicles = new Vehicle[spec.vehicles()];
        for (int i = 0; i < vehicles.length; i++) {
            vehicles[i] = new Vehicle(i, spec.park().orElse(startAt));
        }
    }

    int size() {
        return vehicles.length;
    }

    void request(AgvLink link) {
        requests.add(link);
        dispatch(model.now());
    }

    /**
     * Warm start without the fleet's state (a twin carries no vehicles): each of the {@code parts} waiting for
     * {@code link} asks for a vehicle at {@code now}, as each did when it arrived. Before the first event the model
     * has no time of its own yet, so it must be given.
     */
    void restoreRequests(AgvLink link, int parts, double now) {
        for (int i = 0; i < parts; i++) {
            requests.add(link);
        }
        dispatch(now);
    }

    void destinationFree(AgvLink link) {
        for (Vehicle vehicle : vehicles) {
            if (vehicle.state == WAITING_TO_UNLOAD && vehicle.link == link) {
                vehicle.tryUnload(model.now());
            }
        }
    }

    private void dispatch(double now) {
        while (!requests.isEmpty()) {
            AgvLink link = requests.peek();
            Vehicle nearest = null;
            double best = Double.POSITIVE_INFINITY;
            for (Vehicle vehicle : vehicles) {
                if (vehicle.state == IDLE) {
                    double d = metres(vehicle.at, link.from());
                    if (d < best) {
                        best = d;
                        nearest = vehicle;
                    }
                }
            }
            if (nearest == null) {
                return;
            }
            requests.poll();
            nearest.serve(link, now);
        }
    }

    private double metres(String from, String to) {
        return metres.computeIfAbsent(
                from + "\u0000" + to, k -> spec.distance(from, to, layout).orElseThrow());
    }

    /** The part on board the {@code index}-th vehicle, in number order, that carries one for {@code link}. */
    Part carried(AgvLink link, int index) {
        int seen = 0;
        for (Vehicle vehicle : vehicles) {
            if (vehicle.link == link && vehicle.part != null && seen++ == index) {
                return vehicle.part;
            }
        }
        throw new IllegalStateException(
                "move " + link.id() + " must have " + (index + 1) + " parts on board, got " + seen);
    }

    InFlight.FleetState state(double now) {
        List<InFlight.VehicleState> states = new ArrayList<>();
        for (Vehicle vehicle : vehicles) {
            boolean moving = vehicle.state != IDLE && vehicle.state != WAITING_TO_UNLOAD;
            states.add(new InFlight.VehicleState(
                    ACTIVITIES.get(vehicle.state),
                    vehicle.at,
                    Optional.ofNullable(vehicle.link).map(AgvLink::id),
                    moving ? Math.max(0, vehicle.stepEndsSeconds - now) : 0,
                    vehicle.part != null));
        }
        return new InFlight.FleetState(
                states, requests.stream().map(AgvLink::id).toList());
    }

    /**
     * Warm start, after the moves' waiting parts: each vehicle resumes its step, a carrying one with the next of
     * {@code carried} for its move (in vehicle order); then the open requests queue again.
     */
    void restore(
            InFlight.FleetState state, Map<String, AgvLink> links, Map<String, ArrayDeque<Part>> carried, double now) {
        if (state.vehicles().size() != vehicles.length) {
            throw new IllegalArgumentException("state fleet must describe the " + vehicles.length + " vehicles, got "
                    + state.vehicles().size());
        }
        for (int i = 0; i < vehicles.length; i++) {
            InFlight.VehicleState vs = state.vehicles().get(i);
            Vehicle vehicle = vehicles[i];
            vehicle.state = ACTIVITIES.indexOf(vs.activity());
            vehicle.at = vs.at();
            vehicle.sinceSeconds = now;
            vehicle.link = vs.move().map(id -> link(links, id)).orElse(null);
            if (vehicle.state != IDLE && vehicle.state != TO_PARK && vehicle.link == null) {
                throw new IllegalArgumentException(
                        "vehicle " + i + " " + vs.activity() + " must name its move, got " + "none");
            }
            if (vs.carrying()) {
                ArrayDeque<Part> parts = carried.get(vehicle.link.id());
                if (parts == null || parts.isEmpty()) {
                    throw new IllegalArgumentException("vehicle " + i + " carries a part of move " + vehicle.link.id()
                            + ", got none left in that move's contents");
                }
                vehicle.part = parts.poll();
                vehicle.link.board(vehicle.part);
            }
            if (vehicle.state != IDLE && vehicle.state != WAITING_TO_UNLOAD) {
                vehicle.stepEndsSeconds = now + vs.remainingSeconds();
                model.schedule.scheduleOnce(vehicle.stepEndsSeconds, Ordering.SERVER, vehicle.stepEnds);
            }
        }
        state.requests().forEach(id -> requests.add(link(links, id)));
        dispatch(now);
    }

    private static AgvLink link(Map<String, AgvLink> links, String id) {
        AgvLink link = links.get(id);
        if (link == null) {
            throw new IllegalArgumentException("state fleet must name AGV moves " + links.keySet() + ", got " + id);
        }
        return link;
    }

    void openWindow(double now) {
        for (Vehicle vehicle : vehicles) {
            vehicle.settle(now);
        }
        windowOpenSeconds = now;
        busySeconds = 0;
        emptySeconds = 0;
        deliveries = 0;
    }

    TransportResult result(double now, double horizonSeconds) {
        for (Vehicle vehicle : vehicles) {
            vehicle.settle(now);
        }
        double planned = vehicles.length * horizonSeconds;
        return new TransportResult(vehicles.length, busySeconds / planned, emptySeconds / planned, deliveries);
    }

    /** One vehicle: where it is (or heads), what it does, and the event that ends its current step. */
    private final class Vehicle {

        private final int number;
        private final Event stepEnds;
        private String at;
        private int state = IDLE;
        private AgvLink link;
        private Part part;
        private double sinceSeconds;
        private double stepEndsSeconds;

        Vehicle(int number, String at) {
            this.number = number;
            this.at = at;
            this.stepEnds = new Event(model) {
                private static final long serialVersionUID = 1L;

                @Override
                void fire(double now) {
                    next(now);
                }
            };
        }

        void serve(AgvLink request, double now) {
            link = request;
            drive(TO_PICKUP, request.from(), null, now);
        }

        private void drive(int driving, String to, Part carried, double now) {
            double seconds = metres(at, to) / spec.speedMetresPerSecond();
            if (model.tracing()) {
                model.traceVehicle(number, at, to, now + seconds, carried);
            }
            change(driving, now);
            at = to;
            stepEndsAt(now + seconds);
        }

        private void next(double now) {
            switch (state) {
                case TO_PICKUP -> {
                    change(LOADING, now);
                    stepEndsAt(now + spec.loadSeconds());
                }
                case LOADING -> {
                    part = link.load();
                    drive(LOADED, link.to(), part, now);
                }
                case LOADED -> {
                    change(WAITING_TO_UNLOAD, now);
                    tryUnload(now);
                }
                case UNLOADING -> {
                    deliveries++;
                    link = null;
                    becomeIdle(now);
                }
                case TO_PARK -> becomeIdle(now);
                default ->
                    throw new IllegalStateException(
                            "vehicle " + number + " step must end in a moving state," + " got " + state);
            }
        }

        /** The state changes before the hand-over, which may call back here through the destination. */
        void tryUnload(double now) {
            if (!link.canUnload()) {
                return;
            }
            Part carried = part;
            part = null;
            change(UNLOADING, now);
            stepEndsAt(now + spec.unloadSeconds());
            link.unload(carried);
        }

        private void stepEndsAt(double atSeconds) {
            stepEndsSeconds = atSeconds;
            model.schedule.scheduleOnce(atSeconds, Ordering.SERVER, stepEnds);
        }

        private void becomeIdle(double now) {
            change(IDLE, now);
            dispatch(now);
            if (state == IDLE
                    && spec.park().isPresent()
                    && !at.equals(spec.park().get())) {
                drive(TO_PARK, spec.park().get(), null, now);
            }
        }

        private void change(int newState, double now) {
            settle(now);
            state = newState;
        }

        /** Adds the time since the last change, within the window, to the fleet's tallies. */
        void settle(double now) {
            double from = Math.max(sinceSeconds, windowOpenSeconds);
            if (now > from) {
                if (state != IDLE) {
                    busySeconds += now - from;
                }
                if (state == TO_PICKUP || state == TO_PARK) {
                    emptySeconds += now - from;
                }
            }
            sinceSeconds = now;
        }
    }
}
