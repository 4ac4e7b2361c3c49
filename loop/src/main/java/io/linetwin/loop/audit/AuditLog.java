package io.linetwin.loop.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.linetwin.loop.state.StateDir;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The append-only audit log: one JSON object per line, {@code {"seq":n,"prev":"<SHA-256 of line n-1>","at":...,
 * "type":...,...}}; the first entry's {@code prev} is 64 zeros. Editing, removing or reordering a line breaks the
 * chain at the next line; a sibling head file ({@code audit.jsonl.head}: the last entry's number and SHA-256,
 * replaced atomically after every append) makes removing or editing the last lines detectable too.
 *
 * <p>Appends must happen under the state folder's lock (the {@code ProposalBook} holds it), because the live loop
 * and {@code linetwin approve} append to the same log. Every line is forced to disk before the append returns, so
 * an action the log records was logged before it happened. A line cut short by a crash (no line end) was never
 * acknowledged: the next append drops it and logs that it did.
 */
public final class AuditLog {

    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final Clock clock;

    public AuditLog(Path file, Clock clock) {
        this.file = Objects.requireNonNull(file, "file");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Path file() {
        return file;
    }

    public static Path headOf(Path log) {
        return log.resolveSibling(log.getFileName() + ".head");
    }

    /** A fresh JSON object for an entry's fields. */
    public static ObjectNode fields() {
        return MAPPER.createObjectNode();
    }

    /** Appends an entry of {@code type} with {@code fields} after the chain's fields; returns the entry. */
    public ObjectNode append(String type, ObjectNode fields) throws IOException {
        Objects.requireNonNull(type, "type");
        Tail tail = repairedTail();
        if (tail.dropped() > 0) {
            ObjectNode note = fields();
            note.put("droppedBytes", tail.dropped());
            note.put("why", "a line cut short by a crash was never acknowledged; dropped");
            tail = write(tail, "recovered", note).tail();
        }
        return write(tail, type, fields).entry();
    }

    private record Written(ObjectNode entry, Tail tail) {}

    private Written write(Tail tail, String type, ObjectNode fields) throws IOException {
        ObjectNode entry = MAPPER.createObjectNode();
        entry.put("seq", tail.seq() + 1);
        entry.put("prev", tail.hash());
        entry.put("at", clock.instant().toString());
        entry.put("type", type);
        fields.fields().forEachRemaining(f -> {
            if (!entry.has(f.getKey())) {
                entry.set(f.getKey(), f.getValue());
            }
        });
        byte[] line = MAPPER.writeValueAsBytes(entry);
        boolean created = !Files.exists(file);
        try (FileChannel out = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.allocate(line.length + 1)
                    .put(line)
                    .put((byte) '\n')
                    .flip();
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        }
        if (created) {
            StateDir.forceFolder(file.toAbsolutePath().getParent());
        }
        String hash = Sha256.hex(line);
        ObjectNode head = MAPPER.createObjectNode();
        head.put("seq", tail.seq() + 1);
        head.put("sha256", hash);
        StateDir.writeAtomically(headOf(file), MAPPER.writeValueAsBytes(head));
        return new Written(entry, new Tail(tail.seq() + 1, hash, 0));
    }

    private record Tail(long seq, String hash, long dropped) {}

    /** The last complete entry's number and hash, after cutting off an incomplete last line. */
    private Tail repairedTail() throws IOException {
        if (!Files.exists(file)) {
            return new Tail(0, GENESIS, 0);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            if (size == 0) {
                return new Tail(0, GENESIS, 0);
            }
            long end = lastLineEnd(channel, size);
            long dropped = size - end;
            if (dropped > 0) {
                channel.truncate(end);
                channel.force(true);
            }
            if (end == 0) {
                return new Tail(0, GENESIS, dropped);
            }
            long start = lastLineEnd(channel, end - 1);
            byte[] line = new byte[(int) (end - 1 - start)];
            channel.read(ByteBuffer.wrap(line), start);
            JsonNode entry = MAPPER.readTree(line);
            if (entry == null || !entry.path("seq").canConvertToLong()) {
                throw new IOException(file + ": the last entry has no seq; run linetwin audit verify " + file);
            }
            return new Tail(entry.get("seq").asLong(), Sha256.hex(line), dropped);
        }
    }

    /** The offset just after the last line end before {@code limit} (0 when there is none). */
    private static long lastLineEnd(FileChannel channel, long limit) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(8192);
        long position = limit;
        while (position > 0) {
            int length = (int) Math.min(chunk.capacity(), position);
            position -= length;
            chunk.clear().limit(length);
            channel.read(chunk, position);
            for (int i = length - 1; i >= 0; i--) {
                if (chunk.get(i) == '\n') {
                    return position + i + 1;
                }
            }
        }
        return 0;
    }

    /** Every complete entry, oldest first. */
    public List<JsonNode> read() throws IOException {
        List<JsonNode> entries = new ArrayList<>();
        if (!Files.exists(file)) {
            return entries;
        }
        for (byte[] line : Lines.split(Files.readAllBytes(file))) {
            if (line.length > 0 && line[line.length - 1] == '\n') {
                entries.add(MAPPER.readTree(new String(line, 0, line.length - 1, StandardCharsets.UTF_8)));
            }
        }
        return entries;
    }
}
