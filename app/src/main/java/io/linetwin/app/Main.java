package io.linetwin.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code linetwin} command line. */
@Command(
        name = "linetwin",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Digital twin and virtual production line.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    static int execute(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"linetwin " + (version == null ? "dev" : version)};
        }
    }
}
