package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.linetwin.cluster.SparkDaemon;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spark standalone cluster on loopback: a master and two workers in JVMs of their own, each worker's
 * executor in a JVM the worker starts from a Spark home of Maven's jars, LineTwin's jars shipped by the driver (this
 * JVM, running the CLI). A 40-replication comparison gives the JSON of the local engine (all of it but
 * meta.wallSeconds), and so does one during which an executor is killed.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
final class SparkClusterIT {

    private static final String HOST = "127.0.0.1";
    private static final Path SCENARIO = library().resolve("bottling-line.yaml");
    private static final List<String> EXPERIMENT = List.of("--horizon", "1d", "--warmup", "2h", "--replications", "40");

    private static SparkDaemon master;
    private static final List<SparkDaemon> WORKERS = new ArrayList<>();
    private static String masterUrl;
    private static Path localJson;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startClusterAndRunLocally() throws IOException {
        Path logs = Path.of("target", "spark-it");
        Files.createDirectories(logs);
        int port = freePort();
        masterUrl = "spark://" + HOST + ":" + port;
        master = SparkDaemon.master(HOST, port, 0, SparkDaemon.Launch.loggingTo(logs.resolve("master.log")));
        master.awaitListening(HOST, port, Duration.ofMinutes(2));
        for (int w = 0; w < 2; w++) {
            WORKERS.add(SparkDaemon.worker(
                    masterUrl,
                    HOST,
                    Optional.of(1),
                    Optional.of("768m"),
                    Optional.of(dir.resolve("work-" + w)),
                    0,
                    0,
                    SparkDaemon.Launch.loggingTo(logs.resolve("worker-" + w + ".log"))));
        }
        localJson = dir.resolve("local.json");
        Cli local = compare(localJson, "--engine", "local", "--threads", "2");
        assertThat(local.exitCode()).as(local.err()).isZero();
    }

    @AfterAll
    static void stopCluster() {
        WORKERS.forEach(SparkDaemon::close);
        if (master != null) {
            master.close();
        }
    }

    @Test
    void aComparisonOnTwoWorkersGivesTheLocalJson() throws IOException {
        Path sparkJson = dir.resolve("spark.json");
        TaskLog.reset();

        Cli spark = compare(sparkJson, sparkOptions());

        assertThat(spark.exitCode()).as(spark.err()).isZero();
        assertThat(TaskLog.SUCCEEDED.get()).isEqualTo(40 * 3);
        assertThat(TaskLog.EXECUTORS_WITH_TASKS)
                .as("both workers' executors ran tasks")
                .hasSize(2);
        assertThat(withoutWallTime(sparkJson)).isEqualTo(withoutWallTime(localJson));
    }

    @Test
    void killingAnExecutorMidJobChangesNoNumber() throws Exception {
        Path sparkJson = dir.resolve("spark-killed.json");
        TaskLog.reset();
        // Killed as its task is launched, once ten tasks have finished: the task then cannot be over yet, however
        // fast the machine runs it (a watcher that picked a task started < 100 ms ago missed on a fast machine, and
        // tasks here take from 60 ms).
        AtomicReference<String> killed = new AtomicReference<>("no task started after ten had finished");
        AtomicBoolean fired = new AtomicBoolean();
        TaskLog.startHook = executor -> {
            if (TaskLog.SUCCEEDED.get() >= 10 && fired.compareAndSet(false, true)) {
                killed.set(kill(executor));
            }
        };

        Cli spark = compare(sparkJson, sparkOptions());

        assertThat(spark.exitCode()).as(spark.err()).isZero();
        String victim = killed.get();
        System.out.println("SparkClusterIT: " + victim + "; " + TaskLog.FAILED.get() + " task attempt(s) failed, "
                + TaskLog.SUCCEEDED.get() + " succeeded, the shortest in " + TaskLog.SHORTEST_MILLIS.get() + " ms");
        assertThat(victim).startsWith("killed");
        assertThat(TaskLog.EXECUTORS_REMOVED.get())
                .as("the killed executor was removed")
                .isPositive();
        assertThat(TaskLog.FAILED.get())
                .as("its running task failed and was run again")
                .isPositive();
        assertThat(TaskLog.SUCCEEDED.get()).isEqualTo(40 * 3);
        assertThat(withoutWallTime(sparkJson)).isEqualTo(withoutWallTime(localJson));
    }

    /** Destroys the JVM of {@code executor}; says which, or that it was not found. */
    private static String kill(String executor) {
        for (SparkDaemon worker : WORKERS) {
            for (ProcessHandle process : worker.executors()) {
                if (process.info().commandLine().orElse("").contains("--executor-id " + executor + " ")) {
                    process.destroyForcibly();
                    return "killed executor " + executor + " (pid " + process.pid() + ") after "
                            + TaskLog.SUCCEEDED.get() + " tasks";
                }
            }
        }
        return "executor " + executor + " has no JVM among the workers'";
    }

    /** The JSON as text, but for meta.wallSeconds: the only figure an engine may change. */
    private static String withoutWallTime(Path json) throws IOException {
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(json.toFile());
        assertThat(root.get("meta").get("events").asLong()).isPositive();
        ((ObjectNode) root.get("meta")).remove(List.of("wallSeconds", "eventsPerSecond"));
        return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static String[] sparkOptions() {
        return new String[] {
            "--master",
            masterUrl,
            "--spark-conf",
            "spark.executor.memory=512m",
            "--spark-conf",
            "spark.executor.cores=1",
            "--spark-conf",
            "spark.extraListeners=" + TaskLog.class.getName(),
            // The job starts once both workers' executors have registered (the bound only ends a hang): otherwise a
            // fast machine could run every task on the executor that started first, before the other one joined.
            "--spark-conf",
            "spark.cores.max=2",
            "--spark-conf",
            "spark.scheduler.minRegisteredResourcesRatio=1.0",
            "--spark-conf",
            "spark.scheduler.maxRegisteredResourcesWaitingTime=180s"
        };
    }

    private static Cli compare(Path json, String... options) {
        List<String> args = new ArrayList<>(List.of("compare", SCENARIO.toString()));
        args.addAll(EXPERIMENT);
        args.addAll(List.of(options));
        args.addAll(List.of("--json", json.toString()));
        return Cli.run(args.toArray(String[]::new));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    private static Path library() {
        Path fromModule = Path.of("..", "scenarios");
        return Files.isDirectory(fromModule) ? fromModule : Path.of("scenarios");
    }
}
