package io.linetwin.cluster;

import io.linetwin.model.LineSpec;
import io.linetwin.model.Scenario;
import io.linetwin.sim.experiment.Candidate;
import io.linetwin.sim.experiment.ReplicationEngine;
import io.linetwin.sim.experiment.ReplicationOutcome;
import io.linetwin.sim.experiment.ReplicationTask;
import io.linetwin.sim.experiment.Replications;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Replications on Apache Spark. Each task is one replication of one candidate, so a lost executor costs one
 * replication per task it held, which Spark runs again; the driver puts every outcome in its task's slot, so the
 * results equal the local engine's bit for bit with any number of executors and any retry. The job ships the
 * scenario text and the candidates' {@code set} entries, never engine objects.
 */
public final class SparkEngine implements ReplicationEngine {

    public static final String NAME = "spark";

    /** How long a job waits for its first executor before it gives up (seconds). */
    public static final String EXECUTOR_WAIT = "spark.linetwin.executorWaitSeconds";

    private static final long DEFAULT_EXECUTOR_WAIT = 300;
    private static final long POLL_MILLIS = 200;

    private final JavaSparkContext context;
    private final ScenarioSource source;
    private final int failFirstAttemptEvery;
    /** A line whose rebuild from the file was checked; by value, as a live loop makes new candidates all day. */
    private record CheckedLine(String name, Map<String, String> set, LineSpec line) {}

    private final Set<CheckedLine> checked = new HashSet<>();
    private int jobs;

    private SparkEngine(JavaSparkContext context, ScenarioSource source, int failFirstAttemptEvery) {
        this.context = context;
        this.source = source;
        this.failFirstAttemptEvery = failFirstAttemptEvery;
    }

    /**
     * Connects to the master and registers the application; its executors start as the cluster grants them.
     *
     * @throws ClusterUnavailableException when no master of a {@code spark://} URL accepts connections, or Spark
     *         cannot run on this JVM ({@link SparkUser})
     */
    public static SparkEngine start(SparkSettings settings, ScenarioSource source) {
        SparkUser.requireNamed();
        MasterProbe.requireReachable(settings.master());
        return new SparkEngine(new JavaSparkContext(conf(settings)), source, 0);
    }

    /** For tests: the first attempt of every {@code n}-th task fails, so Spark must retry it. */
    static SparkEngine failingFirstAttempts(SparkSettings settings, ScenarioSource source, int n) {
        return new SparkEngine(new JavaSparkContext(conf(settings)), source, n);
    }

    static SparkConf conf(SparkSettings settings) {
        SparkLogging.quiet();
        SparkConf conf = new SparkConf(false)
                .setMaster(settings.master())
                .setAppName(settings.appName())
                .set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false")
                // Replications are independent and equal in cost: speculative copies only waste cores.
                .set("spark.speculation", "false");
        if (settings.isLocal() || settings.isLoopback()) {
            // Executors are threads of this JVM, or on this machine: nothing needs to listen beyond loopback.
            conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        }
        if (!settings.isLocal()) {
            Path scratch = scratchFolder();
            conf.set(
                    "spark.jars",
                    JobJars.paths(scratch).stream().map(Path::toString).collect(Collectors.joining(",")));
        }
        settings.conf().forEach(conf::set);
        return conf;
    }

    private static Path scratchFolder() {
        try {
            Path folder = Files.createTempDirectory("linetwin-jobjars");
            folder.toFile().deleteOnExit();
            return folder;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create a scratch folder for the job's jars", e);
        }
    }

    @Override
    public List<ReplicationOutcome> run(List<ReplicationTask> tasks, Replications.Progress progress) {
        if (tasks.isEmpty()) {
            return List.of();
        }
        checkRebuilds(tasks);
        byte[] payload = JobPayload.encode(source, tasks);
        String jobId = jobId(payload);
        List<Integer> indices = IntStream.range(0, tasks.size()).boxed().toList();
        context.setJobGroup(jobId, "linetwin: " + tasks.size() + " replications", true);
        JavaFutureAction<List<byte[]>> future = context.parallelize(indices, tasks.size())
                .map(new ReplicationFunction(jobId, payload, failFirstAttemptEvery))
                .collectAsync();
        List<byte[]> collected = await(future, tasks.size(), progress);
        return inTaskOrder(collected, tasks.size());
    }

    private List<byte[]> await(JavaFutureAction<List<byte[]>> future, int total, Replications.Progress progress) {
        int reported = 0;
        long started = System.nanoTime();
        long waitNanos = TimeUnit.SECONDS.toNanos(context.getConf().getLong(EXECUTOR_WAIT, DEFAULT_EXECUTOR_WAIT));
        try {
            while (true) {
                try {
                    List<byte[]> collected = future.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                    progress.finished(total, total);
                    return collected;
                } catch (TimeoutException e) {
                    int done = Math.min(completed(future), total);
                    if (done > reported && done < total) {
                        reported = done;
                        progress.finished(done, total);
                    }
                    if (done == 0
                            && !context.isLocal()
                            && executors() == 0
                            && System.nanoTime() - started > waitNanos) {
                        future.cancel(true);
                        throw new ClusterUnavailableException("no Spark executor joined within "
                                + TimeUnit.NANOSECONDS.toSeconds(waitNanos) + " s: are workers registered with "
                                + context.master() + ", with the free cores and memory the job asks for "
                                + "(spark.executor.memory, default 1g)? (" + EXECUTOR_WAIT + " sets the wait)");
                    }
                }
            }
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new Replications.ReplicationFailedException("interrupted while Spark ran the replications", e);
        } catch (ExecutionException e) {
            throw new SparkJobException(e.getCause());
        }
    }

    /** Executors registered with the driver (the driver itself not counted). */
    private int executors() {
        return Math.max(0, context.sc().statusTracker().getExecutorInfos().length - 1);
    }

    private int completed(JavaFutureAction<?> future) {
        int done = 0;
        for (Integer jobId : future.jobIds()) {
            SparkJobInfo job = context.statusTracker().getJobInfo(jobId);
            if (job == null) {
                continue;
            }
            for (int stageId : job.stageIds()) {
                SparkStageInfo stage = context.statusTracker().getStageInfo(stageId);
                if (stage != null) {
                    done += stage.numCompletedTasks();
                }
            }
        }
        return done;
    }

    /** Every task's outcome, in task order; each task must have answered exactly once. */
    private static List<ReplicationOutcome> inTaskOrder(List<byte[]> collected, int total) {
        ReplicationOutcome[] outcomes = new ReplicationOutcome[total];
        for (byte[] bytes : collected) {
            OutcomeCodec.Indexed indexed = OutcomeCodec.decode(bytes);
            if (indexed.task() < 0 || indexed.task() >= total || outcomes[indexed.task()] != null) {
                throw new IllegalStateException("Spark returned task " + indexed.task() + " twice or out of range");
            }
            outcomes[indexed.task()] = indexed.outcome();
        }
        List<Integer> missing = IntStream.range(0, total)
                .filter(i -> outcomes[i] == null)
                .boxed()
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Spark returned no outcome for tasks " + missing);
        }
        return new ArrayList<>(Arrays.asList(outcomes));
    }

    /**
     * Workers build each line from the scenario text and the candidate's entries; the driver does the same once per
     * candidate and insists on the very line it holds, so a file edited since it was loaded, or a line that cannot
     * be rebuilt, stops the run here instead of giving other numbers.
     */
    private void checkRebuilds(List<ReplicationTask> tasks) {
        Scenario scenario = null;
        for (ReplicationTask task : tasks) {
            Candidate candidate = task.candidate();
            if (candidate.set().isEmpty()) {
                throw new IllegalArgumentException(candidate + " was built in code: only lines of a scenario file "
                        + "(its base line or variants) run on Spark");
            }
            CheckedLine key = new CheckedLine(candidate.name(), candidate.set().get(), candidate.line());
            if (checked.contains(key)) {
                continue;
            }
            if (scenario == null) {
                scenario = Rebuild.scenario(source);
            }
            JobPayload.CandidateRecipe recipe = new JobPayload.CandidateRecipe(
                    candidate.name(), candidate.set().get(), candidate.experiment(), -1);
            if (!Rebuild.candidate(scenario, recipe, List.of()).line().equals(candidate.line())) {
                throw new IllegalStateException(source.fileName() + ": the line of " + candidate.name()
                        + " built from the file differs from the one loaded; was the file changed during the run?");
            }
            checked.add(key);
        }
    }

    private String jobId(byte[] payload) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(payload);
            return "linetwin-" + (++jobs) + "-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Cores the cluster offers now (executors registered so far), at least 1. */
    public int defaultParallelism() {
        return Math.max(1, context.defaultParallelism());
    }

    JavaSparkContext context() {
        return context;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void close() {
        context.stop();
    }

    /** A Spark job failed for good (a task failed on every attempt, or the cluster went away). */
    public static final class SparkJobException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SparkJobException(Throwable cause) {
            super("the Spark job failed: " + firstLine(cause), cause);
        }

        /**
         * The first line of Spark's report; when a worker could not load the scenario, only that worker's own line
         * (position, key, code), without Spark's task prefix and the Java class name it puts before it.
         */
        static String firstLine(Throwable cause) {
            String message = String.valueOf(cause.getMessage());
            int end = message.indexOf('\n');
            String first = end < 0 ? message : message.substring(0, end);
            int worker = first.indexOf(Rebuild.DOES_NOT_LOAD);
            return worker < 0 ? first : first.substring(worker);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
