package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * A start-up builds only the subcommand it runs; whatever the arguments, what the user sees must equal what the
 * whole command tree gives.
 */
final class CommandSelectionTest {

    static Stream<String> subcommands() {
        return Arrays.stream(Main.class.getAnnotation(Command.class).subcommands())
                .filter(type -> type != CommandLine.HelpCommand.class)
                .map(type -> type.getAnnotation(Command.class).name());
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void eachSubcommandIsSelectedAlone(String name) {
        CommandLine commandLine = Main.commandLine(name, "--help");

        assertThat(commandLine.getSubcommands()).containsOnlyKeys(name);
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void eachSubcommandPrintsTheSameHelpAsInTheWholeTree(String name) {
        assertSameAsWholeTree(name, "--help");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V"})
    void versionNeedsNoSubcommand(String option) {
        assertThat(Main.commandLine(option).getSubcommands()).isEmpty();
        assertSameAsWholeTree(option);
    }

    @ParameterizedTest
    @MethodSource("wholeTreeArguments")
    void anythingElseGetsTheWholeTree(List<String> args) {
        CommandLine commandLine = Main.commandLine(args.toArray(String[]::new));

        assertThat(commandLine.getSubcommands().keySet())
                .containsAll(subcommands().toList())
                .contains("help");
        assertSameAsWholeTree(args.toArray(String[]::new));
    }

    static Stream<List<String>> wholeTreeArguments() {
        return Stream.of(
                List.of(),
                List.of("--help"),
                List.of("help", "run"),
                List.of("rn", "x.yaml"),
                List.of("--version", "run"),
                List.of("--no-such-option"));
    }

    @ParameterizedTest
    @MethodSource("badArguments")
    void errorsAndExitCodesAreTheSameAsInTheWholeTree(List<String> args) {
        assertSameAsWholeTree(args.toArray(String[]::new));
    }

    static Stream<List<String>> badArguments() {
        return Stream.of(
                List.of("run"),
                List.of("run", "--no-such-option", "x.yaml"),
                List.of("run", "no-such-file.yaml"),
                List.of("validate", "no-such-file.yaml"),
                List.of("compare", "--threads", "0", "x.yaml"),
                List.of("health", "no-such-subcommand"));
    }

    private static void assertSameAsWholeTree(String... args) {
        Cli selected = Cli.run(args);
        Cli whole = Cli.runOnWholeTree(args);

        assertThat(selected.exitCode()).as("exit code of %s", List.of(args)).isEqualTo(whole.exitCode());
        assertThat(selected.out()).as("stdout of %s", List.of(args)).isEqualTo(whole.out());
        assertThat(selected.err()).as("stderr of %s", List.of(args)).isEqualTo(whole.err());
    }
}
