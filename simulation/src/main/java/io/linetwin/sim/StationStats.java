package io.linetwin.sim;

/**
 * Time in each state, summed over a machine's servers, and the window's part counts. While the station is
 * down every server counts as down, whatever it held when the failure struck. Each state keeps its own "since"
 * time, so a server moving between two states touches only those two.
 */
final class StationStats {

    private final int machine;
    private final int servers;
    private final BottleneckDetector bottleneck;
    private final int[] serversIn = new int[ServerState.COUNT];
    private final double[] seconds = new double[ServerState.COUNT];
    private final double[] sinceSeconds = new double[ServerState.COUNT];
    private double downSinceSeconds;
    private boolean down;
    private boolean active;
    private long good;
    private long scrap;
    private double idealSeconds;

    StationStats(int machine, int servers, BottleneckDetector bottleneck) {
        this.machine = machine;
        this.servers = servers;
        this.bottleneck = bottleneck;
        serversIn[ServerState.STARVED] = servers;
    }

    int serversIn(int state) {
        return serversIn[state];
    }

    /** Only while the station is up: during a repair servers do not change state. */
    void move(int from, int to, double now) {
        settle(from, now);
        settle(to, now);
        serversIn[from]--;
        serversIn[to]++;
        updateActivity(now);
    }

    void goDown(double now) {
        accumulate(now);
        down = true;
        downSinceSeconds = now;
        updateActivity(now);
    }

    void goUp(double now) {
        seconds[ServerState.DOWN] += servers * (now - downSinceSeconds);
        down = false;
        for (int state = 0; state < ServerState.COUNT; state++) {
            sinceSeconds[state] = now;
        }
        updateActivity(now);
    }

    void good(double idealCycleSeconds) {
        good++;
        idealSeconds += idealCycleSeconds;
    }

    void scrap(double idealCycleSeconds) {
        scrap++;
        idealSeconds += idealCycleSeconds;
    }

    void openWindow(double now) {
        accumulate(now);
        for (int state = 0; state < ServerState.COUNT; state++) {
            seconds[state] = 0;
        }
        good = 0;
        scrap = 0;
        idealSeconds = 0;
    }

    /** Brings every state's time up to {@code now}. */
    void accumulate(double now) {
        if (down) {
            seconds[ServerState.DOWN] += servers * (now - downSinceSeconds);
            downSinceSeconds = now;
        } else {
            for (int state = 0; state < ServerState.COUNT; state++) {
                settle(state, now);
            }
        }
    }

    double seconds(int state) {
        return seconds[state];
    }

    long good() {
        return good;
    }

    long scrap() {
        return scrap;
    }

    double idealSeconds() {
        return idealSeconds;
    }

    private void settle(int state, double now) {
        seconds[state] += serversIn[state] * (now - sinceSeconds[state]);
        sinceSeconds[state] = now;
    }

    private void updateActivity(double now) {
        boolean nowActive = down || serversIn[ServerState.WORKING] > 0 || serversIn[ServerState.SETUP] > 0;
        if (nowActive != active) {
            active = nowActive;
            bottleneck.report(machine, nowActive);
        }
    }
}
