package io.linetwin.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What is under way at a {@link LineState}'s instant beyond what equipment reports: the detail a simulation
 * snapshot knows and a live twin rarely does. Every part is optional; what is left out is drawn afresh or
 * assumed at a warm start (see {@code io.linetwin.sim.WarmStart}). Times are engine seconds.
 *
 * @param releaseSeconds     block id → the release times of the parts it holds, in the order the state lists
 *                           them: a station's busy servers in server order; a buffer's, conveyor's or AGV move's
 *                           parts in the order of its {@link BufferContents#sequence()}. A block left out has its
 *                           parts count as released at the start instant
 * @param conveyors          conveyor id → where its parts are and whether its belt is stopped
 * @param fleet              the AGV fleet's vehicles and open requests
 * @param orders             material id → the order in flight
 * @param failureDueSeconds  equipment id (station or conveyor) → failure mode → the clock time left until the mode
 *                           comes due on the mode's clock ({@link FailureBasis}): working seconds for
 *                           {@code operating}, seconds up for {@code uptime}, seconds for {@code wall}; 0 for a mode that came due while the equipment was halted and strikes
 *                           when it is next up. A mode left out draws its time between failures afresh
 * @param staged             assembly input link id → how many of the parts listed first in its contents sit in
 *                           the assembly's staging place (the rest are still in the link, travelling or waiting
 *                           for pickup); a link left out fills the staging place first
 * @param loadStartedSeconds batch station id → the engine time the first part of the load it is forming (loading,
 *                           not yet full) entered: its maximum wait runs from then. A station left out waits its
 *                           whole maximum from the start instant
 */
public record InFlight(
        Map<String, List<Double>> releaseSeconds,
        Map<String, ConveyorState> conveyors,
        Optional<FleetState> fleet,
        Map<String, MaterialOrder> orders,
        Map<String, Map<String, Double>> failureDueSeconds,
        Map<String, Integer> staged,
        Map<String, Double> loadStartedSeconds) {

    public InFlight {
        Map<String, List<Double>> releases = new HashMap<>();
        releaseSeconds.forEach((block, times) -> {
            times.forEach(t -> Checks.finite("release time of a part in " + block, t));
            releases.put(block, List.copyOf(times));
        });
        releaseSeconds = Checks.orderedCopy(releases);
        conveyors = Checks.orderedCopy(conveyors);
        Objects.requireNonNull(fleet, "fleet");
        orders = Checks.orderedCopy(orders);
        Map<String, Map<String, Double>> clocks = new HashMap<>();
        failureDueSeconds.forEach((equipment, modes) -> {
            modes.forEach((mode, left) -> Checks.nonNegative("failure clock of " + equipment + "." + mode, left));
            clocks.put(equipment, Checks.orderedCopy(modes));
        });
        failureDueSeconds = Checks.orderedCopy(clocks);
        staged.forEach((link, parts) -> Checks.atLeast("staged parts of " + link, 0, parts));
        staged = Checks.orderedCopy(staged);
        loadStartedSeconds.forEach((station, t) -> Checks.finite("load start of " + station, t));
        loadStartedSeconds = Checks.orderedCopy(loadStartedSeconds);
    }

    /** Without batch loads being formed. */
    public InFlight(
            Map<String, List<Double>> releaseSeconds,
            Map<String, ConveyorState> conveyors,
            Optional<FleetState> fleet,
            Map<String, MaterialOrder> orders,
            Map<String, Map<String, Double>> failureDueSeconds,
            Map<String, Integer> staged) {
        this(releaseSeconds, conveyors, fleet, orders, failureDueSeconds, staged, Map.of());
    }

    /** Nothing known beyond the equipment's reported state. */
    public static InFlight none() {
        return new InFlight(Map.of(), Map.of(), Optional.empty(), Map.of(), Map.of(), Map.of(), Map.of());
    }

    /**
     * Parts on a conveyor and the belt's own timers.
     *
     * @param travelLeftSeconds  for each part from the front (next to leave), the travel time still to go before it
     *                           reaches the end (0: it is at the end, accumulated)
     * @param entryFreeInSeconds time until the entry is one gap clear of the last part that entered
     * @param exitFreeInSeconds  time until the next part may leave (one gap after the last that left)
     * @param repair             the failure mode under repair and the repair time left, when the belt is stopped
     */
    public record ConveyorState(
            List<Double> travelLeftSeconds,
            double entryFreeInSeconds,
            double exitFreeInSeconds,
            Optional<Repair> repair) {

        public ConveyorState {
            travelLeftSeconds = List.copyOf(travelLeftSeconds);
            travelLeftSeconds.forEach(t -> Checks.nonNegative("travelLeftSeconds", t));
            Checks.nonNegative("entryFreeInSeconds", entryFreeInSeconds);
            Checks.nonNegative("exitFreeInSeconds", exitFreeInSeconds);
            Objects.requireNonNull(repair, "repair");
        }
    }

    /** A repair under way: {@code failure} names the mode, {@code remainingSeconds} what is left of it. */
    public record Repair(String failure, double remainingSeconds) {
        public Repair {
            Objects.requireNonNull(failure, "failure");
            Checks.nonNegative("remainingSeconds", remainingSeconds);
        }
    }

    /**
     * The AGV fleet: every vehicle in number order, and the pickup requests not yet served, oldest first (one
     * per part waiting at a move's pickup place with no vehicle on its way).
     */
    public record FleetState(List<VehicleState> vehicles, List<String> requests) {
        public FleetState {
            vehicles = List.copyOf(vehicles);
            requests = List.copyOf(requests);
        }
    }

    /**
     * One vehicle.
     *
     * @param activity         {@code idle}, {@code toPickup}, {@code loading}, {@code loaded} (driving with a part),
     *                         {@code waitingToUnload}, {@code unloading} or {@code toPark}
     * @param at               the station (or park position) where it is, or where it heads while driving
     * @param move             the AGV move it serves (none while idle or returning to park)
     * @param remainingSeconds time left in its current step (0 for idle and waiting to unload)
     * @param carrying         whether it has a part on board; that part is listed last, after the move's waiting
     *                         parts, in the move's buffer contents (vehicles in number order)
     */
    public record VehicleState(
            String activity, String at, Optional<String> move, double remainingSeconds, boolean carrying) {

        public static final List<String> ACTIVITIES =
                List.of("idle", "toPickup", "loading", "loaded", "waitingToUnload", "unloading", "toPark");

        public VehicleState {
            if (!ACTIVITIES.contains(activity)) {
                throw new IllegalArgumentException(
                        "vehicle activity must be one of " + ACTIVITIES + ", got " + activity);
            }
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(move, "move");
            Checks.nonNegative("remainingSeconds", remainingSeconds);
        }
    }

    /** A material order placed and not yet delivered: {@code quantity} units arriving in {@code arrivesInSeconds}. */
    public record MaterialOrder(double quantity, double arrivesInSeconds) {
        public MaterialOrder {
            Checks.positive("quantity", quantity);
            Checks.nonNegative("arrivesInSeconds", arrivesInSeconds);
        }
    }
}
