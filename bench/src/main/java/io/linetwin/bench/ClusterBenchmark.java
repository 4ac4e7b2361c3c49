package io.linetwin.bench;

import io.linetwin.cluster.ScenarioSource;
import io.linetwin.cluster.SparkDaemon;
import io.linetwin.cluster.SparkEngine;
import io.linetwin.cluster.SparkSettings;
import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.Scenario;
import io.linetwin.scenario.ScenarioLoader;
import io.linetwin.sim.experiment.Experiment;
import io.linetwin.sim.experiment.LocalEngine;
import io.linetwin.sim.experiment.ReplicationEngine;
import io.linetwin.sim.experiment.Replications;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Replications per second of a scenario on the local engine (1 and 2 threads) and on a Spark standalone cluster on
 * this machine (1 and 2 workers of one core each, executors in JVMs of their own), Spark's fixed cost per job (a job
 * of one tiny replication on a warm cluster), and the first job of a fresh application (executors starting). Warm
 * figures: each engine runs one job first, unmeasured. Usage: {@code ClusterBenchmark FILE HORIZON REPLICATIONS}.
 */
public final class ClusterBenchmark {

    private static final String HOST = "127.0.0.1";
    private static final int RUNS = 3;

    private ClusterBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "scenarios/automotive-body.yaml");
        double horizon = io.linetwin.scenario.Units.seconds(args.length > 1 ? args[1] : "24h");
        int replications = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        Scenario loaded = ScenarioLoader.load(file);
        Scenario scenario =
                loaded.withExperiment(loaded.experiment().withHorizon(horizon).withReplications(replications));
        ExperimentSpec spec = scenario.experiment();
        System.out.printf(
                Locale.ROOT,
                "%s: horizon %.0f h after %.0f h warm-up, %d replications per job, %d jobs " + "per figure (median)%n",
                file,
                spec.horizonSeconds() / 3600,
                spec.warmupSeconds() / 3600,
                replications,
                RUNS);
        for (int threads : new int[] {1, 2}) {
            try (ReplicationEngine engine = new LocalEngine(threads)) {
                report("local, " + threads + " thread" + (threads > 1 ? "s" : ""), engine, scenario);
            }
        }
        ScenarioSource source = ScenarioSource.read(file);
        for (int workers : new int[] {1, 2}) {
            int port = freePort();
            String url = "spark://" + HOST + ":" + port;
            Path logs = Path.of("bench", "out", "cluster");
            Files.createDirectories(logs);
            List<SparkDaemon> daemons = new ArrayList<>();
            try {
                SparkDaemon master =
                        SparkDaemon.master(HOST, port, 0, SparkDaemon.Launch.loggingTo(logs.resolve("master.log")));
                daemons.add(master);
                master.awaitListening(HOST, port, Duration.ofMinutes(2));
                for (int w = 0; w < workers; w++) {
                    daemons.add(SparkDaemon.worker(
                            url,
                            HOST,
                            Optional.of(1),
                            Optional.of("1g"),
                            Optional.empty(),
                            0,
                            0,
                            SparkDaemon.Launch.loggingTo(logs.resolve("worker-" + w + ".log"))));
                }
                long started = System.nanoTime();
                try (SparkEngine engine = SparkEngine.start(
                        new SparkSettings(
                                url,
                                "ClusterBenchmark",
                                Map.of("spark.executor.memory", "768m", "spark.executor.cores", "1")),
                        source)) {
                    Scenario tiny = scenario.withExperiment(
                            spec.withHorizon(60).withWarmup(0).withReplications(1));
                    new Experiment(tiny.experiment(), engine, Replications.Progress.NONE)
                            .run(Experiment.baseline(tiny));
                    System.out.printf(
                            Locale.ROOT,
                            "spark, %d worker%s: application start to first job done %.1f s "
                                    + "(executor JVMs start)%n",
                            workers,
                            workers > 1 ? "s" : "",
                            (System.nanoTime() - started) / 1e9);
                    report("spark, " + workers + " worker" + (workers > 1 ? "s" : "") + " x 1 core", engine, scenario);
                    double[] overhead = new double[5];
                    for (int i = 0; i < overhead.length; i++) {
                        long t = System.nanoTime();
                        new Experiment(tiny.experiment(), engine, Replications.Progress.NONE)
                                .run(Experiment.baseline(tiny));
                        overhead[i] = (System.nanoTime() - t) / 1e9;
                    }
                    Arrays.sort(overhead);
                    System.out.printf(
                            Locale.ROOT,
                            "spark, %d worker%s: a job of one 1-minute replication %.3f s "
                                    + "(median of 5; min %.3f, max %.3f)%n",
                            workers,
                            workers > 1 ? "s" : "",
                            overhead[2],
                            overhead[0],
                            overhead[4]);
                }
            } finally {
                for (int i = daemons.size() - 1; i >= 0; i--) {
                    daemons.get(i).close();
                }
            }
        }
        double[] tinyLocal = new double[5];
        Scenario tiny =
                scenario.withExperiment(spec.withHorizon(60).withWarmup(0).withReplications(1));
        for (int i = 0; i < tinyLocal.length; i++) {
            long t = System.nanoTime();
            new Experiment(tiny.experiment(), 1, Replications.Progress.NONE).run(Experiment.baseline(tiny));
            tinyLocal[i] = (System.nanoTime() - t) / 1e9;
        }
        Arrays.sort(tinyLocal);
        System.out.printf(
                Locale.ROOT, "local, 1 thread: the same 1-minute replication %.4f s (median of 5)%n", tinyLocal[2]);
    }

    /** One unmeasured job, then the median of {@link #RUNS} jobs. */
    private static void report(String label, ReplicationEngine engine, Scenario scenario) {
        Experiment experiment = new Experiment(scenario.experiment(), engine, Replications.Progress.NONE);
        experiment.run(Experiment.baseline(scenario));
        double[] seconds = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            experiment.run(Experiment.baseline(scenario));
            seconds[i] = (System.nanoTime() - t) / 1e9;
        }
        Arrays.sort(seconds);
        double median = seconds[RUNS / 2];
        int n = scenario.experiment().replications();
        System.out.printf(
                Locale.ROOT,
                "%-28s %6.2f s per job of %d -> %6.2f replications/s (%.3f s each; jobs %s s)%n",
                label,
                median,
                n,
                n / median,
                median / n,
                Arrays.toString(round(seconds)));
    }

    private static double[] round(double[] values) {
        return Arrays.stream(values).map(v -> Math.round(v * 100) / 100.0).toArray();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }
}
