package io.linetwin.app;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Temporary files and folders being written right now, process-wide: the one place a shutdown hook (Ctrl-C,
 * SIGTERM) can find them and remove them, since the thread writing one may not get to. Global by necessity: a
 * signal belongs to the process, not to a command.
 */
final class PendingFiles {

    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();

    private PendingFiles() {}

    static void add(Path temp) {
        PENDING.add(temp);
    }

    static void remove(Path temp) {
        PENDING.remove(temp);
    }

    /** Removes every temporary file or folder still pending; called once the process is shutting down. */
    static void deleteAll() {
        for (Path temp : PENDING) {
            deleteTree(temp);
            PENDING.remove(temp);
        }
    }

    /** Deletes {@code root} and everything in it, best effort; for temporaries this process made. */
    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // Best effort: a temporary that cannot be removed is left, hidden, beside its target.
        }
    }
}
