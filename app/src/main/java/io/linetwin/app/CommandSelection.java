package io.linetwin.app;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one subcommand a command line names, found from the annotations alone (no picocli model is built), so
 * that a start-up builds only that subcommand's options. Empty when the arguments ask for the whole tree: no
 * subcommand, {@code help}, root help, or a name that is not a subcommand (picocli then says which ones are).
 */
record CommandSelection(Class<?> subcommand) {

    private static final List<String> VERSION = List.of("-V", "--version");

    static Optional<CommandSelection> of(Class<?> root, String... args) {
        if (args.length == 0) {
            return Optional.empty();
        }
        if (args.length == 1 && VERSION.contains(args[0])) {
            return Optional.of(new CommandSelection(null));
        }
        return Arrays.stream(root.getAnnotation(Command.class).subcommands())
                .filter(candidate -> candidate != CommandLine.HelpCommand.class
                        && names(candidate).contains(args[0]))
                .findFirst()
                .map(CommandSelection::new);
    }

    private static List<String> names(Class<?> subcommand) {
        Command command = subcommand.getAnnotation(Command.class);
        String[] names = Arrays.copyOf(command.aliases(), command.aliases().length + 1);
        names[names.length - 1] = command.name();
        return Arrays.asList(names);
    }

    /** A command line of {@code root} (the tree's root without subcommands) and the selected subcommand. */
    CommandLine commandLine(Object root) {
        CommandLine commandLine = new CommandLine(root);
        if (subcommand != null) {
            commandLine.addSubcommand(new CommandLine(subcommand));
        }
        return commandLine;
    }
}
