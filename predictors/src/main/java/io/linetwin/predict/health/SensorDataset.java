package io.linetwin.predict.health;

import java.util.List;
import java.util.Objects;

/**
 * Sensor histories of several units with named columns: the common form of C-MAPSS files and LineTwin's own
 * twin history.
 */
public record SensorDataset(
        String source, List<String> settingNames, List<String> sensorNames, List<UnitHistory> units) {

    public SensorDataset {
        Objects.requireNonNull(source, "source");
        settingNames = List.copyOf(settingNames);
        sensorNames = List.copyOf(sensorNames);
        units = List.copyOf(units);
        if (sensorNames.isEmpty()) {
            throw new IllegalArgumentException("sensorNames must have >= 1 entry, got 0");
        }
        for (UnitHistory unit : units) {
            if (unit.settings()[0].length != settingNames.size() || unit.sensors()[0].length != sensorNames.size()) {
                throw new IllegalArgumentException("unit " + unit.unitId() + " must have " + settingNames.size()
                        + " settings and " + sensorNames.size() + " sensors, got " + unit.settings()[0].length
                        + " and " + unit.sensors()[0].length);
            }
        }
    }

    public int rowCount() {
        return units.stream().mapToInt(UnitHistory::length).sum();
    }

    public int sensorIndex(String name) {
        int index = sensorNames.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException(
                    source + ": sensor column " + name + " must be present, got " + sensorNames);
        }
        return index;
    }
}
