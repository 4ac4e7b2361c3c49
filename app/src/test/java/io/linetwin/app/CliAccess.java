package io.linetwin.app;

/** {@link Cli} for tests outside this package. */
public final class CliAccess {

    /** What a run printed and returned. */
    public record Result(int exitCode, String out, String err) {}

    private CliAccess() {}

    public static Result run(String... args) {
        Cli cli = Cli.run(args);
        return new Result(cli.exitCode(), cli.out(), cli.err());
    }
}
