package io.linetwin.sim;

/**
 * Time in each state, summed over a machine's servers, and the window's part counts. While the station is
 * halted (down, or off shift) every server counts in that state, whatever it held when it stopped. Each state
 * keeps its own "since" time, so a server moving between two states touches only those two.
 */
final class StationStats {

    private final int machine;
    private final int servers;
    private final BottleneckDetector bottleneck;
    private final int[] serversIn = new int[ServerState.COUNT];
    private final double[] seconds = new double[ServerState.COUNT];
    private final double[] sinceSeconds = new double[ServerState.COUNT];
    private double haltedSinceSeconds;
    /** The state every server counts in while the station is halted ({@code DOWN} or {@code OFF_SHIFT}), or -1. */
    private int halted = -1;
    /** Halted {@code DOWN} by a planned stop: that time counts as down and as planned downtime too. */
    private boolean haltedForStop;

    private double plannedStopSeconds;

    private boolean active;
    private long good;
    private long scrap;

    StationStats(int machine, int servers, BottleneckDetector bottleneck) {
        this.machine = machine;
        this.servers = servers;
        this.bottleneck = bottleneck;
        serversIn[ServerState.STARVED] = servers;
    }

    /** The station's place in the bottleneck detector. */
    int index() {
        return machine;
    }

    int serversIn(int state) {
        return serversIn[state];
    }

    /** Only while the station is not halted: during a repair or off shift servers do not change state. */
    void move(int from, int to, double now) {
        settle(from, now);
        settle(to, now);
        serversIn[from]--;
        serversIn[to]++;
        updateActivity(now);
    }

    /** The whole station counts as {@code state} from {@code now} (also from one halted state to another). */
    void halt(int state, double now) {
        accumulate(now);
        halted = state;
        haltedForStop = false;
        haltedSinceSeconds = now;
        updateActivity(now);
    }

    /** As {@code halt(DOWN, now)}, for a planned stop: OEE leaves planned downtime out of the planned time. */
    void haltForStop(double now) {
        halt(ServerState.DOWN, now);
        haltedForStop = true;
    }

    void resume(double now) {
        accumulate(now);
        halted = -1;
        haltedForStop = false;
        for (int state = 0; state < ServerState.COUNT; state++) {
            sinceSeconds[state] = now;
        }
        updateActivity(now);
    }

    void countGood() {
        good++;
    }

    void countScrap() {
        scrap++;
    }

    void openWindow(double now) {
        accumulate(now);
        for (int state = 0; state < ServerState.COUNT; state++) {
            seconds[state] = 0;
        }
        plannedStopSeconds = 0;
        good = 0;
        scrap = 0;
    }

    /** Brings every state's time up to {@code now}. */
    void accumulate(double now) {
        if (halted >= 0) {
            double slice = servers * (now - haltedSinceSeconds);
            seconds[halted] += slice;
            if (haltedForStop) {
                plannedStopSeconds += slice;
            }
            haltedSinceSeconds = now;
        } else {
            for (int state = 0; state < ServerState.COUNT; state++) {
                settle(state, now);
            }
        }
    }

    double seconds(int state) {
        return seconds[state];
    }

    /** Server-seconds of the window halted by planned stops (a part of {@code seconds(DOWN)}). */
    double plannedStopSeconds() {
        return plannedStopSeconds;
    }

    long good() {
        return good;
    }

    long scrap() {
        return scrap;
    }

    private void settle(int state, double now) {
        seconds[state] += serversIn[state] * (now - sinceSeconds[state]);
        sinceSeconds[state] = now;
    }

    private void updateActivity(double now) {
        boolean nowActive =
                halted == ServerState.DOWN || serversIn[ServerState.WORKING] > 0 || serversIn[ServerState.SETUP] > 0;
        if (nowActive != active) {
            active = nowActive;
            bottleneck.report(machine, nowActive);
        }
    }
}
