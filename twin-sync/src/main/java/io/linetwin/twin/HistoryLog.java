package io.linetwin.twin;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.eclipse.ditto.things.model.ThingId;

/**
 * Append-only log of applied changes, one JSON-lines file per Thing under
 * {@code <dir>/<namespace>/<name>.jsonl}. When a file passes {@code maxBytes} it is rotated to
 * {@code <name>.1.jsonl} (older ones shift up) and at most {@code maxFiles} rotated files are kept, so
 * the log is bounded at about {@code (maxFiles + 1) * maxBytes} per Thing. Predictors read a Thing's
 * history with {@link #read(ThingId)}; {@link #replay} feeds a file back into a store.
 *
 * <p>Writes are buffered; {@link #flush()} or {@link #close()} makes them durable.
 */
public final class HistoryLog implements Consumer<TwinEvent>, AutoCloseable {

    private final Path dir;
    private final long maxBytes;
    private final int maxFiles;
    private final Map<ThingId, Writer> writers = new HashMap<>();

    private static final class Writer {
        BufferedWriter out;
        long bytes;
    }

    public HistoryLog(Path dir, long maxBytes, int maxFiles) {
        this.dir = Objects.requireNonNull(dir, "dir");
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be >= 1, got " + maxBytes);
        }
        if (maxFiles < 0) {
            throw new IllegalArgumentException("maxFiles must be >= 0, got " + maxFiles);
        }
        this.maxBytes = maxBytes;
        this.maxFiles = maxFiles;
    }

    /** Logs applied changes; stale and rejected messages changed nothing and are not history. */
    @Override
    public void accept(TwinEvent event) {
        if (event instanceof TwinEvent.Applied applied) {
            try {
                append(HistoryEntry.of(applied));
            } catch (IOException e) {
                throw new UncheckedIOException("history log " + dir + " failed", e);
            }
        }
    }

    public synchronized void append(HistoryEntry entry) throws IOException {
        ThingId id = entry.update().thingId();
        Writer w = writers.get(id);
        if (w == null) {
            w = open(id);
            writers.put(id, w);
        }
        String line = entry.toJsonLine() + "\n";
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        if (w.bytes > 0 && w.bytes + bytes.length > maxBytes) {
            w.out.close();
            rotate(id);
            w = open(id);
            writers.put(id, w);
        }
        w.out.write(line);
        w.bytes += bytes.length;
    }

    private Writer open(ThingId id) throws IOException {
        Path file = current(id);
        Files.createDirectories(file.getParent());
        Writer w = new Writer();
        w.out = Files.newBufferedWriter(
                file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        w.bytes = Files.size(file);
        return w;
    }

    private void rotate(ThingId id) throws IOException {
        Files.deleteIfExists(rotated(id, maxFiles));
        for (int i = maxFiles - 1; i >= 1; i--) {
            Path from = rotated(id, i);
            if (Files.exists(from)) {
                Files.move(from, rotated(id, i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (maxFiles >= 1) {
            Files.move(current(id), rotated(id, 1), StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.delete(current(id));
        }
    }

    public Path current(ThingId id) {
        return dir.resolve(id.getNamespace()).resolve(id.getName() + ".jsonl");
    }

    private Path rotated(ThingId id, int n) {
        return dir.resolve(id.getNamespace()).resolve(id.getName() + "." + n + ".jsonl");
    }

    /** The files holding a Thing's history, oldest first. */
    public synchronized List<Path> files(ThingId id) {
        List<Path> files = new ArrayList<>();
        for (int i = maxFiles; i >= 1; i--) {
            if (Files.exists(rotated(id, i))) {
                files.add(rotated(id, i));
            }
        }
        if (Files.exists(current(id))) {
            files.add(current(id));
        }
        return files;
    }

    /** Everything still kept of a Thing's history, oldest first (flushes first). */
    public synchronized List<HistoryEntry> read(ThingId id) throws IOException {
        flush();
        List<HistoryEntry> entries = new ArrayList<>();
        for (Path file : files(id)) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (!line.isBlank()) {
                        entries.add(HistoryEntry.fromJsonLine(line));
                    }
                }
            }
        }
        return entries;
    }

    /** Applies every entry of a history file to {@code store}; returns how many were applied. */
    public static long replay(Path file, TwinStore store) throws IOException {
        long applied = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank()
                        && store.apply(HistoryEntry.fromJsonLine(line).replayable()) instanceof TwinEvent.Applied) {
                    applied++;
                }
            }
        }
        return applied;
    }

    public synchronized void flush() throws IOException {
        for (Writer w : writers.values()) {
            w.out.flush();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        IOException first = null;
        for (Writer w : writers.values()) {
            try {
                w.out.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        writers.clear();
        if (first != null) {
            throw first;
        }
    }
}
