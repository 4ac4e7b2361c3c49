package io.linetwin.scenario;

import io.linetwin.model.Limits;
import io.linetwin.model.Scenario;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Loads {@code linetwin/v1} scenario files into validated records. Every problem is collected with its file
 * position and key path; see {@code scenarios/README.md} for the keys, units and defaults.
 */
public final class ScenarioLoader {

    private ScenarioLoader() {}

    /** The scenario in {@code file}, or every problem found in it. */
    public static Scenario load(Path file) throws ScenarioException {
        Problems problems = new Problems(file.toString());
        Optional<Scenario> scenario = read(file, problems).flatMap(text -> bind(text, problems));
        return scenarioOrThrow(scenario, problems);
    }

    /** The scenario written in {@code yamlText}; {@code fileName} only names it in problems. */
    public static Scenario parse(String yamlText, String fileName) throws ScenarioException {
        Problems problems = new Problems(fileName);
        return scenarioOrThrow(bind(yamlText, problems), problems);
    }

    /** Every problem of {@code file} in file order; empty when it is valid. */
    public static List<ScenarioProblem> validate(Path file) {
        try {
            load(file);
            return List.of();
        } catch (ScenarioException e) {
            return e.problems();
        }
    }

    private static Scenario scenarioOrThrow(Optional<Scenario> scenario, Problems problems) throws ScenarioException {
        if (scenario.isEmpty() || !problems.isEmpty()) {
            if (problems.isEmpty()) {
                problems.at((Mark) null, "", ProblemCode.FILE_UNREADABLE, "the scenario could not be read");
            }
            throw new ScenarioException(problems.list());
        }
        return scenario.get();
    }

    private static Optional<String> read(Path file, Problems problems) {
        try {
            long bytes = Files.size(file);
            if (bytes > Limits.MAX_FILE_BYTES) {
                problems.at((Mark) null, "", ProblemCode.FILE_TOO_LARGE, tooLarge(bytes + " bytes"));
                return Optional.empty();
            }
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (CharacterCodingException e) {
            problems.at(
                    (Mark) null,
                    "",
                    ProblemCode.FILE_UNREADABLE,
                    "expected a UTF-8 text file, got bytes that are not UTF-8");
        } catch (IOException e) {
            problems.at((Mark) null, "", ProblemCode.FILE_UNREADABLE, "cannot read the file: " + e);
        }
        return Optional.empty();
    }

    private static String tooLarge(String size) {
        return "the file has " + size + ", more than the limit of " + Limits.MAX_FILE_BYTES / (1024 * 1024)
                + " MiB for a scenario";
    }

    private static Optional<Scenario> bind(String text, Problems problems) {
        if (text.length() > Limits.MAX_FILE_BYTES) {
            problems.at((Mark) null, "", ProblemCode.FILE_TOO_LARGE, tooLarge(text.length() + " characters"));
            return Optional.empty();
        }
        if (!wordsWithinLimit(text, problems)) {
            return Optional.empty();
        }
        Node root;
        try {
            root = new Yaml(loaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            problems.at(mark, "", ProblemCode.YAML_SYNTAX, "malformed YAML: " + e.getProblem() + context);
            return Optional.empty();
        } catch (YAMLException e) {
            problems.at((Mark) null, "", ProblemCode.YAML_SYNTAX, "malformed YAML: " + e.getMessage());
            return Optional.empty();
        }
        return ScenarioBinder.bind(root, problems);
    }

    /** Bounds on what SnakeYAML builds: nesting, aliases ("billion laughs"), and size. */
    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit((int) Limits.MAX_FILE_BYTES);
        options.setNestingDepthLimit(Limits.MAX_NESTING);
        options.setMaxAliasesForCollections(Limits.MAX_ALIASES);
        options.setAllowRecursiveKeys(false);
        return options;
    }

    /**
     * SnakeYAML scans a word (a run without blanks) in time quadratic in its length: a 50 MB one-word file
     * takes hours. No scenario value comes near {@link Limits#MAX_WORD_CHARS}, so a longer word is refused
     * before parsing, at its position.
     */
    private static boolean wordsWithinLimit(String text, Problems problems) {
        int line = 0;
        int lineStart = 0;
        int wordStart = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                if (wordStart >= 0 && i - wordStart > Limits.MAX_WORD_CHARS) {
                    problems.add(new ScenarioProblem(
                            problems.file(),
                            line + 1,
                            wordStart - lineStart + 1,
                            "",
                            "a value of " + (i - wordStart) + " characters without a blank, more than the limit of "
                                    + Limits.MAX_WORD_CHARS,
                            ProblemCode.FILE_TOO_LARGE));
                    return false;
                }
                wordStart = -1;
                if (c == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            } else if (wordStart < 0) {
                wordStart = i;
            }
        }
        return true;
    }
}
