package io.linetwin.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * A link carried by the AGV fleet: parts wait for pickup at the {@code from} station (up to {@code capacity}),
 * each asks the fleet for a vehicle, and a vehicle hands its part to the {@code to} station when that has
 * room. Parts on board count in this link's level, so they stay in the line's work in process.
 */
final class AgvLink extends Buffer {

    private final Model model;
    private final String from;
    private final String to;
    private final int capacity;
    private final PartQueue waiting = new PartQueue();
    private final Fleet fleet;
    private final List<Part> onBoard = new ArrayList<>();

    AgvLink(Model model, String id, String from, String to, int capacity, Fleet fleet) {
        super(id, model.productCount());
        this.model = model;
        this.from = from;
        this.to = to;
        this.capacity = capacity;
        this.fleet = fleet;
    }

    String from() {
        return from;
    }

    String to() {
        return to;
    }

    /** Pickup places plus one part per vehicle: the most this link can hold. */
    @Override
    public int capacity() {
        return capacity + fleet.size();
    }

    @Override
    public int level() {
        return waiting.size() + onBoard.size();
    }

    /**
     * Waiting parts from the front, then the parts on board in vehicle order (a warm start without the fleet's
     * state puts them all at the pickup).
     */
    @Override
    public Part waiting(int index) {
        return index < waiting.size() ? waiting.get(index) : fleet.carried(this, index - waiting.size());
    }

    /** Parts at the pickup place, not yet on board. */
    int waitingForPickup() {
        return waiting.size();
    }

    /** Warm start with the fleet's state: {@code part} waits at the pickup; the fleet restores its request. */
    void restoreWaiting(Part part) {
        waiting.add(part);
    }

    /** Warm start with the fleet's state: {@code part} is on board a vehicle of this move. */
    void board(Part part) {
        onBoard.add(part);
    }

    /** Warm start without the fleet's state: the part waits for pickup; its request follows at the start time. */
    @Override
    public void restore(Part part) {
        waiting.add(part);
    }

    @Override
    public boolean canAccept() {
        return waiting.size() < capacity;
    }

    @Override
    public void accept(Part part) {
        if (model.tracing()) {
            model.traceMove(part, id());
        }
        flows().in(part);
        waiting.add(part);
        fleet.request(this);
    }

    /** The destination has room: a vehicle waiting there may unload. */
    @Override
    public void roomAvailable() {
        fleet.destinationFree(this);
    }

    /** A vehicle finished loading: the part leaves the pickup place. */
    Part load() {
        Part part = waiting.poll();
        onBoard.add(part);
        upstream().roomAvailable();
        return part;
    }

    boolean canUnload() {
        return downstream().canAccept();
    }

    /** Only right after {@link #canUnload()} said yes. */
    void unload(Part part) {
        onBoard.remove(part);
        flows().out(part);
        downstream().accept(part);
    }
}
