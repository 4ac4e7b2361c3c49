package io.linetwin.predict.balance;

import io.linetwin.scenario.Suggestions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads measurements from a CSV file: a header {@code stream,value,sd} (absolute sd) or
 * {@code stream,value,relative} (sd = relative x max(|value|, 1)), columns in any order, then one line per measured
 * stream. Streams may be missing (they are unmeasured); blank lines and lines starting with {@code #} are skipped.
 * Every problem is a {@link BalanceInputException} whose message starts with {@code file:line:}.
 */
public final class MeasurementCsv {

    private MeasurementCsv() {}

    public static MeasurementSet read(Path file, FlowNetwork network) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BalanceInputException(file + ": cannot read measurements: " + e.getMessage());
        }
        return parse(file.toString(), lines, network);
    }

    static MeasurementSet parse(String file, List<String> lines, FlowNetwork network) {
        int headerLine = -1;
        int streamColumn = -1;
        int valueColumn = -1;
        int accuracyColumn = -1;
        boolean relative = false;
        int columns = 0;
        List<Measurement> measurements = new ArrayList<>();
        Map<String, Integer> firstSeen = new HashMap<>();
        List<String> known = network.streams().stream().map(Stream::id).toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int number = i + 1;
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = fields(line);
            if (headerLine < 0) {
                headerLine = number;
                columns = fields.length;
                for (int c = 0; c < fields.length; c++) {
                    switch (fields[c].toLowerCase(Locale.ROOT)) {
                        case "stream" -> streamColumn = c;
                        case "value" -> valueColumn = c;
                        case "sd" -> accuracyColumn = accuracy(file, number, accuracyColumn, c);
                        case "relative" -> {
                            accuracyColumn = accuracy(file, number, accuracyColumn, c);
                            relative = true;
                        }
                        default ->
                            throw new BalanceInputException(file + ":" + number + ": unknown column '" + fields[c]
                                    + "': expected the header stream,value,sd or stream,value,relative");
                    }
                }
                if (streamColumn < 0 || valueColumn < 0 || accuracyColumn < 0) {
                    throw new BalanceInputException(file + ":" + number + ": the header must name the columns "
                            + "stream, value and sd (or relative), got \"" + line + "\"");
                }
                continue;
            }
            if (fields.length != columns) {
                throw new BalanceInputException(file + ":" + number + ": expected " + columns + " fields like the "
                        + "header on line " + headerLine + ", got " + fields.length + " in \"" + line + "\"");
            }
            String stream = fields[streamColumn];
            if (network.indexOf(stream).isEmpty()) {
                throw new BalanceInputException(file + ":" + number + ": unknown stream '" + stream + "'"
                        + Suggestions.hint(stream, known) + " (linetwin balance FILE --streams lists them)");
            }
            Integer earlier = firstSeen.putIfAbsent(stream, number);
            if (earlier != null) {
                throw new BalanceInputException(file + ":" + number + ": stream " + stream
                        + " is measured twice (first on line " + earlier + ")");
            }
            double value = number(file, number, "value", fields[valueColumn]);
            String accuracyName = relative ? "relative" : "sd";
            double accuracy = number(file, number, accuracyName, fields[accuracyColumn]);
            if (accuracy < 0) {
                throw new BalanceInputException(file + ":" + number + ": " + accuracyName + " of " + stream
                        + " must be >= 0, got " + fields[accuracyColumn]);
            }
            measurements.add(
                    relative
                            ? Measurement.relative(stream, value, accuracy)
                            : new Measurement(stream, value, accuracy));
        }
        if (headerLine < 0) {
            throw new BalanceInputException(
                    file + ":1: no header: expected stream,value,sd or " + "stream,value,relative");
        }
        return MeasurementSet.of(network, measurements);
    }

    private static int accuracy(String file, int line, int existing, int column) {
        if (existing >= 0) {
            throw new BalanceInputException(
                    file + ":" + line + ": the header must have one of the columns sd and " + "relative, got both");
        }
        return column;
    }

    private static String[] fields(String line) {
        String[] fields = line.split(",", -1);
        for (int i = 0; i < fields.length; i++) {
            String field = fields[i].strip();
            if (field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")) {
                field = field.substring(1, field.length() - 1).strip();
            }
            fields[i] = field;
        }
        return fields;
    }

    private static double number(String file, int line, String column, String text) {
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!Double.isFinite(value) || text.isEmpty() || !text.matches("[-+0-9.eE]+")) {
            throw new BalanceInputException(
                    file + ":" + line + ": " + column + ": expected a number, got \"" + text + "\"");
        }
        return value;
    }
}
