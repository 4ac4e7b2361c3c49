package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Help for every command, and mistakes on the command line in one line with a suggestion. */
final class CliTest {

    /** Every command and subcommand, as the words that name it ("health risk"); help's own is picocli's. */
    static Stream<String> commands() {
        List<String> names = new ArrayList<>();
        collect(Main.commandLine(), "", names);
        return names.stream();
    }

    private static void collect(CommandLine command, String prefix, List<String> names) {
        command.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                names.add(prefix + name);
                collect(sub, prefix + name + " ", names);
            }
        });
    }

    @ParameterizedTest(name = "{0} --help")
    @MethodSource("commands")
    void everyCommandPrintsItsHelpAndExitsZero(String command) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.add("--help");

        Cli cli = Cli.run(args.toArray(String[]::new));

        // render and view had no --help: picocli asked for FILE and exited 2.
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out()).startsWith("Usage: linetwin " + command);
        assertThat(cli.err()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "rnu x | linetwin: unknown command 'rnu'; did you mean 'run'? (see 'linetwin --help')",
                "comapre f.yaml | linetwin: unknown command 'comapre'; did you mean 'compare'? (see 'linetwin --help')",
                "health rsik | linetwin health: unknown command 'rsik'; did you mean 'risk'? (see 'linetwin health --help')",
                "run f.yaml --horizn 1d | linetwin run: unknown option '--horizn'; did you mean '--horizon'? (see 'linetwin run --help')",
                "run | linetwin run: Missing required parameter: 'FILE' (see 'linetwin run --help')",
            })
    void aMistakeIsOneLineWithTheNearestCommandOrOptionAndExit2(String args, String line) {
        Cli cli = Cli.run(args.split(" "));

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err().lines()).containsExactly(line);
        assertThat(cli.out()).isEmpty();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"rnu, run", "vlaidate, validate", "rendr, render", "emualte, emulate"})
    void typosFindTheirCommand(String typed, String command) {
        assertThat(CliErrors.nearest(typed, Main.commandLine().getSubcommands().keySet()))
                .contains(command);
    }
}
