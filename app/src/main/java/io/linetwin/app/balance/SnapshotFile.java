package io.linetwin.app.balance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.linetwin.predict.balance.BalanceInputException;
import io.linetwin.twin.Snapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.ditto.json.JsonValue;

/**
 * A twin snapshot read from its file, with the line each top-level key and each Thing starts on, so that errors
 * can point into the file ({@code after.json:1: ...}; a snapshot the twin wrote is one line).
 */
public final class SnapshotFile {

    private static final String FORMAT = "linetwin/twin-snapshot/v1, see twin-sync/README.md";

    private final Path file;
    private final Snapshot snapshot;
    private final Map<String, Integer> lines;

    private SnapshotFile(Path file, Snapshot snapshot, Map<String, Integer> lines) {
        this.file = file;
        this.snapshot = snapshot;
        this.lines = lines;
    }

    public static SnapshotFile read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BalanceInputException(file + ": cannot read the twin snapshot: " + e.getMessage());
        }
        Map<String, Integer> lines = keyLines(file, text);
        try {
            return new SnapshotFile(file, Snapshot.fromJson(org.eclipse.ditto.json.JsonFactory.newObject(text)), lines);
        } catch (RuntimeException e) {
            throw new BalanceInputException(file + ":1: not a twin snapshot (" + FORMAT + "): " + e.getMessage());
        }
    }

    /** Lines of {@code takenAt} and of every Thing under {@code things} (keys {@code things/<id>}). */
    private static Map<String, Integer> keyLines(Path file, String text) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = new JsonFactory().createParser(text)) {
            int depth = 0;
            String top = null;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                switch (token) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    case FIELD_NAME -> {
                        int line = parser.currentTokenLocation().getLineNr();
                        if (depth == 1) {
                            top = parser.currentName();
                            lines.put(top, line);
                        } else if (depth == 2 && "things".equals(top)) {
                            lines.put("things/" + parser.currentName(), line);
                        }
                    }
                    default -> {}
                }
            }
        } catch (JsonProcessingException e) {
            throw new BalanceInputException(
                    file + ":" + e.getLocation().getLineNr() + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BalanceInputException(file + ": cannot read the twin snapshot: " + e.getMessage());
        }
        return lines;
    }

    public Path file() {
        return file;
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    /** {@code file:line} of a key ({@code takenAt}, {@code things/<thing id>}); line 1 when not found. */
    public String at(String key) {
        return file + ":" + lines.getOrDefault(key, 1);
    }

    /** The lines ({@code line} attribute) its Things belong to. */
    public Set<String> lineIds() {
        Set<String> ids = new TreeSet<>();
        snapshot.things()
                .values()
                .forEach(t -> t.thing()
                        .getAttributes()
                        .flatMap(a -> a.getValue("line"))
                        .filter(JsonValue::isString)
                        .map(JsonValue::asString)
                        .ifPresent(ids::add));
        return ids;
    }
}
