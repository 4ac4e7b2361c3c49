package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scenario loader's corpus of broken files, through the CLI: {@code validate} prints every expected
 * problem, each followed by its code in brackets, and exits 2; {@code run} prints the same problems and exits 2,
 * and neither shows a stack trace.
 */
final class BadInputCorpusTest {

    private static final String EXPECT = "# expect: ";
    private static final String CODES = "# codes: ";
    private static final Path CORPUS = Path.of("..", "twin-model", "src", "test", "resources", "bad-scenarios");

    static Stream<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void validatePrintsEveryProblemAndExits2(Path file) throws IOException {
        List<String> expected = expectations(file);

        Cli cli = Cli.run("validate", file.toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        List<String> printed = cli.err().lines().toList();
        assertThat(printed.subList(0, printed.size() - 1)).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void runPrintsEveryProblemAndExits2(Path file) throws IOException {
        Cli cli = Cli.run("run", file.toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err().lines().toList()).containsExactlyElementsOf(expectations(file));
        assertThat(cli.err()).doesNotContain("Exception").doesNotContain("at io.");
        assertThat(cli.out()).isEmpty();
    }

    private static List<String> expectations(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> problems = lines.stream()
                .filter(line -> line.startsWith(EXPECT))
                .map(line -> file + ":" + line.substring(EXPECT.length()))
                .toList();
        List<String> codes = lines.stream()
                .filter(line -> line.startsWith(CODES))
                .flatMap(line -> Stream.of(line.substring(CODES.length()).split(", ")))
                .toList();
        assertThat(problems).as("expectations in %s", file.getFileName()).isNotEmpty();
        assertThat(codes).as("codes in %s", file.getFileName()).hasSameSizeAs(problems);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < problems.size(); i++) {
            expected.add(problems.get(i) + " [" + codes.get(i) + "]");
        }
        return expected;
    }
}
