package io.linetwin.predict.health;

import java.util.Objects;

/**
 * The run of one unit (engine, machine): one row per cycle or sample, oldest first.
 *
 * @param unitId   unit or machine identifier
 * @param time     cycle number or operating time of each row, strictly increasing
 * @param settings operating settings per row (may have zero columns)
 * @param sensors  sensor readings per row
 */
public record UnitHistory(String unitId, double[] time, double[][] settings, double[][] sensors) {

    public UnitHistory {
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(sensors, "sensors");
        if (time.length < 1) {
            throw new IllegalArgumentException("unit " + unitId + " must have >= 1 row, got 0");
        }
        if (settings.length != time.length || sensors.length != time.length) {
            throw new IllegalArgumentException("unit " + unitId + " settings and sensors must have " + time.length
                    + " rows like time, got " + settings.length + " and " + sensors.length);
        }
        for (int i = 1; i < time.length; i++) {
            if (!(time[i] > time[i - 1])) {
                throw new IllegalArgumentException("unit " + unitId + " time must increase strictly, got " + time[i - 1]
                        + " then " + time[i] + " at row " + i);
            }
        }
    }

    public int length() {
        return time.length;
    }
}
