package io.linetwin.app;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Mistakes on the command line in one line, with the nearest command or option when there is one ("rnu" →
 * "run", "--horizn" → "--horizon") and where the help is, instead of picocli's message followed by the whole
 * usage. One line and exit 2, like all bad input.
 */
final class CliErrors implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        String name = command.getCommandSpec().qualifiedName();
        err.println(name + ": " + message(e, command) + " (see '" + name + " --help')");
        err.flush();
        return ExitCode.BAD_INPUT;
    }

    private static String message(ParameterException e, CommandLine command) {
        if (e instanceof UnmatchedArgumentException unmatched
                && !unmatched.getUnmatched().isEmpty()) {
            String first = unmatched.getUnmatched().get(0);
            if (first.startsWith("-")) {
                List<String> options = new ArrayList<>();
                command.getCommandSpec().options().forEach(o -> options.addAll(List.of(o.names())));
                return "unknown option '" + first + "'" + hint(first, options);
            }
            if (!command.getSubcommands().isEmpty()) {
                return "unknown command '" + first + "'"
                        + hint(first, command.getSubcommands().keySet());
            }
            return "unexpected argument '" + first + "'";
        }
        return e.getMessage();
    }

    private static String hint(String typed, java.util.Collection<String> known) {
        return nearest(typed, known)
                .map(s -> "; did you mean '" + s + "'?")
                .orElse("; expected one of " + String.join(", ", known));
    }

    /** The known word closest to {@code typed}, if it is close: a typo, a swapped pair, a letter more or less. */
    static Optional<String> nearest(String typed, java.util.Collection<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = distance(typed, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int limit = Math.max(1, typed.replace("-", "").length() / 3);
        return best != null && bestDistance <= limit ? Optional.of(best) : Optional.empty();
    }

    /** Optimal string alignment distance: edits, with a swap of two neighbours as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
