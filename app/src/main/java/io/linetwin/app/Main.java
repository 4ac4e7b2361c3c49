package io.linetwin.app;

import io.linetwin.app.cluster.ClusterCommand;
import io.linetwin.app.health.HealthCommand;
import io.linetwin.app.live.ApproveCommand;
import io.linetwin.app.live.AuditCommand;
import io.linetwin.app.live.LiveCommand;
import io.linetwin.app.live.ProposalsCommand;
import io.linetwin.app.live.RejectCommand;
import io.linetwin.app.render.RenderCommand;
import io.linetwin.app.render.ViewCommand;
import io.linetwin.app.twin.BrokerCommand;
import io.linetwin.app.twin.TwinCommand;
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
            BrokerCommand.class,
            TwinCommand.class,
            ClusterCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main {

    /**
     * jME reports its start-up (renderer, missing optional loaders) at INFO and WARNING through
     * java.util.logging; a CLI prints only what the user asked for. Held here: JUL keeps loggers weakly.
     */
    private static final java.util.logging.Logger JME_LOG = java.util.logging.Logger.getLogger("com.jme3");

    static {
        if (!Boolean.getBoolean("linetwin.debug")) {
            JME_LOG.setLevel(java.util.logging.Level.SEVERE);
        }
    }

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    static int execute(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler(Main::handle);
        commandLine.setParameterExceptionHandler(new CliErrors());
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

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"linetwin " + version()};
        }
    }
}
