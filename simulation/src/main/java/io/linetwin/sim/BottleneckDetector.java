package io.linetwin.sim;

import java.util.Arrays;

/**
 * Active-period bottleneck detection (Roser, Nakano and Tanaka 2001, 2002). A machine is active while it
 * works, is in setup or is down (it is not waiting for parts or for room). At every instant the machine with
 * the longest current uninterrupted active period is the momentary bottleneck; ties go to the machine
 * declared first. A machine that stops and restarts at the same instant (it hands a part over and takes the
 * next) continues its active period: a zero-length gap is no interruption. Each machine's share is the fraction of the window in which it was the momentary
 * bottleneck; while no machine is active nobody is.
 */
final class BottleneckDetector {

    private final double[] activeSinceSeconds;
    private final double[] bottleneckSeconds;
    private final double[] endedActiveSinceSeconds;
    private final double[] endedAtSeconds;
    private int current = -1;
    private double lastSeconds;

    BottleneckDetector(int machines) {
        activeSinceSeconds = new double[machines];
        Arrays.fill(activeSinceSeconds, Double.NaN);
        bottleneckSeconds = new double[machines];
        endedActiveSinceSeconds = new double[machines];
        endedAtSeconds = new double[machines];
        Arrays.fill(endedAtSeconds, Double.NaN);
    }

    void activityChanged(int machine, boolean active, double now) {
        accumulate(now);
        if (active && endedAtSeconds[machine] == now) {
            activeSinceSeconds[machine] = endedActiveSinceSeconds[machine];
            current = longestActive();
        } else if (active) {
            activeSinceSeconds[machine] = now;
            // A period that starts now is the shortest there is: it only wins when nobody else is active, or
            // ties at this instant with an earlier-declared current one that it cannot beat.
            if (current < 0 || (activeSinceSeconds[current] == now && machine < current)) {
                current = machine;
            }
        } else {
            endedActiveSinceSeconds[machine] = activeSinceSeconds[machine];
            endedAtSeconds[machine] = now;
            activeSinceSeconds[machine] = Double.NaN;
            if (machine == current) {
                current = longestActive();
            }
        }
    }

    private int longestActive() {
        int longest = -1;
        double earliest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < activeSinceSeconds.length; i++) {
            // NaN compares false, so inactive machines never win.
            if (activeSinceSeconds[i] < earliest) {
                earliest = activeSinceSeconds[i];
                longest = i;
            }
        }
        return longest;
    }

    void openWindow(double now) {
        accumulate(now);
        Arrays.fill(bottleneckSeconds, 0);
    }

    void accumulate(double now) {
        if (current >= 0) {
            bottleneckSeconds[current] += now - lastSeconds;
        }
        lastSeconds = now;
    }

    double seconds(int machine) {
        return bottleneckSeconds[machine];
    }
}
