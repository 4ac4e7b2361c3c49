package io.linetwin.app.twin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} runs until Ctrl-C or SIGTERM, and a caller may send it as soon as the address is printed. The stop hook
 * used to be installed after that line: a signal in between found the JVM already shutting down, the hook could not
 * be added, and the server ended with "stopped before the end (interrupted)" instead of "dashboard stopped".
 */
final class ServeStopIT {

    private static final String SCENARIO =
            Path.of("..", "scenarios", "bottling-line.yaml").toString();

    @TempDir
    Path dir;

    @Test
    void aSignalAsSoonAsTheAddressIsPrintedStopsTheDashboardCleanly() throws Exception {
        try (ChildCli serve = ChildCli.start(
                dir.resolve("serve.log"),
                "serve",
                SCENARIO,
                "--embedded",
                "--port",
                "0",
                "--state",
                dir.resolve("state").toString())) {
            serve.awaitLine(l -> l.startsWith("dashboard: http://"));
            serve.terminate();
            String out = serve.output();
            assertThat(out)
                    .as(out)
                    .contains("dashboard stopped")
                    .doesNotContain("stopped before the end")
                    .doesNotContain("Exception");
        }
    }
}
