package io.linetwin.predict.health;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a generic sensor-history CSV (the twin's history log, an emulator run) into the same form as C-MAPSS.
 *
 * <p>The first line is a header. One column names the unit ({@code unit}, {@code unit_id}, {@code machine},
 * {@code machine_id} or {@code id}), one the time ({@code cycle}, {@code time}, {@code time_s} or
 * {@code timestamp_s}); columns whose name starts with {@code setting} or {@code op_setting} are operating
 * settings; every other column is a numeric sensor. Rows may come in any order: each unit is sorted by time.
 */
public final class SensorCsvReader {

    private static final Set<String> UNIT_COLUMNS = Set.of("unit", "unit_id", "machine", "machine_id", "id");
    private static final Set<String> TIME_COLUMNS = Set.of("cycle", "time", "time_s", "timestamp_s");

    private SensorCsvReader() {}

    public static SensorDataset read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new SensorDataException(file, 0, "expected a readable CSV file, got none");
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null || header.isBlank()) {
                throw new SensorDataException(
                        file, 1, "expected a header line with unit, time and sensor columns, " + "got an empty line");
            }
            String[] names = split(header);
            int unitColumn = -1;
            int timeColumn = -1;
            List<Integer> settingColumns = new ArrayList<>();
            List<Integer> sensorColumns = new ArrayList<>();
            List<String> settingNames = new ArrayList<>();
            List<String> sensorNames = new ArrayList<>();
            for (int i = 0; i < names.length; i++) {
                String name = names[i];
                String key = name.toLowerCase(Locale.ROOT);
                if (unitColumn < 0 && UNIT_COLUMNS.contains(key)) {
                    unitColumn = i;
                } else if (timeColumn < 0 && TIME_COLUMNS.contains(key)) {
                    timeColumn = i;
                } else if (key.startsWith("setting") || key.startsWith("op_setting")) {
                    settingColumns.add(i);
                    settingNames.add(name);
                } else {
                    sensorColumns.add(i);
                    sensorNames.add(name);
                }
            }
            if (unitColumn < 0 || timeColumn < 0 || sensorColumns.isEmpty()) {
                throw new SensorDataException(
                        file,
                        1,
                        "expected a header with a unit column " + UNIT_COLUMNS + ", a time column " + TIME_COLUMNS
                                + " and >= 1 sensor column, got " + String.join(",", names));
            }
            Map<String, List<double[]>> rowsByUnit = new LinkedHashMap<>();
            String text;
            int line = 1;
            int width = 1 + settingColumns.size() + sensorColumns.size();
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                String[] fields = split(text);
                if (fields.length != names.length) {
                    throw new SensorDataException(
                            file,
                            line,
                            "expected " + names.length + " comma-separated columns like the header, got "
                                    + fields.length);
                }
                double[] row = new double[width];
                row[0] = number(file, line, timeColumn, names, fields);
                for (int i = 0; i < settingColumns.size(); i++) {
                    row[1 + i] = number(file, line, settingColumns.get(i), names, fields);
                }
                for (int i = 0; i < sensorColumns.size(); i++) {
                    row[1 + settingColumns.size() + i] = number(file, line, sensorColumns.get(i), names, fields);
                }
                rowsByUnit
                        .computeIfAbsent(fields[unitColumn], k -> new ArrayList<>())
                        .add(row);
            }
            if (rowsByUnit.isEmpty()) {
                throw new SensorDataException(file, 0, "expected at least one data row, got only the header");
            }
            List<UnitHistory> units = new ArrayList<>();
            for (Map.Entry<String, List<double[]>> entry : rowsByUnit.entrySet()) {
                units.add(unit(file, entry.getKey(), entry.getValue(), settingColumns.size(), sensorColumns.size()));
            }
            return new SensorDataset(file.toString(), settingNames, sensorNames, units);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static UnitHistory unit(Path file, String id, List<double[]> rows, int settings, int sensors) {
        rows.sort(Comparator.comparingDouble(r -> r[0]));
        int n = rows.size();
        double[] time = new double[n];
        double[][] setting = new double[n][settings];
        double[][] sensor = new double[n][sensors];
        for (int r = 0; r < n; r++) {
            double[] row = rows.get(r);
            if (r > 0 && row[0] == time[r - 1]) {
                throw new SensorDataException(
                        file, 0, "expected one row per time of unit " + id + ", got time " + row[0] + " twice");
            }
            time[r] = row[0];
            System.arraycopy(row, 1, setting[r], 0, settings);
            System.arraycopy(row, 1 + settings, sensor[r], 0, sensors);
        }
        return new UnitHistory(id, time, setting, sensor);
    }

    private static String[] split(String line) {
        String[] fields = line.split(",", -1);
        for (int i = 0; i < fields.length; i++) {
            fields[i] = fields[i].strip();
        }
        return fields;
    }

    private static double number(Path file, int line, int column, String[] names, String[] fields) {
        String field = fields[column];
        try {
            double value = Double.parseDouble(field);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the position
        }
        throw new SensorDataException(
                file,
                line,
                "column " + (column + 1) + " (" + names[column] + "): expected a finite number, got \"" + field + "\"");
    }
}
