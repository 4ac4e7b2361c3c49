package io.linetwin.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.Optional;

/**
 * The live loop's latest what-if, as it audited it (type {@code whatIf}: trigger, the snapshot's line time, seed,
 * replications, look-ahead, and per candidate its change, effect on the objective with the 95 % interval, verdict
 * and proposal). Read from the end of the audit log, and again only when the log grew: the page asks every few
 * seconds, the log only ever grows, and it may be long.
 */
final class LatestWhatIf {

    /** How far back from the end to look; one what-if entry is a few KB. */
    private static final int TAIL_BYTES = 1 << 20;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path audit;
    private long seenSize = -1;
    private Optional<ObjectNode> seen = Optional.empty();

    LatestWhatIf(Path audit) {
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /** The newest what-if entry; empty when the log is not there (yet) or holds none near its end. */
    synchronized Optional<ObjectNode> read() {
        try {
            if (!Files.isRegularFile(audit)) {
                return Optional.empty();
            }
            long size = Files.size(audit);
            if (size != seenSize) {
                seen = newest(tail(size), size > TAIL_BYTES);
                seenSize = size;
            }
            return seen;
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private String tail(long size) throws IOException {
        long from = Math.max(0, size - TAIL_BYTES);
        ByteBuffer bytes = ByteBuffer.allocate((int) (size - from));
        try (FileChannel in = FileChannel.open(audit, StandardOpenOption.READ)) {
            while (bytes.hasRemaining() && in.read(bytes, from + bytes.position()) >= 0) {
                // reads until the buffer is full or the file ends
            }
        }
        return new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8);
    }

    /** The last complete whatIf line; the first line of a cut tail and a last line still being written are skipped. */
    private static Optional<ObjectNode> newest(String text, boolean cut) {
        String[] lines = text.split("\n", -1);
        for (int i = lines.length - 1; i >= (cut ? 1 : 0); i--) {
            if (!lines[i].contains("\"whatIf\"")) {
                continue;
            }
            try {
                JsonNode entry = MAPPER.readTree(lines[i]);
                if (entry instanceof ObjectNode object
                        && entry.path("type").asText().equals("whatIf")) {
                    return Optional.of(object);
                }
            } catch (IOException e) {
                // a line cut short by a crash: the one before it is the newest whole entry
            }
        }
        return Optional.empty();
    }
}
