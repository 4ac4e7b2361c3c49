package io.linetwin.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The jars executors need beyond Spark itself: LineTwin's model, simulation and this module, and the libraries
 * they use that a Spark distribution may lack (MASON, SnakeYAML, Commons Math). The driver ships them with the
 * job ({@code spark.jars}), so any stock Spark 4 cluster runs LineTwin's replications.
 */
public final class JobJars {

    /** One class from each jar the executors need. */
    private static final List<String> ANCHORS = List.of(
            "io.linetwin.cluster.JobJars",
            "io.linetwin.sim.LineSimulation",
            "io.linetwin.model.Scenario",
            "sim.engine.Schedule",
            "org.yaml.snakeyaml.Yaml",
            "org.apache.commons.math3.random.RandomGenerator");

    private JobJars() {}

    /**
     * The jar files, in a stable order; a class folder (a build run from its classes) is packed into a jar under
     * {@code scratch}.
     */
    public static List<Path> paths(Path scratch) {
        Set<Path> jars = new LinkedHashSet<>();
        for (String anchor : ANCHORS) {
            Path location = location(anchor);
            jars.add(Files.isDirectory(location) ? packed(location, scratch) : location);
        }
        return List.copyOf(jars);
    }

    /** Whether {@code file} is one of the jars {@link #paths} names (Spark's own class path leaves them out). */
    public static boolean isJobJar(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return ANCHORS.stream().map(JobJars::location).anyMatch(absolute::equals);
    }

    private static Path location(String className) {
        try {
            Class<?> type = Class.forName(className, false, JobJars.class.getClassLoader());
            CodeSource source = type.getProtectionDomain().getCodeSource();
            if (source == null) {
                throw new IllegalStateException("no code source for " + className);
            }
            return Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new IllegalStateException("cannot locate " + className + " on the class path", e);
        }
    }

    private static Path packed(Path classes, Path scratch) {
        try {
            Files.createDirectories(scratch);
            Path jar = scratch.resolve(classes.getParent().getFileName() + "-" + classes.getFileName() + ".jar");
            try (OutputStream file = Files.newOutputStream(jar);
                    JarOutputStream out = new JarOutputStream(file);
                    Stream<Path> walk = Files.walk(classes)) {
                List<Path> files = new ArrayList<>(
                        walk.filter(Files::isRegularFile).sorted().toList());
                for (Path f : files) {
                    out.putNextEntry(
                            new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                    Files.copy(f, out);
                    out.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack " + classes + " into a jar", e);
        }
    }
}
