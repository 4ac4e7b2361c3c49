package io.linetwin.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * A Spark standalone master or worker in a JVM of its own, started the way Spark's {@code spark-class} starts
 * it: {@code SPARK_HOME} in its environment and {@code SPARK_HOME/jars/*} on its class path, so a worker launches
 * executors that find Spark. Closing it stops the daemon and whatever it started (a worker's executors).
 */
public final class SparkDaemon implements AutoCloseable {

    private static final String MASTER = "org.apache.spark.deploy.master.Master";
    private static final String WORKER = "org.apache.spark.deploy.worker.Worker";

    /** How a daemon's JVM is started. */
    public record Launch(Optional<Path> log, String heap, Map<String, String> properties) {
        public Launch {
            properties = Map.copyOf(properties);
        }

        /** Output to this JVM's console, 512 MB of heap. */
        public static Launch inheritingOutput() {
            return new Launch(Optional.empty(), "512m", Map.of());
        }

        public static Launch loggingTo(Path log) {
            return new Launch(Optional.of(log), "512m", Map.of());
        }
    }

    private final Process process;
    private final SparkHome home;
    private final boolean ownsHome;

    private SparkDaemon(Process process, SparkHome home, boolean ownsHome) {
        this.process = process;
        this.home = home;
        this.ownsHome = ownsHome;
    }

    /** A master listening on {@code host:port}, its web UI on {@code webUiPort} (0: any free port). */
    public static SparkDaemon master(String host, int port, int webUiPort, Launch launch) {
        SparkHome home = SparkHome.assemble(tempHome());
        return start(
                home,
                true,
                MASTER,
                List.of("--host", host, "--port", Integer.toString(port), "--webui-port", Integer.toString(webUiPort)),
                host,
                launch);
    }

    /**
     * A worker offering {@code cores} cores and {@code memory} (Spark's size syntax, e.g. {@code 2g}) to the master
     * at {@code masterUrl}; empty values take Spark's defaults (all cores, all memory but 1 GB).
     */
    public static SparkDaemon worker(
            String masterUrl,
            String host,
            Optional<Integer> cores,
            Optional<String> memory,
            Optional<Path> workDir,
            int port,
            int webUiPort,
            Launch launch) {
        SparkHome home = SparkHome.assemble(tempHome());
        List<String> args = new ArrayList<>(
                List.of("--host", host, "--port", Integer.toString(port), "--webui-port", Integer.toString(webUiPort)));
        cores.ifPresent(c -> args.addAll(List.of("--cores", Integer.toString(c))));
        memory.ifPresent(m -> args.addAll(List.of("--memory", m)));
        args.addAll(List.of(
                "--work-dir",
                workDir.orElse(home.root().resolve("work")).toAbsolutePath().toString()));
        args.add(masterUrl);
        return start(home, true, WORKER, args, host, launch);
    }

    private static SparkDaemon start(
            SparkHome home, boolean ownsHome, String mainClass, List<String> args, String host, Launch launch) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + launch.heap());
        // Spark's module options, less the incubating vector API (a daemon does no linear algebra) and its warning.
        for (String option : JavaModuleOptions.defaultModuleOptionArray()) {
            if (!option.contains("jdk.incubator")) {
                command.add(option);
            }
        }
        // A daemon's log: registrations and executor launches, not every INFO line of Spark's start-up.
        command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        command.add("-Dorg.slf4j.simpleLogger.log.org.apache.spark.deploy=info");
        command.add("-Dorg.slf4j.simpleLogger.log.org.apache.hadoop=error");
        launch.properties().forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(home.classPath());
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("SPARK_HOME", home.root().toString());
        env.put("SPARK_SCALA_VERSION", "2.13");
        SparkUser.name(env);
        if (isLoopback(host)) {
            env.put("SPARK_LOCAL_IP", host);
        }
        if (launch.log().isPresent()) {
            Path log = launch.log().get();
            try {
                Files.createDirectories(log.toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
        } else {
            builder.inheritIO();
        }
        try {
            return new SparkDaemon(builder.start(), home, ownsHome);
        } catch (IOException e) {
            home.delete();
            throw new UncheckedIOException("cannot start " + mainClass + ": " + e.getMessage(), e);
        }
    }

    /**
     * Waits until {@code host:port} accepts connections (the master is up).
     *
     * @throws IllegalStateException when the daemon exits first or the time runs out
     */
    public void awaitListening(String host, int port, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Spark daemon exited with " + process.exitValue()
                        + " before it listened on " + host + ":" + port);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 500);
                return;
            } catch (IOException e) {
                sleep(200);
            }
        }
        throw new IllegalStateException(
                "the Spark daemon did not listen on " + host + ":" + port + " within " + timeout.toSeconds() + " s");
    }

    public Process process() {
        return process;
    }

    public SparkHome home() {
        return home;
    }

    /** The executor JVMs this worker runs now. */
    public List<ProcessHandle> executors() {
        return process.descendants()
                .filter(p -> p.info()
                        .commandLine()
                        .map(c -> c.contains("CoarseGrainedExecutorBackend"))
                        .orElse(false))
                .toList();
    }

    /** Waits until the daemon ends (Ctrl-C, or {@link #close} from another thread) and returns its exit code. */
    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** Stops the daemon (SIGTERM: a worker stops its executors itself), then anything of it still alive. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        if (ownsHome) {
            home.delete();
        }
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.");
    }

    private static Path tempHome() {
        try {
            return Files.createTempDirectory("linetwin-spark-home");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for the Spark home", e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Spark daemon", e);
        }
    }
}
