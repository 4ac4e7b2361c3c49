package io.linetwin.app.twin;

import io.linetwin.twin.InputLimits;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.Snapshot;
import io.linetwin.twin.TwinStore;
import io.linetwin.twin.sync.DeadLetters;
import io.linetwin.twin.sync.KafkaSettings;
import io.linetwin.twin.sync.LineGroupTwin;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedSet;
import java.util.stream.Collectors;

/**
 * {@code twin follow FILE FILE...}: this process's share of the lines a consumer group follows. Every interval it
 * says which lines it owns and, with a snapshot folder, keeps one snapshot file per owned line there (and removes the
 * files of lines it no longer owns), plus {@code owned.json} naming them.
 */
final class TwinGroupFollow {

    static final String OWNED_FILE = "owned.json";

    private final LineGroupTwin twin;
    private final Optional<Path> snapshotDir;

    private TwinGroupFollow(LineGroupTwin twin, Optional<Path> snapshotDir) {
        this.twin = twin;
        this.snapshotDir = snapshotDir;
    }

    static TwinGroupFollow start(
            List<LineDescriptor> lines,
            KafkaSettings settings,
            String checkpointTopic,
            Duration every,
            InputLimits limits,
            Optional<Path> snapshotDir,
            DeadLetters deadLetters)
            throws IOException {
        if (snapshotDir.isPresent()) {
            Files.createDirectories(snapshotDir.get());
        }
        return new TwinGroupFollow(
                LineGroupTwin.start(lines, settings, checkpointTopic, every, limits, Clock.systemUTC(), deadLetters),
                snapshotDir);
    }

    /** Prints what this process owns and refreshes the snapshot folder. */
    void report(PrintWriter out) throws IOException {
        SortedSet<String> owned = twin.owned();
        out.printf(
                Locale.ROOT,
                "owns %d of %d lines: %s (records %,d, lag %s, dead letters %,d)%n",
                owned.size(),
                twin.lines().size(),
                owned.isEmpty() ? "none" : String.join(", ", owned),
                twin.records(),
                twin.lag() < 0 ? "unknown" : Long.toString(twin.lag()),
                twin.deadLettered());
        for (String line : owned) {
            Optional<TwinStore.Stats> stats = twin.stats(line);
            Optional<Snapshot> snapshot = twin.snapshot(line);
            if (stats.isEmpty() || snapshot.isEmpty()) {
                continue;
            }
            out.printf(
                    Locale.ROOT,
                    "  %-32s applied %,d  stale %,d  refused %,d  revisions %,d%n",
                    line,
                    stats.get().applied(),
                    stats.get().stale(),
                    stats.get().rejectedTotal(),
                    snapshot.get().revisionSum());
            if (snapshotDir.isPresent()) {
                snapshot.get().write(snapshotDir.get().resolve(fileName(line)));
            }
        }
        out.flush();
        if (snapshotDir.isPresent()) {
            for (String line : twin.lines()) {
                if (!owned.contains(line)) {
                    Files.deleteIfExists(snapshotDir.get().resolve(fileName(line)));
                }
            }
            String json =
                    "{\"owned\": [" + owned.stream().map(l -> "\"" + l + "\"").collect(Collectors.joining(", "))
                            + "], \"records\": " + twin.records() + ", \"lag\": " + twin.lag() + "}\n";
            writeAtomically(snapshotDir.get().resolve(OWNED_FILE), json);
        }
    }

    /** The snapshot file of a line: its id with the namespace's colon made safe for file systems. */
    static String fileName(String lineId) {
        return lineId.replace(':', '_') + ".json";
    }

    void close() {
        twin.close();
    }

    private static void writeAtomically(Path file, String text) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
