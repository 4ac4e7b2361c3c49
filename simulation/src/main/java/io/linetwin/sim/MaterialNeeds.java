package io.linetwin.sim;

import java.util.Arrays;

/**
 * What one station takes from material stores per operation, and how long it has been kept from starting
 * for lack of each: from the first start that found too little on hand (one stock-out) until a delivery
 * brings enough. Time is counted within the statistics window.
 */
final class MaterialNeeds {

    static final MaterialNeeds NONE = new MaterialNeeds(null, "", new MaterialStore[0], new double[0]);

    private final Model model;
    private final String station;

    private final MaterialStore[] stores;
    private final double[] units;
    private final double[] shortSinceSeconds;
    private final double[] starvedSeconds;
    private final double[] consumed;
    private double windowOpenedSeconds = Double.NEGATIVE_INFINITY;

    MaterialNeeds(Model model, String station, MaterialStore[] stores, double[] units) {
        this.model = model;
        this.station = station;
        this.stores = stores.clone();
        this.units = units.clone();
        this.shortSinceSeconds = new double[stores.length];
        Arrays.fill(shortSinceSeconds, Double.NaN);
        this.starvedSeconds = new double[stores.length];
        this.consumed = new double[stores.length];
    }

    int count() {
        return stores.length;
    }

    MaterialStore store(int index) {
        return stores[index];
    }

    /** Whether an operation can start now; notes a stock-out of each material found short. */
    boolean ready(double now) {
        boolean ready = true;
        for (int i = 0; i < stores.length; i++) {
            if (!stores[i].has(units[i])) {
                ready = false;
                if (Double.isNaN(shortSinceSeconds[i])) {
                    shortSinceSeconds[i] = now;
                    stores[i].stockOut();
                    if (model.tracing()) {
                        model.traceShortage(station, stores[i].id(), true);
                    }
                }
            }
        }
        return ready;
    }

    void take() {
        for (int i = 0; i < stores.length; i++) {
            stores[i].take(units[i]);
            consumed[i] += units[i];
        }
    }

    /** A delivery came: materials now on hand in full end their starvation. */
    void delivered(double now) {
        for (int i = 0; i < stores.length; i++) {
            if (!Double.isNaN(shortSinceSeconds[i]) && stores[i].has(units[i])) {
                starvedSeconds[i] += now - Math.max(shortSinceSeconds[i], windowOpenedSeconds);
                shortSinceSeconds[i] = Double.NaN;
                if (model.tracing()) {
                    model.traceShortage(station, stores[i].id(), false);
                }
            }
        }
    }

    void openWindow(double now) {
        windowOpenedSeconds = now;
        Arrays.fill(starvedSeconds, 0);
    }

    /** Seconds of the window the station was short of material {@code index}, up to {@code now}. */
    double starvedSeconds(int index, double now) {
        double open = Double.isNaN(shortSinceSeconds[index])
                ? 0
                : Math.max(0, now - Math.max(shortSinceSeconds[index], windowOpenedSeconds));
        return starvedSeconds[index] + open;
    }

    /** Units of material {@code index} taken over the whole run. */
    double consumed(int index) {
        return consumed[index];
    }
}
