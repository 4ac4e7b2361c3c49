package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.model.LineState;
import io.linetwin.model.Scenario;
import io.linetwin.scenario.ScenarioLoader;
import io.linetwin.sim.LineSimulation;
import io.linetwin.twin.LineDescriptors;
import io.linetwin.twin.TwinStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A seeded fuzzer over the three kinds of input file: the library's scenarios, warm-start states and twin
 * snapshots, mangled at the character level (deletions, swaps, truncations, duplicated lines) and at the value
 * level (numbers and durations swapped for extremes and nonsense: {@code 1e300}, {@code 1e-300s}, {@code -1},
 * {@code "abc"}, {@code 2.7} where a count goes, ...), each run through the CLI in-process. Whatever the input, a
 * command ends with exit 0, with exit 2 and positioned problems, or with exit 1 and one of the engine's own
 * one-line verdicts; never with a Java exception or a stack trace. Every input that once broke this rule is kept
 * in {@code src/test/resources/fuzz-corpus/} and replayed by {@link #everyCorpusFileEndsCleanly}.
 */
final class InputFuzzTest {

    /** A longer hunt: {@code -Dlinetwin.fuzz.seed=N -Dlinetwin.fuzz.scale=10}. */
    private static final long SEED = Long.getLong("linetwin.fuzz.seed", 20261204L);

    private static final int SCALE = Integer.getInteger("linetwin.fuzz.scale", 1);
    private static final int SCENARIO_CASES = 240 * SCALE;
    private static final int STATE_CASES = 160 * SCALE;
    private static final int SNAPSHOT_CASES = 120 * SCALE;
    private static final Path CORPUS = Path.of("src", "test", "resources", "fuzz-corpus");
    private static final Path BOTTLING = Scenarios.library().resolve("bottling-line.yaml");

    /** What the engine itself may say when a valid input cannot finish: exit 1 with one of these. */
    private static final List<String> RUNTIME_VERDICTS = List.of(
            "linetwin: the line deadlocked at ",
            "linetwin: the run stopped at ",
            "linetwin: replication ",
            "linetwin: simulated time stands still");
    /** A positioned problem (file:line:column ...) or an option's own problem (--option ...). */
    private static final Pattern PROBLEM = Pattern.compile("(\\S+:\\d+:\\d+ .+|--\\S+.*|\\S+: (no such|not a).*)");

    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.-])-?\\d+(\\.\\d+)?(e-?\\d+)?(?![\\w.:])");
    private static final Pattern DURATION = Pattern.compile("(?<![\\w.])\\d+(\\.\\d+)?(ms|s|m|h|d)(?![\\w/])");
    private static final String[] NUMBERS = {
        "0",
        "-1",
        "1e300",
        "1e-300",
        "2.7",
        "2147483648",
        "9999999999999999999",
        "\"abc\"",
        "null",
        "1e20",
        "-0",
        "0.0000001",
        "100000000"
    };
    private static final String[] DURATIONS = {
        "0s", "1e-300s", "1e15d", "1e300s", "-5s", "abc", "0.000001ms", "36500d", "1e6d", "5"
    };

    @TempDir
    Path dir;

    @Test
    void mangledScenariosEndCleanly() throws IOException {
        Random random = new Random(SEED);
        List<Path> library;
        try (Stream<Path> files = Files.list(Scenarios.library())) {
            library = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        for (int i = 0; i < SCENARIO_CASES; i++) {
            Path source = library.get(random.nextInt(library.size()));
            Path file = dir.resolve("scenario-" + i + ".yaml");
            Files.writeString(file, mutate(Files.readString(source), random, false));
            Cli validate = Cli.run("validate", file.toString());
            requireClean("validate", file, validate);
            Cli run = Cli.run(
                    "run",
                    file.toString(),
                    "--horizon",
                    "30m",
                    "--warmup",
                    "0s",
                    "--replications",
                    "1",
                    "--threads",
                    "1");
            requireClean("run", file, run);
            assertThat(run.exitCode() == 2)
                    .as("validate and run agree on %s:%n%s%n%s", file, validate.err(), run.err())
                    .isEqualTo(validate.exitCode() == 2);
        }
    }

    @Test
    void mangledStatesEndCleanly() throws IOException {
        fuzzWarmStart("--from-state", "state", stateText(), STATE_CASES, new Random(SEED + 1));
    }

    @Test
    void mangledSnapshotsEndCleanly() throws IOException {
        fuzzWarmStart("--from-twin", "snapshot", snapshotText(), SNAPSHOT_CASES, new Random(SEED + 2));
    }

    /** Mangled copies of {@code text} as the bottling line's warm start through {@code option}. */
    private void fuzzWarmStart(String option, String name, String text, int cases, Random random) throws IOException {
        for (int i = 0; i < cases; i++) {
            Path file = dir.resolve(name + "-" + i + ".json");
            Files.writeString(file, mutate(text, random, true));
            requireClean(
                    "run " + option,
                    file,
                    Cli.run(
                            "run",
                            BOTTLING.toString(),
                            option,
                            file.toString(),
                            "--horizon",
                            "30m",
                            "--warmup",
                            "0s",
                            "--replications",
                            "1",
                            "--threads",
                            "1"));
        }
    }

    static Stream<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.walk(CORPUS)) {
            return files.filter(Files::isRegularFile).sorted().toList().stream();
        }
    }

    /**
     * Replays the inputs that once broke a command: scenarios through {@code validate} and {@code run}, states
     * and snapshots as the bottling line's warm start.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyCorpusFileEndsCleanly(Path file) {
        String kind = file.getParent().getFileName().toString();
        List<String[]> commands = switch (kind) {
            case "scenarios" ->
                List.of(
                        new String[] {"validate", file.toString()},
                        new String[] {"run", file.toString(), "--horizon", "30m", "--replications", "1"});
            case "states" ->
                List.<String[]>of(new String[] {
                    "run",
                    BOTTLING.toString(),
                    "--from-state",
                    file.toString(),
                    "--horizon",
                    "30m",
                    "--replications",
                    "1"
                });
            case "snapshots" ->
                List.<String[]>of(new String[] {
                    "run",
                    BOTTLING.toString(),
                    "--from-twin",
                    file.toString(),
                    "--horizon",
                    "30m",
                    "--replications",
                    "1"
                });
            default -> throw new AssertionError("unknown corpus folder " + kind);
        };
        for (String[] command : commands) {
            requireClean(command[0], file, Cli.run(command));
        }
    }

    @Test
    void theCorpusHoldsEveryKindOfInput() throws IOException {
        assertThat(corpus().map(f -> f.getParent().getFileName().toString()).distinct())
                .containsExactlyInAnyOrder("scenarios", "states", "snapshots");
    }

    /**
     * Exit 0; or 2 with every line a problem; or 1 with an engine verdict. Never a Java exception. A failing input
     * is kept in {@code target/fuzz-failures/} to be added to the corpus once the bug is fixed.
     */
    private static void requireClean(String command, Path file, Cli cli) {
        String context = command + " on " + file + " (exit " + cli.exitCode() + "):\n" + cli.err();
        try {
            assertClean(context, cli);
        } catch (AssertionError e) {
            try {
                Path kept = Files.createDirectories(Path.of("target", "fuzz-failures"));
                Files.copy(file, kept.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException ignored) {
                // Keeping the input is a convenience; the assertion below is what matters.
            }
            throw e;
        }
    }

    private static void assertClean(String context, Cli cli) {
        assertThat(cli.err())
                .as(context)
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain("at io.")
                .doesNotContain("linetwin: failed");
        assertThat(cli.exitCode()).as(context).isIn(0, 1, 2);
        if (cli.exitCode() == 2) {
            assertThat(cli.err().lines())
                    .as(context)
                    .isNotEmpty()
                    .allSatisfy(line -> assertThat(line)
                            .matches(
                                    l -> PROBLEM.matcher(l).matches() || l.matches("\\d+ problems?"),
                                    "a problem line"));
        }
        if (cli.exitCode() == 1) {
            assertThat(cli.err().lines())
                    .as(context)
                    .hasSize(1)
                    .first()
                    .matches(l -> RUNTIME_VERDICTS.stream().anyMatch(l::startsWith), "an engine verdict");
        }
    }

    private static String stateText() {
        try {
            Scenario scenario = ScenarioLoader.load(BOTTLING);
            LineState state = new LineSimulation(scenario.line())
                    .snapshot(7_200, 3, 0, Instant.parse("2026-11-30T06:00:00Z"))
                    .withoutInFlight();
            return LineStateJson.toJson(state).toPrettyString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String snapshotText() {
        try {
            Scenario scenario = ScenarioLoader.load(BOTTLING);
            String compact = TwinStore.of(
                            LineDescriptors.of(scenario.line()),
                            Clock.fixed(Instant.parse("2026-11-30T06:00:00Z"), ZoneOffset.UTC))
                    .snapshot()
                    .toJson()
                    .toString();
            // One value a line, so that line mutations hit single values rather than the whole document.
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(compact)
                    .toPrettyString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** One to three mutations, value-level ones more often: they get past the parser to the checks behind it. */
    static String mutate(String text, Random random, boolean json) {
        String result = text;
        int rounds = 1 + random.nextInt(3);
        for (int r = 0; r < rounds; r++) {
            result = switch (random.nextInt(8)) {
                case 0 -> deleteLine(result, random);
                case 1 -> duplicateLine(result, random);
                case 2 -> result.substring(0, random.nextInt(result.length() + 1));
                case 3 -> replaceCharacter(result, random, json);
                case 4 -> json ? result + pick(random, " }", "x", "{}", "\n[1]", ",") : deleteLine(result, random);
                default -> replaceValue(result, random, json);
            };
        }
        return result;
    }

    private static String replaceValue(String text, Random random, boolean json) {
        boolean duration = !json && random.nextBoolean();
        Matcher matcher = (duration ? DURATION : NUMBER).matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (matcher.find()) {
            spans.add(new int[] {matcher.start(), matcher.end()});
        }
        if (spans.isEmpty()) {
            return text;
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        String value = duration ? pick(random, DURATIONS) : pick(random, NUMBERS);
        return text.substring(0, span[0]) + value + text.substring(span[1]);
    }

    private static String deleteLine(String text, Random random) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        lines.remove(random.nextInt(lines.size()));
        return String.join("\n", lines);
    }

    private static String duplicateLine(String text, Random random) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int index = random.nextInt(lines.size());
        lines.add(index, lines.get(index));
        return String.join("\n", lines);
    }

    private static String replaceCharacter(String text, Random random, boolean json) {
        if (text.isEmpty()) {
            return text;
        }
        String alphabet = json ? "{}[],:\"0.-eE x\\" : ":-{}[],&*!|>'\"#\t 0.sx";
        char[] chars = text.toCharArray();
        chars[random.nextInt(chars.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
        return new String(chars);
    }

    private static String pick(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }
}
