package io.linetwin.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each file of {@code bad-scenarios/} ends with one {@code # expect: line:column key.path: message} comment per
 * problem it must produce, in file order, and a {@code # codes: id, id} comment with the problems' codes in the
 * same order. The comments sit at the end so they do not shift the positions.
 */
final class BadScenarioCorpusTest {

    private static final String EXPECT = "# expect: ";
    private static final String CODES = "# codes: ";

    static Stream<Path> corpus() throws IOException, URISyntaxException {
        Path folder = Path.of(
                BadScenarioCorpusTest.class.getResource("/bad-scenarios").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyBrokenFileGivesExactlyItsExpectedProblems(Path file) throws IOException {
        List<String> expected = Files.readAllLines(file).stream()
                .filter(l -> l.startsWith(EXPECT))
                .map(l -> l.substring(EXPECT.length()))
                .toList();
        assertThat(expected).as("expectations in %s", file.getFileName()).isNotEmpty();

        List<String> actual = ScenarioLoader.validate(file).stream()
                .map(p -> p.toString().substring(file.toString().length() + 1))
                .toList();

        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(ScenarioLoader.validate(file).stream()
                        .map(p -> p.code().id())
                        .toList())
                .as("codes in %s", file.getFileName())
                .containsExactlyElementsOf(codes(file));
        assertThatThrownBy(() -> ScenarioLoader.load(file))
                .isInstanceOf(ScenarioException.class)
                .hasMessage(file + ":" + expected.get(0));
    }

    /** The ids of the file's {@code # codes:} comment, in order. */
    static List<String> codes(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file).stream()
                .filter(l -> l.startsWith(CODES))
                .map(l -> l.substring(CODES.length()))
                .toList();
        assertThat(lines).as("one codes comment in %s", file.getFileName()).hasSize(1);
        return List.of(lines.get(0).split(", "));
    }

    @Test
    void theCorpusCoversAtLeastTwentyFiveBrokenFiles() throws Exception {
        assertThat(corpus().count()).isGreaterThanOrEqualTo(25);
    }
}
