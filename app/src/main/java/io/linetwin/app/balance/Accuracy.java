package io.linetwin.app.balance;

import io.linetwin.predict.balance.BalanceInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How accurate each kind of twin reading is: sd = sqrt(sd^2 + (relative x |value|)^2), value being the counter's
 * rise over the period or the level read. Read from a CSV {@code kind,sd,relative} ({@code --accuracy}); kinds it
 * leaves out keep their defaults.
 */
public record Accuracy(Map<Kind, Spec> byKind) {

    /** The twin readings a balance is measured from. */
    public enum Kind {
        /** A station's good or scrap counter (its rise between the snapshots). */
        COUNTER,
        /** A buffer's or conveyor's level. */
        LEVEL,
        /** A material store's stock. */
        MATERIAL;

        public String fileName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Absolute and relative parts of a reading's sd. */
    public record Spec(double sd, double relative) {
        public Spec {
            if (!(sd >= 0) || Double.isInfinite(sd) || !(relative >= 0) || Double.isInfinite(relative)) {
                throw new IllegalArgumentException("sd and relative must be >= 0, got " + sd + " and " + relative);
            }
        }

        public double sdOf(double value) {
            return Math.hypot(sd, relative * value);
        }
    }

    public Accuracy {
        byKind = Map.copyOf(byKind);
        for (Kind kind : Kind.values()) {
            if (!byKind.containsKey(kind)) {
                throw new IllegalArgumentException("accuracy must be given for every kind, got none for " + kind);
            }
        }
    }

    /**
     * Counters miss or double-count a few parts in a thousand; a level read from photo-eyes is off by a part or
     * so; a stock count by a unit and a percent.
     */
    public static Accuracy defaults() {
        Map<Kind, Spec> byKind = new EnumMap<>(Kind.class);
        byKind.put(Kind.COUNTER, new Spec(1, 0.002));
        byKind.put(Kind.LEVEL, new Spec(1, 0));
        byKind.put(Kind.MATERIAL, new Spec(1, 0.01));
        return new Accuracy(byKind);
    }

    public Spec of(Kind kind) {
        return byKind.get(kind);
    }

    /** One line for the report: {@code counter sd 1 + 0.2 %, level sd 1, ...}. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        for (Kind kind : Kind.values()) {
            Spec spec = byKind.get(kind);
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(kind.fileName()).append(" sd ").append(format(spec.sd()));
            if (spec.relative() > 0) {
                text.append(" + ").append(format(spec.relative() * 100)).append(" %");
            }
        }
        return text.toString();
    }

    private static String format(double value) {
        return java.math.BigDecimal.valueOf(value)
                .round(new java.math.MathContext(4))
                .stripTrailingZeros()
                .toPlainString();
    }

    /** The defaults overridden by the kinds {@code file} names; errors name the file and line. */
    public static Accuracy read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BalanceInputException(file + ": cannot read accuracies: " + e.getMessage());
        }
        Map<Kind, Spec> byKind = new EnumMap<>(defaults().byKind());
        boolean header = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            String where = file + ":" + (i + 1) + ": ";
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (!header) {
                if (fields.length != 3
                        || !fields[0].strip().equals("kind")
                        || !fields[1].strip().equals("sd")
                        || !fields[2].strip().equals("relative")) {
                    throw new BalanceInputException(
                            where + "the header must be kind,sd,relative, got \"" + line + "\"");
                }
                header = true;
                continue;
            }
            if (fields.length != 3) {
                throw new BalanceInputException(where + "expected 3 fields (kind,sd,relative), got " + fields.length);
            }
            Kind kind = kind(where, fields[0].strip());
            double sd = number(where, "sd", fields[1].strip());
            double relative = number(where, "relative", fields[2].strip());
            byKind.put(kind, new Spec(sd, relative));
        }
        if (!header) {
            throw new BalanceInputException(file + ":1: no header: expected kind,sd,relative");
        }
        return new Accuracy(byKind);
    }

    private static Kind kind(String where, String text) {
        for (Kind kind : Kind.values()) {
            if (kind.fileName().equals(text)) {
                return kind;
            }
        }
        throw new BalanceInputException(where + "unknown kind '" + text + "': expected counter, level or material");
    }

    private static double number(String where, String column, String text) {
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new BalanceInputException(where + column + ": expected a number, got \"" + text + "\"");
        }
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new BalanceInputException(where + column + " must be >= 0, got " + text);
        }
        return value;
    }
}
