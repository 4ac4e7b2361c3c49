package io.linetwin.sim;

import java.util.Arrays;

/**
 * Time in each state, summed over a machine's servers, and the window's part counts. While the station is
 * down every server counts as down, whatever it held when the failure struck.
 */
final class StationStats {

    private final int machine;
    private final int servers;
    private final BottleneckDetector bottleneck;
    private final int[] serversIn = new int[ServerState.COUNT];
    private final double[] seconds = new double[ServerState.COUNT];
    private double lastSeconds;
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

    void move(int from, int to, double now) {
        accumulate(now);
        serversIn[from]--;
        serversIn[to]++;
        updateActivity(now);
    }

    void goDown(double now) {
        accumulate(now);
        down = true;
        updateActivity(now);
    }

    void goUp(double now) {
        accumulate(now);
        down = false;
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
        Arrays.fill(seconds, 0);
        good = 0;
        scrap = 0;
        idealSeconds = 0;
    }

    void accumulate(double now) {
        double elapsed = now - lastSeconds;
        if (elapsed > 0) {
            if (down) {
                seconds[ServerState.DOWN] += servers * elapsed;
            } else {
                for (int state = 0; state < ServerState.COUNT; state++) {
                    seconds[state] += serversIn[state] * elapsed;
                }
            }
        }
        lastSeconds = now;
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

    private void updateActivity(double now) {
        boolean nowActive = down || serversIn[ServerState.WORKING] > 0 || serversIn[ServerState.SETUP] > 0;
        if (nowActive != active) {
            active = nowActive;
            bottleneck.activityChanged(machine, nowActive, now);
        }
    }
}
