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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
            ServeCommand.class,
            ClusterCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main {

    static {
        QuietLibraryLogging.install();
    }

    /** How long a signal waits for the command to wind down (replications notice within milliseconds). */
    private static final long STOP_WAIT_MILLIS = 800;
    /** The wait for a command that ends on a signal by writing what it has (live's summary); at least the above. */
    private static volatile long windDownMillis = STOP_WAIT_MILLIS;

    public static void main(String[] args) {
        Thread command = Thread.currentThread();
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(command, done), "linetwin-stop"));
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) ->
                System.err.println("linetwin: failed (" + thread.getName() + "): " + Failures.describe(failure)));
        int code;
        try {
            code = execute(args);
        } catch (RuntimeException | Error e) {
            code = Failures.report(e, new PrintWriter(System.err, true));
        }
        done.countDown();
        System.exit(code);
    }

    /**
     * Ctrl-C or SIGTERM: interrupts the command (replications look at the interrupt every few thousand events),
     * gives it a moment to report, and removes the temporary files of outputs being written, so that the old
     * outputs stand untouched. On a normal exit the command is done and there is nothing to do.
     */
    private static void stop(Thread command, CountDownLatch done) {
        if (done.getCount() == 0) {
            return;
        }
        Failures.stopping();
        command.interrupt();
        try {
            if (!done.await(windDownMillis, TimeUnit.MILLISECONDS)) {
                System.err.println("linetwin: stopped before the end (interrupted); no output was written or changed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        PendingFiles.deleteAll();
        System.err.flush();
    }

    /**
     * For a command that runs until stopped and, on Ctrl-C or SIGTERM, ends its loop and writes what it has (the
     * interrupt still reaches it at once): how long the signal waits for it before saying it stopped unfinished.
     */
    public static void allowWindDown(java.time.Duration wait) {
        windDownMillis = Math.max(STOP_WAIT_MILLIS, wait.toMillis());
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
        commandLine.setParameterExceptionHandler(new CliErrors());
        return commandLine;
    }

    /** Bad input prints every problem and exits 2; anything else one line and exit 1 (see {@link Failures}). */
    private static int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        return Failures.report(e, commandLine.getErr());
    }

    static String version() {
        String version = Main.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** The same root as {@link Main}, without its subcommands: the one that runs is added to it. */
    @Command(name = "linetwin", mixinStandardHelpOptions = true, versionProvider = Main.Version.class)
    static final class Root {}

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"linetwin " + version()};
        }
    }
}
