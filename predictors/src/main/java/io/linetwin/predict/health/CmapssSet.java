package io.linetwin.predict.health;

import java.util.Objects;

/**
 * One C-MAPSS sub-set: training trajectories run to failure, test trajectories cut short, and the true RUL at
 * the last test cycle of each test unit.
 */
public record CmapssSet(String name, SensorDataset train, SensorDataset test, double[] testRul) {

    public CmapssSet {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        if (testRul.length != test.units().size()) {
            throw new IllegalArgumentException(
                    "testRul must have one value per test unit (" + test.units().size() + "), got " + testRul.length);
        }
    }

    /** FD002 and FD004 mix six operating conditions; FD001 and FD003 run at one. */
    public int operatingConditions() {
        return name.equals("FD002") || name.equals("FD004") ? 6 : 1;
    }
}
