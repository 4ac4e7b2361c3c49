package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's proof for {@code run --json/--trace}: the CLI as its own process, killed at random points of its run
 * (SIGKILL: no shutdown hook, no cleanup), leaves each output either as it was or complete and identical to an
 * undisturbed run's; and Ctrl-C/SIGTERM stops a long run with one line, exit 130 or 143, the old outputs untouched
 * and no temporary file left.
 */
final class KillDuringWriteIT {

    private static final Path LINE =
            Scenarios.library().resolve("textbook-two-machine.yaml").toAbsolutePath();
    private static final String OLD_JSON = "{\"old\": true}";
    private static final String OLD_TRACE = "old trace\n";
    private static final int KILLS = 10;

    @TempDir
    Path dir;

    @Test
    void aKilledRunLeavesTheOldOutputsOrTheCompleteNewOnes() throws Exception {
        Path json = dir.resolve("run.json");
        Path trace = dir.resolve("trace.jsonl");
        long started = System.nanoTime();
        Process reference = cli(
                "run",
                LINE.toString(),
                "--horizon",
                "12h",
                "--replications",
                "2",
                "--threads",
                "1",
                "--json",
                json.toString(),
                "--trace",
                trace.toString());
        assertThat(reference.waitFor(5, TimeUnit.MINUTES)).isTrue();
        long runMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(reference.exitValue()).as(stderr(reference)).isZero();
        String newJson = withoutTimings(Files.readString(json));
        byte[] newTrace = Files.readAllBytes(trace);

        Random random = new Random(42);
        int keptOld = 0;
        int completeNew = 0;
        int midWrite = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Files.writeString(json, OLD_JSON);
            Files.writeString(trace, OLD_TRACE);
            Process run = cli(
                    "run",
                    LINE.toString(),
                    "--horizon",
                    "12h",
                    "--replications",
                    "2",
                    "--threads",
                    "1",
                    "--json",
                    json.toString(),
                    "--trace",
                    trace.toString());
            // Anywhere from the JVM's start to a little past the undisturbed run's end.
            Thread.sleep((long) (random.nextDouble() * runMillis * 1.1));
            run.destroyForcibly();
            run.waitFor(1, TimeUnit.MINUTES);

            String jsonNow = Files.readString(json);
            byte[] traceNow = Files.readAllBytes(trace);
            assertThat(jsonNow.equals(OLD_JSON) || withoutTimings(jsonNow).equals(newJson))
                    .as(
                            "kill %d: run.json is the old file or the whole new one, got %d characters",
                            kill, jsonNow.length())
                    .isTrue();
            assertThat(new String(traceNow, StandardCharsets.UTF_8).equals(OLD_TRACE)
                            || java.util.Arrays.equals(traceNow, newTrace))
                    .as("kill %d: the trace is the old file or the whole new one, got %d bytes", kill, traceNow.length)
                    .isTrue();
            keptOld += jsonNow.equals(OLD_JSON) ? 1 : 0;
            completeNew += jsonNow.equals(OLD_JSON) ? 0 : 1;
            // A kill may leave the hidden temporary file of a write in progress, never anything else.
            midWrite += files().size() > 2 ? 1 : 0;
            for (Path left : files()) {
                assertThat(left.equals(json)
                                || left.equals(trace)
                                || left.getFileName()
                                        .toString()
                                        .matches("\\.(run\\.json|trace\\.jsonl)\\.[0-9a-f-]+\\.tmp"))
                        .as("left behind: %s", left)
                        .isTrue();
                if (!left.equals(json) && !left.equals(trace)) {
                    Files.delete(left);
                }
            }
        }
        assertThat(keptOld + completeNew).isEqualTo(KILLS);
        System.out.printf(
                "%d kills: %d kept the old outputs, %d left the complete new ones, %d struck during a write%n",
                KILLS, keptOld, completeNew, midWrite);
    }

    @Test
    void sigtermStopsALongRunCleanlyAndKeepsTheOldOutputs() throws Exception {
        Path json = Files.writeString(dir.resolve("run.json"), OLD_JSON);
        Process run = cli(
                "run",
                LINE.toString(),
                "--horizon",
                "20d",
                "--replications",
                "200",
                "--threads",
                "1",
                "--json",
                json.toString(),
                "--progress");
        // Once replications are under way (progress, forced on a pipe, appears after two seconds of work), ask it
        // to stop. The
        // error stream is read on its own thread: destroying a process closes the streams this side holds.
        StringBuffer stderr = new StringBuffer();
        CountDownLatch working = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (var err = run.errorReader(StandardCharsets.UTF_8)) {
                for (String line = err.readLine(); line != null; line = err.readLine()) {
                    stderr.append(line).append('\n');
                    if (line.contains(" replications, ")) {
                        working.countDown();
                    }
                }
            } catch (IOException e) {
                // The stream closes when the process goes; what was read is in stderr.
            }
        });
        reader.start();
        assertThat(working.await(2, TimeUnit.MINUTES))
                .as("progress before SIGTERM: %s", stderr)
                .isTrue();

        // SIGTERM as a shell sends it; Process.destroy() would also close this side's streams at once.
        assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(run.pid()))
                        .start()
                        .waitFor())
                .isZero();

        assertThat(run.waitFor(2, TimeUnit.MINUTES)).isTrue();
        reader.join(TimeUnit.MINUTES.toMillis(1));
        assertThat(run.exitValue()).as(stderr.toString()).isIn(130, 143);
        assertThat(stderr.toString())
                .contains("linetwin: stopped before the end (interrupted); no output was written " + "or changed")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(json).hasContent(OLD_JSON);
        assertThat(files()).containsExactly(json);
    }

    /** The CLI in a JVM of its own, on this test's class path. */
    private Process cli(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "io.linetwin.app.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static String stderr(Process process) throws IOException {
        return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** The run's JSON without the wall-clock figures, which differ between two runs of one seed. */
    private static String withoutTimings(String text) {
        ObjectNode document;
        try {
            document = (ObjectNode) new ObjectMapper().readTree(text);
        } catch (IOException | ClassCastException e) {
            return "unreadable JSON: " + e.getMessage();
        }
        ObjectNode meta = (ObjectNode) document.get("meta");
        meta.remove("wallSeconds");
        meta.remove("eventsPerSecond");
        return document.toString();
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> all = Files.list(dir)) {
            return all.sorted().toList();
        }
    }
}
