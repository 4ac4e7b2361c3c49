package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.scenario.ProblemCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The problem codes are a contract: docs/problem-codes.md lists exactly the codes of {@link ProblemCode} with
 * their meanings, and every code is one that {@code validate} really prints for some broken input.
 */
final class ProblemCodesTest {

    private static final Path DOC = Path.of("..", "docs", "problem-codes.md");
    private static final List<Path> CORPORA = List.of(
            Path.of("..", "twin-model", "src", "test", "resources", "bad-scenarios"),
            Path.of("src", "test", "resources", "bad-input"));
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z.-]+)` \\| (.+) \\|$");
    private static final Pattern CODED = Pattern.compile("^\\S+:\\d+:\\d+ .+ \\[([a-z.-]+)]$");

    @TempDir
    Path dir;

    @Test
    void theDocumentListsEveryCodeWithItsMeaningAndNoOther() throws IOException {
        Map<String, String> documented = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DOC)) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                assertThat(documented.put(row.group(1), row.group(2)))
                        .as("%s listed once", row.group(1))
                        .isNull();
            }
        }
        Map<String, String> declared = new LinkedHashMap<>();
        Arrays.stream(ProblemCode.values()).forEach(c -> declared.put(c.id(), c.meaning()));

        assertThat(documented).containsExactlyEntriesOf(declared);
    }

    @Test
    void codesAreUniqueAndReadBack() {
        Set<String> ids = new TreeSet<>();
        for (ProblemCode code : ProblemCode.values()) {
            assertThat(ids.add(code.id())).as(code.id()).isTrue();
            assertThat(code.id()).matches("scenario\\.[a-z]+\\.[a-z-]+");
            assertThat(ProblemCode.ofId(code.id())).isSameAs(code);
        }
    }

    @Test
    void validatePrintsEveryCodeForSomeBrokenInput() throws IOException {
        Set<String> printed = new TreeSet<>();
        for (Path file : corpus()) {
            printed.addAll(codesPrintedBy(file));
        }
        Path longWord = dir.resolve("long-word.yaml");
        Files.writeString(longWord, "schema: linetwin/v1\nname: " + "x".repeat(65 * 1024) + "\n");
        printed.addAll(codesPrintedBy(longWord));
        Path notUtf8 = dir.resolve("latin1.yaml");
        Files.write(notUtf8, "schema: linetwin/v1\nname: Stra\u00dfe\n".getBytes(StandardCharsets.ISO_8859_1));
        printed.addAll(codesPrintedBy(notUtf8));

        assertThat(printed)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(ProblemCode.values())
                        .map(ProblemCode::id)
                        .collect(Collectors.toCollection(TreeSet::new)));
    }

    /** The codes {@code validate} prints for {@code file}; every problem line ends with one. */
    private static List<String> codesPrintedBy(Path file) {
        Cli cli = Cli.run("validate", file.toString());
        assertThat(cli.exitCode()).as("%s: %s", file, cli.err()).isEqualTo(2);
        List<String> lines = cli.err().lines().toList();
        return lines.subList(0, lines.size() - 1).stream()
                .map(line -> {
                    Matcher coded = CODED.matcher(line);
                    assertThat(coded.matches())
                            .as("a coded problem line: %s", line)
                            .isTrue();
                    return coded.group(1);
                })
                .toList();
    }

    static List<Path> corpus() throws IOException {
        List<Path> files = new java.util.ArrayList<>();
        for (Path folder : CORPORA) {
            try (Stream<Path> listed = Files.list(folder)) {
                listed.filter(f -> f.toString().endsWith(".yaml")).sorted().forEach(files::add);
            }
        }
        return files;
    }
}
