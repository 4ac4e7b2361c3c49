package io.linetwin.app.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code view FILE --software-gl} works with no display at all: it draws off screen with OSMesa while the line is
 * simulated step by step, and closes cleanly (the live mode is {@link ViewLiveIT}'s).
 */
final class ViewSoftwareGlIT {

    @Test
    void theWindowModeRunsHeadlessAndClosesCleanly() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ViewCommand());
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));

        int exit = cli.execute(
                "../scenarios/textbook-two-machine.yaml",
                "--software-gl",
                "--steps",
                "3",
                "--width",
                "320",
                "--height",
                "180",
                "--quit-after",
                "2s");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(err.toString()).isEmpty();
    }
}
