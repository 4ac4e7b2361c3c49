package io.linetwin.loop.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * Checks an audit log's hash chain, and its head file when there is one. The first broken line is the first line
 * whose number is out of sequence (a line removed, added or moved before it), the line before the first whose
 * {@code prev} differs from that line's SHA-256 (that line was edited), a line without a line end, or — by the
 * head file — the last line edited or lines missing at the end.
 */
public final class AuditVerifier {

    /** The outcome: intact, or the first broken line (1-based) and why. */
    public record Verification(int entries, boolean headChecked, OptionalInt brokenLine, String problem) {
        public boolean intact() {
            return brokenLine.isEmpty();
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AuditVerifier() {}

    public static Verification verify(Path log) throws IOException {
        List<byte[]> lines = Lines.split(Files.readAllBytes(log));
        String previous = AuditLog.GENESIS;
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            byte[] raw = lines.get(i);
            if (raw[raw.length - 1] != '\n') {
                return broken(i, number, "incomplete: no line end (cut short while it was written?)");
            }
            byte[] line = Arrays.copyOf(raw, raw.length - 1);
            JsonNode entry;
            try {
                entry = MAPPER.readTree(line);
            } catch (IOException e) {
                return broken(i, number, "not a JSON object");
            }
            if (entry == null
                    || !entry.isObject()
                    || !entry.path("seq").canConvertToLong()
                    || !entry.path("prev").isTextual()) {
                return broken(i, number, "not an audit entry (needs seq and prev)");
            }
            long seq = entry.get("seq").asLong();
            if (seq != number) {
                return broken(
                        i,
                        number,
                        "entry number " + seq + " where " + number
                                + " was expected: a line was removed, added or moved");
            }
            if (!entry.get("prev").asText().equals(previous)) {
                if (number == 1) {
                    return broken(
                            i, 1, "edited: the first entry's prev must be " + AuditLog.GENESIS.length() + " zeros");
                }
                return broken(
                        i, number - 1, "edited: its SHA-256 differs from the one line " + number + " recorded as prev");
            }
            previous = Sha256.hex(line);
        }
        Path head = AuditLog.headOf(log);
        if (!Files.exists(head)) {
            return new Verification(lines.size(), false, OptionalInt.empty(), "");
        }
        JsonNode recorded = MAPPER.readTree(Files.readAllBytes(head));
        long headSeq = recorded.path("seq").asLong(-1);
        String headHash = recorded.path("sha256").asText("");
        if (headSeq > lines.size()) {
            return broken(
                    lines.size(),
                    lines.size() + 1,
                    "missing: the head file records " + headSeq + " entries, the log holds " + lines.size());
        }
        if (headSeq >= 1) {
            byte[] raw = lines.get((int) headSeq - 1);
            if (!Sha256.hex(Arrays.copyOf(raw, raw.length - 1)).equals(headHash)) {
                return broken(lines.size(), (int) headSeq, "edited: its SHA-256 differs from the head file's");
            }
        }
        return new Verification(lines.size(), true, OptionalInt.empty(), "");
    }

    private static Verification broken(int entries, int line, String problem) {
        return new Verification(entries, false, OptionalInt.of(line), "line " + line + ": " + problem);
    }
}
