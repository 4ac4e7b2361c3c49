package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real launcher on the built jars, as users start it: with its start-up archive (AppCDS or the AOT cache of
 * whichever JDK it picks) and without, a run gives exactly the golden results, and the archive is really used.
 */
final class LauncherGoldenIT {

    private static final Path LAUNCHER =
            Path.of("..", "linetwin").toAbsolutePath().normalize();
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"on", "off"})
    void goldenRunsAreTheSameWithAndWithoutTheArchive(String archive) throws Exception {
        Path json = dir.resolve("bottling-line.json");
        Path classes = dir.resolve("classes.log");

        Launch launch = launch(
                archive,
                "-Xlog:class+load:file=" + classes,
                "run",
                Scenarios.library().resolve("bottling-line.yaml").toString(),
                "--horizon",
                "1d",
                "--warmup",
                "1h",
                "--replications",
                "2",
                "--json",
                json.toString());

        assertThat(launch.exitCode()).as(launch.err()).isZero();
        ObjectNode actual = RunCommandTest.withoutWallClock(json);
        ((ObjectNode) actual.get("meta")).remove("version");
        assertThat(actual)
                .isEqualTo(new ObjectMapper()
                        .readTree(GOLDEN.resolve("bottling-line.json").toFile()));
        List<String> loaded = Files.readAllLines(classes).stream()
                .filter(line -> line.contains(" io.linetwin.sim.LineSimulation "))
                .toList();
        assertThat(loaded)
                .singleElement()
                .asString()
                .contains(archive.equals("on") ? "shared objects file" : "simulation-0.1.0-SNAPSHOT.jar");
    }

    private Launch launch(String archive, String javaOptions, String... args) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command(args)).redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().put("LINETWIN_BUILD", "off");
        builder.environment().put("LINETWIN_CDS", archive);
        builder.environment().put("LINETWIN_JAVA_OPTS", javaOptions);
        Process process = builder.start();
        process.getOutputStream().close();
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("launcher did not finish: " + err);
        }
        return new Launch(process.exitValue(), err);
    }

    private static List<String> command(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("bash", LAUNCHER.toString()));
        command.addAll(List.of(args));
        return command;
    }

    private record Launch(int exitCode, String err) {}
}
