package io.linetwin.app.emulate;

import io.linetwin.model.StationStatus;

/**
 * Operating (working) seconds of one station since its last repair ended: the age the degradation model
 * drifts with. Time counts only in {@code working}; leaving {@code down} resets the age to zero. Public so that
 * the health histories built from an emulated run ({@code health train --from-emulator}) age a machine the same way.
 */
public final class OperatingClock {

    private StationStatus state;
    private double since;
    private double operatedBefore;

    public void onState(double timeSeconds, String newState) {
        if (state == StationStatus.WORKING) {
            operatedBefore += timeSeconds - since;
        }
        StationStatus next = StationStatus.ofJson(newState).orElse(null);
        if (state == StationStatus.DOWN && next != StationStatus.DOWN) {
            operatedBefore = 0;
        }
        state = next;
        since = timeSeconds;
    }

    public double operatingSeconds(double timeSeconds) {
        return operatedBefore + (state == StationStatus.WORKING ? Math.max(0, timeSeconds - since) : 0);
    }
}
