package io.linetwin.sim;

import java.util.Arrays;

/**
 * Active-period bottleneck detection (Roser, Nakano and Tanaka 2001, 2002). A machine is active while it
 * works, is in setup or is down (it is not waiting for parts or for room). At every instant the machine with
 * the longest current uninterrupted active period is the momentary bottleneck; ties go to the machine
 * declared first. A machine that stops and restarts at the same instant (it hands a part over and takes the
 * next) continues its active period: a zero-length gap is no interruption. Each machine's share is the
 * fraction of the window in which it was the momentary bottleneck; while no machine is active nobody is.
 *
 * <p>Machines report their activity with {@link #report}; the detector takes the reports in at the end of
 * each event ({@link #settle}), so a machine that finishes a part and starts the next within one event costs
 * nothing here. When the bottleneck stops, the search for the next one waits until time moves on: most stops
 * are zero-length gaps, and the machine simply resumes its role.
 */
final class BottleneckDetector {

    private final double[] activeSinceSeconds;
    private final double[] bottleneckSeconds;
    private final double[] endedActiveSinceSeconds;
    private final double[] endedAtSeconds;
    private final boolean[] reportedActive;
    private final boolean[] settledActive;
    private final boolean[] queued;
    private final int[] queue;
    private int queueLength;
    private int current = -1;
    private boolean currentStopped;
    private double lastSeconds;

    BottleneckDetector(int machines) {
        activeSinceSeconds = new double[machines];
        Arrays.fill(activeSinceSeconds, Double.NaN);
        bottleneckSeconds = new double[machines];
        endedActiveSinceSeconds = new double[machines];
        endedAtSeconds = new double[machines];
        Arrays.fill(endedAtSeconds, Double.NaN);
        reportedActive = new boolean[machines];
        settledActive = new boolean[machines];
        queued = new boolean[machines];
        queue = new int[machines];
    }

    void report(int machine, boolean active) {
        reportedActive[machine] = active;
        if (!queued[machine]) {
            queued[machine] = true;
            queue[queueLength++] = machine;
        }
    }

    /** Takes in the activity reported during the event that ends at {@code now}. */
    void settle(double now) {
        for (int i = 0; i < queueLength; i++) {
            int machine = queue[i];
            queued[machine] = false;
            boolean active = reportedActive[machine];
            if (active != settledActive[machine]) {
                settledActive[machine] = active;
                activityChanged(machine, active, now);
            }
        }
        queueLength = 0;
    }

    private void activityChanged(int machine, boolean active, double now) {
        accumulate(now);
        if (!active) {
            endedActiveSinceSeconds[machine] = activeSinceSeconds[machine];
            endedAtSeconds[machine] = now;
            activeSinceSeconds[machine] = Double.NaN;
            if (machine == current) {
                currentStopped = true;
            }
            return;
        }
        boolean continues = endedAtSeconds[machine] == now;
        activeSinceSeconds[machine] = continues ? endedActiveSinceSeconds[machine] : now;
        if (currentStopped) {
            if (machine == current) {
                currentStopped = false;
            }
            // Otherwise the next one is found once time moves on.
            return;
        }
        if (current < 0 || beats(machine, current)) {
            current = machine;
        }
    }

    private boolean beats(int machine, int other) {
        double since = activeSinceSeconds[machine];
        double otherSince = activeSinceSeconds[other];
        return since < otherSince || (since == otherSince && machine < other);
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
        if (now > lastSeconds) {
            if (currentStopped) {
                current = longestActive();
                currentStopped = false;
            }
            if (current >= 0) {
                bottleneckSeconds[current] += now - lastSeconds;
            }
        }
        lastSeconds = now;
    }

    double seconds(int machine) {
        return bottleneckSeconds[machine];
    }
}
