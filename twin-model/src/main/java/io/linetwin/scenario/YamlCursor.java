package io.linetwin.scenario;

import io.linetwin.model.Limits;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML node with its key path, reading typed values from it. A wrong value is reported at the node and read
 * as empty, so the caller carries on and later problems are found in the same run.
 */
final class YamlCursor {

    // Ids become key path segments and Ditto thing id parts, so dots and blanks would make them ambiguous.
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_:-]+");

    private static final Pattern NUMBER = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");

    /** Characters of a found value shown in a message. */
    private static final int MAX_SHOWN = 80;

    private final Node node;
    private final String path;
    private final String childBase;
    private final Problems problems;

    YamlCursor(Node node, String path, Problems problems) {
        this(node, path, path, problems);
    }

    private YamlCursor(Node node, String path, String childBase, Problems problems) {
        this.node = node;
        this.path = path;
        this.childBase = childBase;
        this.problems = problems;
    }

    Node node() {
        return node;
    }

    String path() {
        return path;
    }

    Problems problems() {
        return problems;
    }

    /** The same node whose children are named under {@code base} (the line's keys read like variant paths). */
    YamlCursor childrenUnder(String base) {
        return new YamlCursor(node, path, base, problems);
    }

    YamlCursor child(String key, Node child) {
        return new YamlCursor(child, childPath(key), problems);
    }

    String childPath(String key) {
        return childBase.isEmpty() ? key : childBase + "." + key;
    }

    void problem(ProblemCode code, String message) {
        problems.at(node, path, code, message);
    }

    boolean isNull() {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    boolean isScalar() {
        return node instanceof ScalarNode && !isNull();
    }

    boolean isMapping() {
        return node instanceof MappingNode;
    }

    /** How the found value reads in "got ..." messages. */
    String describe() {
        if (isNull()) {
            return "nothing";
        }
        if (node instanceof ScalarNode scalar) {
            String value = scalar.getValue();
            // A megabyte-long value would make a megabyte-long message.
            return value.length() <= MAX_SHOWN
                    ? "\"" + value + "\""
                    : "\"" + value.substring(0, MAX_SHOWN) + "...\" (" + value.length() + " characters)";
        }
        return node instanceof MappingNode ? "a mapping" : "a list";
    }

    String rawText() {
        return node instanceof ScalarNode scalar ? scalar.getValue() : "";
    }

    Optional<String> text() {
        if (!isScalar()) {
            problem(ProblemCode.VALUE_TYPE, "expected a text, got " + describe());
            return Optional.empty();
        }
        return Optional.of(rawText());
    }

    Optional<String> id() {
        if (!isScalar() || !ID.matcher(rawText()).matches()) {
            problem(ProblemCode.VALUE_FORMAT, "expected an id (letters, digits, '-', '_', ':'), got " + describe());
            return Optional.empty();
        }
        return Optional.of(rawText());
    }

    /** One of {@code options}, suggesting the nearest on a typo. */
    Optional<String> choice(Collection<String> options) {
        if (isScalar() && options.contains(rawText())) {
            return Optional.of(rawText());
        }
        String hint = isScalar() ? Suggestions.hint(rawText(), options) : "";
        problem(
                ProblemCode.VALUE_UNKNOWN_CHOICE,
                "expected one of " + String.join(", ", options) + ", got " + describe() + hint);
        return Optional.empty();
    }

    Optional<Double> number() {
        // Stricter than Double.parseDouble, which also takes "1d", "0x1p3" and "NaN".
        if (isScalar() && NUMBER.matcher(rawText().strip()).matches()) {
            double value = Double.parseDouble(rawText().strip());
            if (Double.isFinite(value)) {
                return Optional.of(value);
            }
        }
        problem(ProblemCode.VALUE_TYPE, "expected a number, got " + describe());
        return Optional.empty();
    }

    Optional<Double> number(double min, boolean minIncluded, double max, boolean maxIncluded) {
        Optional<Double> value = number();
        if (value.isEmpty()) {
            return value;
        }
        double v = value.get();
        boolean aboveMin = minIncluded ? v >= min : v > min;
        boolean belowMax = maxIncluded ? v <= max : v < max;
        if (!aboveMin || !belowMax) {
            problem(
                    ProblemCode.VALUE_OUT_OF_RANGE,
                    "expected a number " + range(min, minIncluded, max, maxIncluded) + ", got " + describe());
            return Optional.empty();
        }
        return value;
    }

    Optional<Double> positive() {
        return number(0, false, Double.POSITIVE_INFINITY, false);
    }

    Optional<Double> nonNegative() {
        return number(0, true, Double.POSITIVE_INFINITY, false);
    }

    Optional<Integer> integer(int min) {
        return integer(min, Integer.MAX_VALUE);
    }

    /** A whole number in [min, max]; one above {@code max} is refused as beyond what runs. */
    Optional<Integer> integer(int min, int max) {
        if (isScalar() && rawText().strip().matches("[+-]?\\d{1,30}")) {
            java.math.BigInteger value = new java.math.BigInteger(rawText().strip());
            if (value.compareTo(java.math.BigInteger.valueOf(max)) > 0) {
                problem(
                        ProblemCode.VALUE_OVER_LIMIT,
                        "expected a whole number <= " + max + " (the limit of what runs), got " + describe());
                return Optional.empty();
            }
            if (value.compareTo(java.math.BigInteger.valueOf(min)) >= 0) {
                return Optional.of(value.intValue());
            }
        }
        boolean whole = isScalar() && rawText().strip().matches("[+-]?\\d{1,30}");
        problem(
                whole ? ProblemCode.VALUE_OUT_OF_RANGE : ProblemCode.VALUE_TYPE,
                "expected a whole number >= " + min + ", got " + describe());
        return Optional.empty();
    }

    Optional<Long> seed() {
        if (isScalar() && rawText().strip().matches("[+-]?\\d{1,18}")) {
            return Optional.of(Long.parseLong(rawText().strip()));
        }
        problem(ProblemCode.VALUE_TYPE, "expected a whole number, got " + describe());
        return Optional.empty();
    }

    /** Seconds of a non-negative duration. */
    Optional<Double> duration() {
        if (!isScalar()) {
            problem(ProblemCode.VALUE_TYPE, "expected " + Units.Quantity.DURATION.example() + ", got " + describe());
            return Optional.empty();
        }
        try {
            double seconds = Units.seconds(rawText());
            if (seconds < 0) {
                problem(ProblemCode.VALUE_OUT_OF_RANGE, "expected a duration >= 0s, got " + describe());
                return Optional.empty();
            }
            return Optional.of(seconds);
        } catch (IllegalArgumentException e) {
            problem(ProblemCode.VALUE_FORMAT, e.getMessage());
            return Optional.empty();
        }
    }

    /** Seconds of a non-negative duration of at most {@code maxSeconds}. */
    Optional<Double> duration(double maxSeconds) {
        Optional<Double> seconds = duration();
        if (seconds.isPresent() && seconds.get() > maxSeconds) {
            problem(
                    ProblemCode.VALUE_OVER_LIMIT,
                    String.format(
                            java.util.Locale.ROOT,
                            "expected a duration of at most %,.0fd (the limit of what " + "runs), got %s",
                            maxSeconds / 86_400,
                            describe()));
            return Optional.empty();
        }
        return seconds;
    }

    Optional<Double> positiveDuration() {
        Optional<Double> seconds = duration();
        if (seconds.isPresent() && seconds.get() <= 0) {
            problem(ProblemCode.VALUE_OUT_OF_RANGE, "expected a duration > 0s, got " + describe());
            return Optional.empty();
        }
        return seconds;
    }

    /**
     * The items of a list, each named in key paths by its {@code nameKey} value when it has a usable one and by
     * its index otherwise.
     */
    Optional<List<YamlCursor>> items(String nameKey) {
        return items(nameKey, Limits.MAX_LIST_ITEMS);
    }

    /** As {@link #items(String)}, refusing a list of more than {@code max} items (one problem, at the list). */
    Optional<List<YamlCursor>> items(String nameKey, int max) {
        if (!(node instanceof SequenceNode sequence)) {
            problem(ProblemCode.VALUE_TYPE, "expected a list, got " + describe());
            return Optional.empty();
        }
        if (sequence.getValue().size() > max) {
            problem(
                    ProblemCode.VALUE_OVER_LIMIT,
                    "expected at most " + max + " items (the limit of what runs), got "
                            + sequence.getValue().size());
            return Optional.empty();
        }
        List<YamlCursor> items = new ArrayList<>();
        List<Node> values = sequence.getValue();
        for (int i = 0; i < values.size(); i++) {
            String name = nameOf(values.get(i), nameKey).orElse(null);
            String itemPath = name != null ? path + "." + name : path + "[" + i + "]";
            items.add(new YamlCursor(values.get(i), itemPath, problems));
        }
        return Optional.of(items);
    }

    Optional<MappingReader> mapping() {
        if (!(node instanceof MappingNode)) {
            problem(ProblemCode.VALUE_TYPE, "expected a mapping, got " + describe());
            return Optional.empty();
        }
        return Optional.of(new MappingReader(this));
    }

    /** The value at {@code key} when this is a mapping that has it; reports nothing. */
    Optional<YamlCursor> peek(String key) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return Optional.of(child(key, tuple.getValueNode()));
                }
            }
        }
        return Optional.empty();
    }

    static Optional<String> nameOf(Node item, String nameKey) {
        if (item instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key
                        && key.getValue().equals(nameKey)
                        && tuple.getValueNode() instanceof ScalarNode value
                        && ID.matcher(value.getValue()).matches()) {
                    return Optional.of(value.getValue());
                }
            }
        }
        return Optional.empty();
    }

    private static String range(double min, boolean minIncluded, double max, boolean maxIncluded) {
        String low = (minIncluded ? ">= " : "> ") + format(min);
        if (Double.isInfinite(max)) {
            return low;
        }
        return "in " + (minIncluded ? "[" : "(") + format(min) + ", " + format(max) + (maxIncluded ? "]" : ")");
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
