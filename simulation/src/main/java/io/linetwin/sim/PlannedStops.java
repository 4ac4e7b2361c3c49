package io.linetwin.sim;

import io.linetwin.model.PlannedStop;
import java.util.List;
import java.util.Optional;

/**
 * The planned stops of one machine or assembly, and how many of them are under way or wait for the parts in
 * process: the station asks these counts (as it asks its failure modes whether it is down) to know whether it is
 * halted or may start new parts.
 */
final class PlannedStops {

    private PlannedStopProcess[] stops = new PlannedStopProcess[0];
    private int underWay;
    private int waitingForPart;

    void build(Model model, Machine station, List<PlannedStop> specs) {
        stops = new PlannedStopProcess[specs.size()];
        for (int i = 0; i < stops.length; i++) {
            stops[i] = new PlannedStopProcess(model, station, specs.get(i));
        }
    }

    PlannedStopProcess[] all() {
        return stops;
    }

    /** The stop named {@code name}, for a warm start. */
    Optional<PlannedStopProcess> named(String name) {
        for (PlannedStopProcess stop : stops) {
            if (stop.name().equals(name)) {
                return Optional.of(stop);
            }
        }
        return Optional.empty();
    }

    /** The station has started: stops due at that very instant begin. */
    void started(double now) {
        for (PlannedStopProcess stop : stops) {
            stop.started(now);
        }
    }

    /** The first stop under way, or null. */
    PlannedStopProcess underWay() {
        for (PlannedStopProcess stop : stops) {
            if (stop.underWay()) {
                return stop;
            }
        }
        return null;
    }

    boolean anyUnderWay() {
        return underWay > 0;
    }

    boolean anyWaitingForPart() {
        return waitingForPart > 0;
    }

    void began() {
        underWay++;
    }

    void ended() {
        underWay--;
    }

    void waitsForPart() {
        waitingForPart++;
    }

    /** The parts in process are done: every stop that waited for them begins. */
    void partsDone(double now) {
        for (PlannedStopProcess stop : stops) {
            if (stop.waitingForPart()) {
                waitingForPart--;
                stop.partsDone(now);
            }
        }
    }
}
