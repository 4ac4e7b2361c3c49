package io.linetwin.app.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON document read strictly, every value with its line and column: a hand-edited input file must fail with
 * the place of its mistake, not be read leniently (Jackson's tree model forgets positions, lets a duplicate key
 * win silently and ignores text after the document). Syntax errors, duplicate keys, text after the document, a
 * file over {@link #MAX_BYTES} and nesting beyond {@link #MAX_DEPTH} are problems.
 */
public final class JsonTree {

    /** Bytes of a state or snapshot file: a plant of ten thousand things is a few megabytes. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    static final int MAX_DEPTH = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(
                    StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    /** What a value is. */
    public enum Kind {
        OBJECT,
        ARRAY,
        STRING,
        INTEGER,
        DECIMAL,
        BOOLEAN,
        NULL
    }

    /**
     * One value: {@code text} is a string's value or a number's literal text as written; an object's fields keep
     * the file's order, each with the position of its key in {@link #keyAt}.
     */
    public static final class Node {
        private final Kind kind;
        private final String text;
        private final int line;
        private final int column;
        private final Map<String, Node> fields;
        private final Map<String, int[]> keyPositions;
        private final List<Node> items;

        private Node(Kind kind, String text, int line, int column) {
            this.kind = kind;
            this.text = text;
            this.line = line;
            this.column = column;
            this.fields = kind == Kind.OBJECT ? new LinkedHashMap<>() : Collections.emptyMap();
            this.keyPositions = kind == Kind.OBJECT ? new LinkedHashMap<>() : Collections.emptyMap();
            this.items = kind == Kind.ARRAY ? new ArrayList<>() : Collections.emptyList();
        }

        public Kind kind() {
            return kind;
        }

        public String text() {
            return text;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }

        public Map<String, Node> fields() {
            return Collections.unmodifiableMap(fields);
        }

        public List<Node> items() {
            return Collections.unmodifiableList(items);
        }

        /** Line and column of the key {@code key} of this object. */
        public int[] keyAt(String key) {
            return keyPositions.get(key).clone();
        }

        /** How the value reads in "got ..." messages. */
        public String describe() {
            return switch (kind) {
                case OBJECT -> "an object";
                case ARRAY -> "a list";
                case NULL -> "null";
                case STRING -> "\"" + (text.length() > 80 ? text.substring(0, 80) + "..." : text) + "\"";
                default -> text.length() > 80 ? text.substring(0, 80) + "..." : text;
            };
        }
    }

    private JsonTree() {}

    /** The document in {@code file}, or empty with its problems reported. */
    public static Optional<Node> read(Path file, InputProblems problems) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                problems.at(
                        1,
                        1,
                        "",
                        "the file has " + size + " bytes, more than the limit of " + MAX_BYTES / (1024 * 1024)
                                + " MiB");
                return Optional.empty();
            }
        } catch (IOException e) {
            problems.at(1, 1, "", "cannot read the file: " + e.getMessage());
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file);
                JsonParser parser = FACTORY.createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                problems.at(1, 1, "", "expected a JSON document, got an empty file");
                return Optional.empty();
            }
            Node root = value(parser, problems);
            JsonLocation end = parser.currentLocation();
            try {
                if (parser.nextToken() != null) {
                    JsonLocation at = parser.currentTokenLocation();
                    problems.at(at.getLineNr(), at.getColumnNr(), "", "unexpected text after the end of the document");
                    return Optional.empty();
                }
            } catch (JsonProcessingException e) {
                problems.at(end.getLineNr(), end.getColumnNr(), "", "unexpected text after the end of the document");
                return Optional.empty();
            }
            return Optional.of(root);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problems.at(
                    at == null ? 1 : Math.max(1, at.getLineNr()),
                    at == null ? 1 : Math.max(1, at.getColumnNr()),
                    "",
                    "malformed JSON: " + plain(e.getOriginalMessage()));
            return Optional.empty();
        } catch (IOException e) {
            problems.at(1, 1, "", "cannot read the file: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Jackson's message without its source description ("(for root starting at [Source: REDACTED ..."). */
    private static String plain(String message) {
        String first = message == null ? "" : message.lines().findFirst().orElse("");
        int source = first.indexOf("[Source");
        if (source >= 0) {
            int cut = first.lastIndexOf(" (", source);
            first = first.substring(0, cut >= 0 ? cut : source).strip();
        }
        return first;
    }

    /** An object or list being read, with the key it will have in its parent. */
    private record Open(Node node, String key, int[] keyAt) {}

    /** The value starting at the parser's current token, iteratively (no recursion on deep documents). */
    private static Node value(JsonParser parser, InputProblems problems) throws IOException {
        Deque<Open> open = new ArrayDeque<>();
        String pendingKey = null;
        int[] pendingKeyAt = null;
        JsonToken token = parser.currentToken();
        while (true) {
            JsonLocation at = parser.currentTokenLocation();
            int line = at.getLineNr();
            int column = at.getColumnNr();
            if (token == JsonToken.FIELD_NAME) {
                pendingKey = parser.currentName();
                pendingKeyAt = new int[] {line, column};
                token = parser.nextToken();
                continue;
            }
            if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                Open closed = open.pop();
                if (open.isEmpty()) {
                    return closed.node();
                }
                attach(open.peek().node(), closed.key(), closed.node(), closed.keyAt(), problems);
                token = parser.nextToken();
                continue;
            }
            Node node = switch (token) {
                case START_OBJECT -> new Node(Kind.OBJECT, null, line, column);
                case START_ARRAY -> new Node(Kind.ARRAY, null, line, column);
                case VALUE_STRING -> new Node(Kind.STRING, parser.getText(), line, column);
                case VALUE_NUMBER_INT -> new Node(Kind.INTEGER, parser.getText(), line, column);
                case VALUE_NUMBER_FLOAT -> new Node(Kind.DECIMAL, parser.getText(), line, column);
                case VALUE_TRUE, VALUE_FALSE -> new Node(Kind.BOOLEAN, parser.getText(), line, column);
                case VALUE_NULL -> new Node(Kind.NULL, "null", line, column);
                default -> throw new IllegalStateException("unexpected JSON token " + token);
            };
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                open.push(new Open(node, pendingKey, pendingKeyAt));
            } else if (open.isEmpty()) {
                return node;
            } else {
                attach(open.peek().node(), pendingKey, node, pendingKeyAt, problems);
            }
            pendingKey = null;
            pendingKeyAt = null;
            token = parser.nextToken();
        }
    }

    private static void attach(Node parent, String key, Node child, int[] keyAt, InputProblems problems) {
        if (parent.kind == Kind.ARRAY) {
            parent.items.add(child);
            return;
        }
        int[] where = keyAt != null ? keyAt : new int[] {child.line, child.column};
        if (parent.fields.containsKey(key)) {
            int[] first = parent.keyPositions.get(key);
            problems.at(
                    where[0], where[1], "", "duplicate key '" + key + "' (first at " + first[0] + ":" + first[1] + ")");
            return;
        }
        parent.fields.put(key, child);
        parent.keyPositions.put(key, where);
    }
}
