package io.linetwin.app;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Every file and folder a command writes, declared before it does any work, checked up front, and written so
 * that nothing is lost: a command that fails after minutes of work because of its output path has wasted them,
 * and one that truncates or replaces the wrong file has destroyed something.
 * <ul>
 * <li><b>Checked first</b> ({@link #check}): an output's folder exists (or its nearest existing ancestor, the
 * folders in between are made) and is writable; a file output is not a folder, device or other special file, not
 * read-only, and not an input of the same command (compared by real path, through symbolic links); no two outputs
 * share a path. A folder output is new or empty. Each problem is one line naming the option, the path and why;
 * the command exits 2 before it starts.</li>
 * <li><b>Written atomically</b> ({@link #write}): into a hidden temporary file in the same folder, forced to disk,
 * then renamed over the target in one step; a reader, a crash or a full disk sees the old file or the complete new
 * one, never a half-written one. The temporary file is removed on failure and by {@link PendingFiles} on Ctrl-C.
 * An output that is a symbolic link is written through it: the link stays, its target is replaced.</li>
 * <li><b>Nothing deleted that the command did not create</b>: on failure {@link #discard} removes only files and
 * folders this command made.</li>
 * </ul>
 * Not thread-safe: one command writes its outputs from one thread.
 */
public final class OutputFiles {

    /** Writes the content of one file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private record Output(String option, Path path, boolean folder) {}

    private final List<Output> outputs = new ArrayList<>();
    private final List<Path> inputs = new ArrayList<>();
    private final Map<Path, Path> targets = new HashMap<>();
    /** Made by this command, newest last: what {@link #discard} may remove. */
    private final Deque<Path> created = new ArrayDeque<>();

    /** A file the command writes under {@code option}; a null path (option not given) is ignored. */
    public OutputFiles file(String option, Path path) {
        if (path != null) {
            outputs.add(new Output(option, path, false));
        }
        return this;
    }

    /** A folder the command fills under {@code option} (new or empty); a null path is ignored. */
    public OutputFiles folder(String option, Path path) {
        if (path != null) {
            outputs.add(new Output(option, path, true));
        }
        return this;
    }

    /** A file the command reads: no output may be it. A null path is ignored. */
    public OutputFiles input(Path path) {
        if (path != null) {
            inputs.add(path);
        }
        return this;
    }

    /** Checks every output; throws with one line per problem before any work is done. */
    public OutputFiles check() throws BadInputException {
        List<String> problems = new ArrayList<>();
        Map<Path, Path> inputsByRealPath = new HashMap<>();
        for (Path input : inputs) {
            try {
                inputsByRealPath.put(input.toRealPath(), input);
            } catch (IOException e) {
                // An input that does not exist is the input's own problem, reported by whoever reads it.
            }
        }
        Map<Path, Output> seen = new LinkedHashMap<>();
        for (Output output : outputs) {
            String problem = output.folder() ? folderProblem(output.path()) : fileProblem(output.path());
            if (problem != null) {
                problems.add(output.option() + " " + output.path() + ": " + problem);
                continue;
            }
            Path target = target(output.path());
            Path input = inputsByRealPath.get(target);
            if (input != null) {
                problems.add(output.option() + " " + output.path() + ": is an input of this command (" + input
                        + "); writing it would destroy it");
                continue;
            }
            Output other = seen.putIfAbsent(target, output);
            if (other != null) {
                problems.add(output.option() + " " + output.path() + ": is also the output of " + other.option()
                        + "; give each output its own path");
                continue;
            }
            for (Map.Entry<Path, Output> folder : seen.entrySet()) {
                if (folder.getValue().folder() && folder.getValue() != output && target.startsWith(folder.getKey())) {
                    problems.add(output.option() + " " + output.path() + ": lies inside the folder of "
                            + folder.getValue().option() + "; give it a path of its own");
                }
            }
            targets.put(output.path(), target);
        }
        if (!problems.isEmpty()) {
            throw new BadInputException(problems);
        }
        return this;
    }

    /**
     * Writes {@code path} (a declared file output, or a file inside a declared folder) atomically: a temporary
     * file in the same folder, forced to disk, renamed over the target. On failure nothing of it is left.
     */
    public void write(Path path, Content content) throws IOException {
        Path target = targets.containsKey(path) ? targets.get(path) : target(path);
        Path folder = target.getParent();
        makeFolders(folder);
        Set<PosixFilePermission> permissions = existingPermissions(target);
        Path temp = folder.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        PendingFiles.add(temp);
        try {
            try (FileChannel channel =
                    FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                // Writers such as Jackson close what they are given; the channel must stay open to be forced.
                OutputStream out =
                        new FilterOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
                            @Override
                            public void write(byte[] bytes, int offset, int length) throws IOException {
                                this.out.write(bytes, offset, length);
                            }

                            @Override
                            public void close() throws IOException {
                                flush();
                            }
                        };
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            if (permissions != null) {
                Files.getFileAttributeView(temp, PosixFileAttributeView.class).setPermissions(permissions);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            forceFolder(folder);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(temp);
            throw e;
        } finally {
            PendingFiles.remove(temp);
        }
    }

    /** Makes a declared folder output (when new), so that files can be written into it. */
    public Path makeFolder(Path path) throws IOException {
        Path target = targets.getOrDefault(path, path.toAbsolutePath().normalize());
        makeFolders(target);
        return target;
    }

    /**
     * Fills a declared folder output through {@code fill}, which writes into a new hidden folder beside it; the
     * filled folder then takes the output's place in one rename (new output) or moves its files in (empty one).
     * For writers that make their own files (a model's weights).
     */
    public void fillFolder(Path path, FolderContent fill) throws IOException {
        Path target = targets.getOrDefault(path, path.toAbsolutePath().normalize());
        Path parent = target.getParent();
        makeFolders(parent);
        Path staging = parent.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        PendingFiles.add(staging);
        try {
            fill.fill(staging);
            if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(staging)) {
                    for (Path entry : entries) {
                        Files.move(entry, target.resolve(entry.getFileName()), StandardCopyOption.ATOMIC_MOVE);
                    }
                }
                Files.delete(staging);
            } else {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                created.add(target);
            }
            forceFolder(parent);
        } catch (IOException | RuntimeException | Error e) {
            PendingFiles.deleteTree(staging);
            throw e;
        } finally {
            PendingFiles.remove(staging);
        }
    }

    /** Fills a new folder with files. */
    @FunctionalInterface
    public interface FolderContent {
        void fill(Path folder) throws IOException;
    }

    /** Records a file this command wrote inside a folder output, so that {@link #discard} may remove it. */
    public void created(Path file) {
        created.add(file.toAbsolutePath().normalize());
    }

    /** After a failure: removes what this command made (files it recorded, folders it made), newest first. */
    public void discard() {
        while (!created.isEmpty()) {
            Path path = created.removeLast();
            try {
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
                        if (entries.iterator().hasNext()) {
                            continue;
                        }
                    }
                }
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // Best effort: what cannot be removed stays, and nothing else is touched.
            }
        }
    }

    private void makeFolders(Path folder) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path p = folder; p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(0, p);
        }
        for (Path p : missing) {
            try {
                Files.createDirectory(p);
                created.add(p);
            } catch (FileAlreadyExistsException e) {
                // Made meanwhile by someone else: theirs, not ours to remove.
            }
        }
    }

    private static String fileProblem(Path path) {
        Path absolute = path.toAbsolutePath();
        if (Files.exists(absolute)) {
            Path real;
            try {
                real = absolute.toRealPath();
            } catch (IOException e) {
                return "cannot be resolved: " + e.getMessage();
            }
            if (Files.isDirectory(real)) {
                return "is a folder; give a file name";
            }
            if (!Files.isRegularFile(real)) {
                return "is not a regular file (a device, pipe or socket); give a file name";
            }
            if (!Files.isWritable(real)) {
                return "is read-only";
            }
            return folderWritable(real.getParent());
        }
        if (Files.isSymbolicLink(absolute)) {
            return "is a symbolic link to nothing; remove it or give another name";
        }
        if (absolute.getFileName() == null) {
            return "is not a file name";
        }
        return folderWritable(absolute.getParent());
    }

    private static String folderProblem(Path path) {
        Path absolute = path.toAbsolutePath();
        if (Files.exists(absolute)) {
            if (!Files.isDirectory(absolute)) {
                return "is not a folder; give a new or empty folder";
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(absolute)) {
                if (entries.iterator().hasNext()) {
                    return "is not empty; give a new or empty folder (nothing in it is overwritten)";
                }
            } catch (IOException e) {
                return "cannot be listed: " + e.getMessage();
            }
            return Files.isWritable(absolute) ? null : "is read-only";
        }
        return folderWritable(absolute.getParent());
    }

    /** The nearest existing ancestor of {@code folder} must be a writable folder (the rest are made). */
    private static String folderWritable(Path folder) {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return "has no existing folder above it";
        }
        if (!Files.isDirectory(existing)) {
            return existing + " is not a folder";
        }
        if (!Files.isWritable(existing)) {
            return "folder " + existing + " is not writable";
        }
        // The permission bits do not tell everything (root, read-only mounts, /proc): try it.
        try {
            Path probe = Files.createTempFile(existing, ".linetwin-", ".probe");
            Files.delete(probe);
        } catch (IOException | UnsupportedOperationException e) {
            return "folder " + existing + " is not writable (" + Failures.describe(e) + ")";
        }
        return null;
    }

    /** Where {@code path} is written: its real path when it exists (through links), else its normal form. */
    private static Path target(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (NoSuchFileException e) {
            Path parent = absolute.getParent();
            try {
                return parent.toRealPath().resolve(absolute.getFileName());
            } catch (IOException noParent) {
                return absolute;
            }
        } catch (IOException e) {
            return absolute;
        }
    }

    private static Set<PosixFilePermission> existingPermissions(Path target) {
        try {
            return Files.isRegularFile(target) ? Files.getPosixFilePermissions(target) : null;
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    /** Forces the folder entry of the rename to disk, so that it survives a power cut; Linux allows it. */
    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not every system opens folders; the rename itself is still atomic.
        }
    }
}
