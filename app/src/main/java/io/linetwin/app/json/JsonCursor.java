package io.linetwin.app.json;

import io.linetwin.app.json.JsonTree.Kind;
import io.linetwin.app.json.JsonTree.Node;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A value of a {@link JsonTree} with its key path, reading typed values strictly: {@code "abc"} is not a
 * number, {@code 2.7} is not a whole number, a key the format does not know is a problem. A wrong value is
 * reported at its position and read as empty, so the reader carries on and finds the other mistakes too.
 */
public final class JsonCursor {

    private final Node node;
    private final String path;
    private final InputProblems problems;

    public JsonCursor(Node node, String path, InputProblems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    public Node node() {
        return node;
    }

    public String path() {
        return path;
    }

    public InputProblems problems() {
        return problems;
    }

    public void problem(String message) {
        problems.at(node.line(), node.column(), path, message);
    }

    public boolean isNull() {
        return node.kind() == Kind.NULL;
    }

    /** The fields of an object, after reporting every key outside {@code known} (null: any key). */
    public Optional<Map<String, JsonCursor>> object(Collection<String> known) {
        if (node.kind() != Kind.OBJECT) {
            problem("expected an object, got " + node.describe());
            return Optional.empty();
        }
        Map<String, JsonCursor> fields = new LinkedHashMap<>();
        node.fields().forEach((key, value) -> {
            if (known != null && !known.contains(key)) {
                int[] at = node.keyAt(key);
                problems.at(
                        at[0],
                        at[1],
                        child(key),
                        "unknown key '" + key + "'; expected one of " + String.join(", ", known));
                return;
            }
            fields.put(key, new JsonCursor(value, child(key), problems));
        });
        return Optional.of(fields);
    }

    /** The items of a list. */
    public Optional<List<JsonCursor>> list() {
        if (node.kind() != Kind.ARRAY) {
            problem("expected a list, got " + node.describe());
            return Optional.empty();
        }
        List<Node> items = node.items();
        return Optional.of(java.util.stream.IntStream.range(0, items.size())
                .mapToObj(i -> new JsonCursor(items.get(i), path + "[" + i + "]", problems))
                .toList());
    }

    /** {@code key} of {@code fields}, reporting it missing at this object. */
    public Optional<JsonCursor> required(Map<String, JsonCursor> fields, String key) {
        JsonCursor value = fields.get(key);
        if (value == null) {
            problems.at(node.line(), node.column(), child(key), "required key is missing");
        }
        return Optional.ofNullable(value);
    }

    public Optional<String> text() {
        if (node.kind() != Kind.STRING) {
            problem("expected a text, got " + node.describe());
            return Optional.empty();
        }
        return Optional.of(node.text());
    }

    /** A text, or empty without a problem for {@code null}. */
    public Optional<String> optionalText() {
        return isNull() ? Optional.empty() : text();
    }

    /** A finite number, at least {@code min}. */
    public Optional<Double> number(double min) {
        if (node.kind() != Kind.INTEGER && node.kind() != Kind.DECIMAL) {
            problem("expected a number, got " + node.describe());
            return Optional.empty();
        }
        double value = Double.parseDouble(node.text());
        if (!Double.isFinite(value) || value < min) {
            problem("expected a number >= " + (min == Math.rint(min) ? String.valueOf((long) min) : min) + ", got "
                    + node.describe());
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** A whole number in [min, max]: {@code 2.7} and {@code 2.0} are not whole numbers as written. */
    public Optional<Long> whole(long min, long max) {
        if (node.kind() != Kind.INTEGER) {
            problem("expected a whole number, got " + node.describe());
            return Optional.empty();
        }
        BigInteger value = new BigDecimal(node.text()).toBigIntegerExact();
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            problem("expected a whole number in [" + min + ", " + max + "], got " + node.describe());
            return Optional.empty();
        }
        return Optional.of(value.longValueExact());
    }

    public Optional<Instant> instant() {
        Optional<String> text = text();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text.get()));
        } catch (DateTimeParseException e) {
            problem("expected an ISO-8601 instant like \"2025-01-06T06:00:00Z\", got " + node.describe());
            return Optional.empty();
        }
    }

    /** {@code true} or {@code false}. */
    public Optional<Boolean> bool() {
        if (node.kind() != Kind.BOOLEAN) {
            problem("expected true or false, got " + node.describe());
            return Optional.empty();
        }
        return Optional.of(Boolean.parseBoolean(node.text()));
    }

    /** One of {@code options}. */
    public Optional<String> choice(Collection<String> options) {
        Optional<String> text = text();
        if (text.isPresent() && !options.contains(text.get())) {
            problem("expected one of " + String.join(", ", options) + ", got " + node.describe());
            return Optional.empty();
        }
        return text;
    }

    /** The path of a key below this one; the anonymous product's empty key reads {@code ""}. */
    private String child(String key) {
        String shown = key.isEmpty() ? "\"\"" : key;
        return path.isEmpty() ? shown : path + "." + shown;
    }
}
