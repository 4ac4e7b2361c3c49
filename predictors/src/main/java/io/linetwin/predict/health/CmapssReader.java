package io.linetwin.predict.health;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the NASA C-MAPSS turbofan files: whitespace-separated rows of unit, cycle, 3 operating settings and 21
 * sensors; {@code RUL_FDxxx.txt} holds one true remaining life per test unit.
 */
public final class CmapssReader {

    public static final int SETTINGS = 3;
    public static final int SENSORS = 21;
    static final int COLUMNS = 2 + SETTINGS + SENSORS;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private CmapssReader() {}

    public static List<String> settingNames() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= SETTINGS; i++) {
            names.add("setting" + i);
        }
        return names;
    }

    public static List<String> sensorNames() {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= SENSORS; i++) {
            names.add("s" + i);
        }
        return names;
    }

    /** Loads {@code train_SET.txt}, {@code test_SET.txt} and {@code RUL_SET.txt} from {@code dir}. */
    public static CmapssSet load(Path dir, String set) {
        if (!set.matches("FD00[1-4]")) {
            throw new IllegalArgumentException("set must be one of FD001..FD004, got " + set);
        }
        SensorDataset train = readHistory(dir.resolve("train_" + set + ".txt"));
        SensorDataset test = readHistory(dir.resolve("test_" + set + ".txt"));
        Path rulFile = dir.resolve("RUL_" + set + ".txt");
        double[] rul = readRul(rulFile);
        if (rul.length != test.units().size()) {
            throw new SensorDataException(
                    rulFile,
                    0,
                    "expected " + test.units().size() + " RUL values (one per test unit), got " + rul.length);
        }
        return new CmapssSet(set, train, test, rul);
    }

    /** Reads a train or test trajectory file; units must be contiguous and cycles must count up from 1 by 1. */
    public static SensorDataset readHistory(Path file) {
        List<UnitHistory> units = new ArrayList<>();
        List<double[]> settings = new ArrayList<>();
        List<double[]> sensors = new ArrayList<>();
        List<Double> cycles = new ArrayList<>();
        int currentUnit = -1;
        List<Integer> seenUnits = new ArrayList<>();
        try (BufferedReader reader = open(file)) {
            String text;
            int line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                String trimmed = text.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                String[] fields = WHITESPACE.split(trimmed);
                if (fields.length != COLUMNS) {
                    throw new SensorDataException(
                            file,
                            line,
                            "expected " + COLUMNS
                                    + " whitespace-separated columns (unit, cycle, 3 settings, 21 sensors), got "
                                    + fields.length);
                }
                int unit = integer(file, line, 1, fields[0], "unit");
                int cycle = integer(file, line, 2, fields[1], "cycle");
                if (unit != currentUnit) {
                    if (seenUnits.contains(unit)) {
                        throw new SensorDataException(
                                file,
                                line,
                                "expected the rows of unit " + unit + " to be contiguous, got unit " + unit
                                        + " again after unit " + currentUnit);
                    }
                    if (currentUnit >= 0) {
                        units.add(unit(currentUnit, cycles, settings, sensors));
                    }
                    seenUnits.add(unit);
                    currentUnit = unit;
                    if (cycle != 1) {
                        throw new SensorDataException(
                                file, line, "expected cycle 1 at the start of unit " + unit + ", got " + cycle);
                    }
                } else if (cycle != cycles.size() + 1) {
                    throw new SensorDataException(
                            file,
                            line,
                            "expected cycle " + (cycles.size() + 1) + " of unit " + unit + ", got " + cycle);
                }
                double[] setting = new double[SETTINGS];
                for (int i = 0; i < SETTINGS; i++) {
                    setting[i] = number(file, line, 3 + i, fields[2 + i], "setting" + (i + 1));
                }
                double[] sensor = new double[SENSORS];
                for (int i = 0; i < SENSORS; i++) {
                    sensor[i] = number(file, line, 6 + i, fields[5 + i], "s" + (i + 1));
                }
                cycles.add((double) cycle);
                settings.add(setting);
                sensors.add(sensor);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (currentUnit < 0) {
            throw new SensorDataException(file, 0, "expected at least one data row, got an empty file");
        }
        units.add(unit(currentUnit, cycles, settings, sensors));
        return new SensorDataset(file.toString(), settingNames(), sensorNames(), units);
    }

    /** Reads a true-RUL file: one non-negative integer per line. */
    public static double[] readRul(Path file) {
        List<Double> values = new ArrayList<>();
        try (BufferedReader reader = open(file)) {
            String text;
            int line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                String trimmed = text.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                String[] fields = WHITESPACE.split(trimmed);
                if (fields.length != 1) {
                    throw new SensorDataException(
                            file, line, "expected 1 column (true RUL in cycles), got " + fields.length);
                }
                int rul = integer(file, line, 1, fields[0], "RUL");
                if (rul < 0) {
                    throw new SensorDataException(file, line, "expected RUL >= 0, got " + rul);
                }
                values.add((double) rul);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static BufferedReader open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new SensorDataException(file, 0, "expected a readable file, got none");
        }
        return Files.newBufferedReader(file, StandardCharsets.US_ASCII);
    }

    private static UnitHistory unit(int unit, List<Double> cycles, List<double[]> settings, List<double[]> sensors) {
        UnitHistory history = new UnitHistory(
                Integer.toString(unit),
                cycles.stream().mapToDouble(Double::doubleValue).toArray(),
                settings.toArray(double[][]::new),
                sensors.toArray(double[][]::new));
        cycles.clear();
        settings.clear();
        sensors.clear();
        return history;
    }

    private static int integer(Path file, int line, int column, String field, String what) {
        try {
            return Integer.parseInt(field);
        } catch (NumberFormatException e) {
            throw new SensorDataException(
                    file, line, "column " + column + " (" + what + "): expected an integer, got \"" + field + "\"");
        }
    }

    private static double number(Path file, int line, int column, String field, String what) {
        try {
            double value = Double.parseDouble(field);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the position
        }
        throw new SensorDataException(
                file, line, "column " + column + " (" + what + "): expected a finite number, got \"" + field + "\"");
    }
}
