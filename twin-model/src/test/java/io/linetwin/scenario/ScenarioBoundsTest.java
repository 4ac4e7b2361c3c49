package io.linetwin.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.linetwin.model.Limits;
import io.linetwin.model.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files too large to commit to the corpus, built here: each is refused with one positioned problem instead of
 * hanging the loader (a 50 MB one-word file took hours, a 20,000-station file a minute).
 */
final class ScenarioBoundsTest {

    @TempDir
    Path dir;

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeItIsRead() throws Exception {
        Path file = dir.resolve("huge.yaml");
        Files.writeString(file, "x".repeat(50_000_000));

        List<ScenarioProblem> problems = ScenarioLoader.validate(file);

        assertThat(problems)
                .extracting(ScenarioProblem::toString)
                .containsExactly(
                        file + ":1:1 the file has " + "50000000 bytes, more than the limit of 4 MiB for a scenario");
    }

    @Test
    void aWordLongerThanTheLimitIsRefusedAtItsPlace() {
        String text = "schema: linetwin/v1\nname: " + "n".repeat(Limits.MAX_WORD_CHARS + 1) + "\n";

        List<String> problems = problems(text);

        assertThat(problems)
                .containsExactly(
                        "w.yaml:2:7 a value of 65537 characters without a blank, more than " + "the limit of 65536");
    }

    @Test
    void aLongValueIsShownShortInTheMessage() {
        String text = "x".repeat(60_000);

        assertThat(problems(text).get(0)).hasSizeLessThan(300).contains("(60000 characters)");
    }

    @Test
    void moreStationsThanTheLimitAreOneProblem() {
        List<String> problems = problems(chain(Limits.MAX_STATIONS + 1));

        assertThat(problems)
                .containsExactly(
                        "w.yaml:6:5 stations: expected at most 5000 items (the limit of what " + "runs), got 5001");
    }

    @Test
    void aChainOfTheMostStationsLoads() {
        assertThatCode(() -> ScenarioLoader.parse(chain(Limits.MAX_STATIONS), "w.yaml"))
                .doesNotThrowAnyException();
    }

    @Test
    void aLoopThroughThousandsOfStationsIsFoundWithoutRecursion() throws Exception {
        String text = chain(Limits.MAX_STATIONS).replace("from: m4998, to: m4999", "from: m4998, to: m1");

        List<String> problems = problems(text);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0))
                .contains("buffers.b4998: the line loops: m1 -> m2 -> ")
                .contains("m4998 -> m1; a loop needs a quality gate");
    }

    /** Source, {@code stations - 2} machines of 1 s, sink; buffers of 5. */
    private static String chain(int stations) {
        StringBuilder yaml = new StringBuilder("schema: linetwin/v1\nname: chain\nexperiment: { horizon: 1h }\nline:\n"
                + "  stations:\n    - { id: m0, kind: source, supply: unlimited }\n");
        for (int i = 1; i < stations - 1; i++) {
            yaml.append("    - { id: m").append(i).append(", kind: machine, process: 1s }\n");
        }
        yaml.append("    - { id: m").append(stations - 1).append(", kind: sink }\n  buffers:\n");
        for (int i = 0; i < stations - 1; i++) {
            yaml.append("    - { id: b")
                    .append(i)
                    .append(", from: m")
                    .append(i)
                    .append(", to: m")
                    .append(i + 1)
                    .append(", capacity: 5 }\n");
        }
        return yaml.toString();
    }

    private static List<String> problems(String text) {
        try {
            Scenario scenario = ScenarioLoader.parse(text, "w.yaml");
            return List.of("loaded " + scenario.name());
        } catch (ScenarioException e) {
            return e.problems().stream().map(ScenarioProblem::toString).toList();
        }
    }
}
