package io.linetwin.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * A Spark installation made of the jars this JVM already runs on: a standalone worker starts its executors with
 * {@code SPARK_HOME/jars/*} on their class path, so a folder of links to Spark's runtime jars is all it takes. The
 * jars of LineTwin's replication code are left out on purpose: drivers ship them with every job, exactly as to a
 * stock Spark 4 distribution.
 */
public final class SparkHome {

    private final Path root;

    private SparkHome(Path root) {
        this.root = root;
    }

    /** Links the runtime jars of this JVM's class path into {@code root}/jars. */
    public static SparkHome assemble(Path root) {
        return assemble(root, runtimeClassPath());
    }

    static SparkHome assemble(Path root, List<Path> classPath) {
        try {
            Path jars = root.resolve("jars");
            deleteTree(jars);
            Files.createDirectories(jars);
            Files.createDirectories(root.resolve("conf"));
            // Spark's launcher asks for the Scala version of a source build when SPARK_SCALA_VERSION is unset.
            Files.createDirectories(root.resolve("launcher").resolve("target").resolve("scala-2.13"));
            Set<String> names = new HashSet<>();
            for (Path jar : classPath) {
                if (!Files.isRegularFile(jar) || JobJars.isJobJar(jar)) {
                    continue;
                }
                String name = jar.getFileName().toString();
                String unique = name;
                for (int n = 2; !names.add(unique); n++) {
                    unique = n + "-" + name;
                }
                Files.createSymbolicLink(jars.resolve(unique), jar.toAbsolutePath());
            }
            return new SparkHome(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot assemble a Spark home in " + root + ": " + e.getMessage(), e);
        }
    }

    public Path root() {
        return root;
    }

    /** The class path of Spark's own daemons and executors here. */
    public String classPath() {
        return root.resolve("conf") + File.pathSeparator + root.resolve("jars") + File.separator + "*";
    }

    /** Removes the folder (links only: the jars they point at stay). */
    public void delete() {
        try {
            deleteTree(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }

    /**
     * The entries of this JVM's class path, with a manifest-only jar (as test runners and {@code java -jar} use)
     * expanded into the jars its {@code Class-Path} names.
     */
    static List<Path> runtimeClassPath() {
        Set<Path> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry).toAbsolutePath().normalize();
            entries.add(path);
            entries.addAll(manifestClassPath(path));
        }
        return new ArrayList<>(entries);
    }

    private static List<Path> manifestClassPath(Path jar) {
        if (!Files.isRegularFile(jar) || !jar.toString().endsWith(".jar")) {
            return List.of();
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String classPath =
                    manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath == null) {
                return List.of();
            }
            List<Path> paths = new ArrayList<>();
            URI base = jar.toUri();
            for (String item : classPath.trim().split("\\s+")) {
                paths.add(Path.of(base.resolve(item)).toAbsolutePath().normalize());
            }
            return paths;
        } catch (IOException | IllegalArgumentException e) {
            return List.of();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
