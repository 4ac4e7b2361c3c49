package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Deterministic runs against committed JSON (wall-clock fields removed): the same file and seed must give
 * the same numbers on any machine. Regenerate with {@code -Dlinetwin.updateGolden=true}.
 */
final class GoldenRunTest {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"textbook-two-machine", "bottling-line"})
    void runMatchesItsGoldenFile(String name) throws IOException {
        Path out = dir.resolve(name + ".json");
        Cli cli = Cli.run(
                "run",
                Scenarios.library().resolve(name + ".yaml").toString(),
                "--horizon",
                "1d",
                "--warmup",
                "1h",
                "--replications",
                "2",
                "--json",
                out.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();

        ObjectNode actual = RunCommandTest.withoutWallClock(out);
        ((ObjectNode) actual.get("meta")).remove("version");
        Path golden = GOLDEN.resolve(name + ".json");
        if (Boolean.getBoolean("linetwin.updateGolden")) {
            Files.createDirectories(GOLDEN);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(golden.toFile(), actual);
        }
        assertThat(golden)
                .as("golden file; create it with -Dlinetwin.updateGolden=true")
                .exists();
        assertThat(actual).isEqualTo(new ObjectMapper().readTree(golden.toFile()));
    }
}
