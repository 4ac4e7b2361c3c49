package io.linetwin.app.emulate;

/**
 * Operating (working) seconds of one station since its last repair ended: the age the degradation model
 * drifts with. Time counts only in {@code working}; leaving {@code down} resets the age to zero. Public so that
 * the health histories built from an emulated run ({@code health train --from-emulator}) age a machine the same way.
 */
public final class OperatingClock {

    private String state;
    private double since;
    private double operatedBefore;

    public void onState(double timeSeconds, String newState) {
        if ("working".equals(state)) {
            operatedBefore += timeSeconds - since;
        }
        if ("down".equals(state) && !"down".equals(newState)) {
            operatedBefore = 0;
        }
        state = newState;
        since = timeSeconds;
    }

    public double operatingSeconds(double timeSeconds) {
        return operatedBefore + ("working".equals(state) ? Math.max(0, timeSeconds - since) : 0);
    }
}
