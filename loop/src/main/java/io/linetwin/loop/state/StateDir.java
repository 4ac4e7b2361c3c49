package io.linetwin.loop.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The loop's state folder ({@code --state DIR}, default {@code .linetwin/}): proposals (one file each, with
 * their approvals, rejections and commands) and the audit log. Several processes share it — the live loop,
 * {@code linetwin approve} from another terminal, later the dashboard — so every change happens under
 * {@link #locked}: a file lock between processes and a lock per folder inside this JVM (a JVM may hold a
 * file's lock only once). Files are replaced atomically (temporary file, fsync, rename, fsync of the folder),
 * so a process killed at any instant leaves either the old or the new content, never half of one.
 */
public final class StateDir {

    /** An action under the folder's lock. */
    @FunctionalInterface
    public interface Locked<T> {
        T run() throws IOException;
    }

    private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path root;
    private final ReentrantLock jvmLock;

    private StateDir(Path root) {
        this.root = root;
        this.jvmLock = JVM_LOCKS.computeIfAbsent(root, p -> new ReentrantLock());
    }

    /** Opens the folder, creating it (and its {@code proposals/}) when missing. */
    public static StateDir open(Path root) throws IOException {
        Path absolute = root.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new IOException(root + " is not a folder");
        }
        Files.createDirectories(absolute.resolve("proposals"));
        return new StateDir(absolute.toRealPath());
    }

    public Path root() {
        return root;
    }

    public Path proposals() {
        return root.resolve("proposals");
    }

    public Path auditFile() {
        return root.resolve("audit.jsonl");
    }

    /**
     * Runs {@code action} while holding the folder's lock against this and every other process. Re-entrant: an action
     * may call another locked action of the same folder.
     */
    public <T> T locked(Locked<T> action) throws IOException {
        if (jvmLock.isHeldByCurrentThread()) {
            return action.run();
        }
        jvmLock.lock();
        try (FileChannel channel =
                        FileChannel.open(root.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            return action.run();
        } finally {
            jvmLock.unlock();
        }
    }

    /**
     * Claims the folder for one live process for as long as the returned handle is open; empty when another live
     * process (in this JVM or another) holds it — two loops on one folder could both act on one approval.
     */
    public java.util.Optional<AutoCloseable> claimLive() throws IOException {
        FileChannel channel =
                FileChannel.open(root.resolve("live.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            return java.util.Optional.empty();
        }
        FileLock held = lock;
        return java.util.Optional.of(() -> {
            held.release();
            channel.close();
        });
    }

    /**
     * Replaces {@code file} with {@code bytes} so that a crash leaves the old or the new content: written to a
     * temporary file beside it, forced to disk, renamed over it, and the folder forced so the rename survives.
     */
    public static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        try {
            try (FileChannel out =
                    FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            forceFolder(dir);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Makes a rename or a new file in {@code dir} durable (a no-op where the platform cannot open folders). */
    public static void forceFolder(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems refuse to open a folder; the rename is still atomic, only its durability waits.
        }
    }
}
