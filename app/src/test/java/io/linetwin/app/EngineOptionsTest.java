package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --engine spark on Spark's local master (its executors are threads of this JVM, but every task and result
 * crosses Spark's serialisation and the scenario is rebuilt from its text): the JSON is the local engine's. The
 * standalone cluster with executors in other JVMs is SparkClusterIT's.
 */
final class EngineOptionsTest {

    @TempDir
    Path dir;

    @Test
    void runOnSparkWritesTheLocalJsonApartFromWallTime() throws IOException {
        Path scenario = Scenarios.library().resolve("automotive-body.yaml");
        Path local = dir.resolve("local.json");
        Path spark = dir.resolve("spark.json");
        String[] experiment = {"--horizon", "8h", "--warmup", "1h", "--replications", "3", "--variant", "faster-framing"
        };

        Cli onLocal =
                Cli.run(concat(new String[] {"run", scenario.toString(), "--json", local.toString()}, experiment));
        Cli onSpark = Cli.run(concat(
                new String[] {
                    "run", scenario.toString(), "--engine", "spark", "--master", "local[2]", "--json", spark.toString()
                },
                experiment));

        assertThat(onLocal.exitCode()).as(onLocal.err()).isZero();
        assertThat(onSpark.exitCode()).as(onSpark.err()).isZero();
        assertThat(onSpark.err()).as("Spark's own logging stays quiet").doesNotContain("INFO", "WARN");
        assertThat(withoutWallTime(spark)).isEqualTo(withoutWallTime(local));
        // the report too, but for the events line's wall time
        assertThat(onSpark.out().replaceAll("events: .*", ""))
                .isEqualTo(onLocal.out().replaceAll("events: .*", ""))
                .contains("bottleneck");
    }

    @Test
    void tuneOnSparkRecommendsWhatTheLocalTunerDoesWithTheSameNumbers() throws IOException {
        Path scenario = Scenarios.library().resolve("canning-cell.yaml");
        Path local = dir.resolve("local.json");
        Path spark = dir.resolve("spark.json");
        String[] budget = {"--budget", "6", "--replications", "3", "--horizon", "1h", "--warmup", "10m"};

        Cli onLocal = Cli.run(concat(new String[] {"tune", scenario.toString(), "--json", local.toString()}, budget));
        Cli onSpark = Cli.run(concat(
                new String[] {"tune", scenario.toString(), "--master", "local[2]", "--json", spark.toString()},
                budget));

        assertThat(onLocal.exitCode()).as(onLocal.err()).isZero();
        assertThat(onSpark.exitCode()).as(onSpark.err()).isZero();
        assertThat(Files.readString(spark)).isEqualTo(Files.readString(local));
        assertThat(onSpark.out()).isEqualTo(onLocal.out());
    }

    @Test
    void badEngineOptionsAreOneLineAndExitTwo() {
        String file = Scenarios.library().resolve("textbook-two-machine.yaml").toString();

        assertBadInput(
                Cli.run("run", file, "--engine", "mapreduce"), "--engine: expected local or spark, got \"mapreduce\"");
        assertBadInput(
                Cli.run("run", file, "--master", "yarn"),
                "--master: expected local[*], local[N], " + "spark://HOST:PORT or k8s://URL, got \"yarn\"");
        assertBadInput(
                Cli.run("compare", file, "--master", "spark://nohostport"),
                "--master: expected spark://HOST:PORT, got \"spark://nohostport\"");
        assertBadInput(
                Cli.run("run", file, "--engine", "spark", "--threads", "2"),
                "--threads: counts this JVM's "
                        + "threads; with --engine spark the cluster's executor cores run the replications "
                        + "(spark.executor.cores, spark.cores.max)");
        assertBadInput(
                Cli.run("run", file, "--spark-conf", "executor.memory=2g"),
                "--spark-conf: Spark properties start with \"spark.\", got \"executor.memory\"");
        assertBadInput(
                Cli.run(
                        "tune",
                        Scenarios.library().resolve("canning-cell.yaml").toString(),
                        "--spark-conf",
                        "spark.executor.memory"),
                "--spark-conf: expected KEY=VALUE such as spark.executor.memory=2g, got "
                        + "\"spark.executor.memory\"");
        assertBadInput(
                Cli.run("run", file, "--engine", "local", "--master", "local[2]"),
                "--engine local: --master and --spark-conf apply to --engine spark");
    }

    @Test
    void aMasterThatIsNotThereIsOneLineAndExitOneAtOnce() throws IOException {
        int closed;
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closed = socket.getLocalPort();
        }

        Cli cli = Cli.run(
                "compare",
                Scenarios.library().resolve("textbook-two-machine.yaml").toString(),
                "--master",
                "spark://127.0.0.1:" + closed);

        assertThat(cli.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(cli.err().strip())
                .startsWith("linetwin: cannot reach the Spark master at 127.0.0.1:" + closed)
                .endsWith("is it running? (linetwin cluster start-master)")
                .doesNotContain("\n");
    }

    private static void assertBadInput(Cli cli, String line) {
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(cli.err().strip()).isEqualTo(line);
    }

    private static ObjectNode withoutWallTime(Path json) throws IOException {
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(json.toFile());
        ObjectNode meta = (ObjectNode) root.get("meta");
        meta.remove("wallSeconds");
        meta.remove("eventsPerSecond");
        return root;
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
