package io.linetwin.app;

import io.linetwin.app.health.HealthCommand;
import io.linetwin.app.live.ApproveCommand;
import io.linetwin.app.live.AuditCommand;
import io.linetwin.app.live.LiveCommand;
import io.linetwin.app.live.ProposalsCommand;
import io.linetwin.app.live.RejectCommand;
import io.linetwin.app.render.RenderCommand;
import io.linetwin.app.render.ViewCommand;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code linetwin} command line. */
@Command(
        name = "linetwin",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Digital twin and virtual production line.",
        subcommands = {
            RunCommand.class,
            CompareCommand.class,
            TuneCommand.class,
            ValidateCommand.class,
            RenderCommand.class,
            ViewCommand.class,
            HealthCommand.class,
            EmulateCommand.class,
            BalanceCommand.class,
            LiveCommand.class,
            ProposalsCommand.class,
            ApproveCommand.class,
            RejectCommand.class,
            AuditCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main {

    static {
        QuietLibraryLogging.install();
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    static int execute(String... args) {
        return commandLine(args).execute(args);
    }

    /** The whole command tree: every subcommand's options, for help and for anything that is not one command. */
    static CommandLine commandLine() {
        return withHandlers(new CommandLine(new Main()));
    }

    /**
     * Only what {@code args} will run: picocli reads every option of every subcommand by reflection when it
     * builds the tree, about half a second of a cold start; {@code run} needs its own options only.
     */
    static CommandLine commandLine(String... args) {
        return CommandSelection.of(Main.class, args)
                .map(only -> withHandlers(only.commandLine(new Root())))
                .orElseGet(Main::commandLine);
    }

    private static CommandLine withHandlers(CommandLine commandLine) {
        commandLine.setExecutionExceptionHandler(Main::handle);
        return commandLine;
    }

    /** Bad input is one line and exit 2 (the first problem; {@code validate} prints all); anything else exit 1. */
    private static int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof BadInputException bad) {
            err.println(bad.lines().get(0));
            return ExitCode.BAD_INPUT;
        }
        err.println("linetwin: " + e);
        if (Boolean.getBoolean("linetwin.debug")) {
            e.printStackTrace(err);
        }
        return ExitCode.FAILURE;
    }

    static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** The same root as {@link Main}, without its subcommands: the one that runs is added to it. */
    @Command(name = "linetwin", mixinStandardHelpOptions = true, versionProvider = Main.Version.class)
    static final class Root {
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"linetwin " + version()};
        }
    }
}
