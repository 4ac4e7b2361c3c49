package io.linetwin.app.twin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code linetwin} in a JVM of its own, for what only a process shows: a kill -9 at any point, Ctrl-C (SIGTERM
 * runs the same shutdown hooks), and everything a command prints, Kafka's logging included. Output goes to a
 * file, so a test can wait for a line without a reader thread.
 */
final class ChildCli implements AutoCloseable {

    /** Only stops a hang on a loaded machine; it measures nothing. */
    static final Duration PATIENCE = Duration.ofSeconds(180);

    private final Process process;
    private final Path output;

    private ChildCli(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static ChildCli start(Path output, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "io.linetwin.app.Main"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                .start();
        return new ChildCli(p, output);
    }

    /**
     * A {@code --kafka-config} for a broker the test started: patient, since a loaded machine can take more than the
     * 5 s in which a command otherwise decides that no broker is there (a default meant to tell a user at once).
     */
    static Path patientKafka(Path dir) throws IOException {
        return Files.writeString(dir.resolve("patient-kafka.properties"), PATIENT_KAFKA);
    }

    /** The client setting of {@link #patientKafka}: a bound against a hang, not a time to meet. */
    static final String PATIENT_KAFKA = "default.api.timeout.ms=" + PATIENCE.toMillis() + "\n";

    String output() throws IOException {
        return Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
    }

    /**
     * Waits until a whole line of the output matches (or the process ended); returns that line. Only lines with their
     * newline count: a write that crosses a page of the file can be seen half done, and a half banner may lack what
     * the caller checks next. Whether the process is alive is asked before the output is read, so that a process
     * that printed the line and ended in between is not taken for one that ended without it.
     */
    String awaitLine(Predicate<String> line) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            boolean ended = !process.isAlive();
            String out = output();
            for (String l : out.substring(0, out.lastIndexOf('\n') + 1).split("\n")) {
                if (line.test(l)) {
                    return l;
                }
            }
            if (ended) {
                throw new AssertionError(
                        "the process ended (" + process.exitValue() + ") before the line came:\n" + out);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for a line; output so far:\n" + out);
            }
            Thread.sleep(50);
        }
    }

    int awaitExit() throws InterruptedException {
        if (!process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the process did not end");
        }
        return process.exitValue();
    }

    /** kill -9: no shutdown hook, no flush, no last commit. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    /** SIGTERM, which runs the JVM's shutdown hooks like Ctrl-C; returns the exit status. */
    int terminate() throws InterruptedException {
        process.destroy();
        return awaitExit();
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
