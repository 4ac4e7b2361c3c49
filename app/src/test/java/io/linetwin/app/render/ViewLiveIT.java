package io.linetwin.app.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.model.LineSpec;
import io.linetwin.twin.sync.ReplayFile;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code view FILE --live --replay REC} opens the window on software GL (nothing is shown), follows the played
 * recording and closes cleanly; the picture itself is checked by {@link LiveTwinPictureIT}.
 */
final class ViewLiveIT {

    @TempDir
    Path dir;

    @Test
    void theWindowFollowsARecordingAndClosesCleanly() throws Exception {
        LineSpec line = TwinMessages.bottling();
        Path recording = dir.resolve("recording.jsonl");
        try (BufferedWriter out = Files.newBufferedWriter(recording, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= 20; i++) {
                ReplayFile.append(
                        out,
                        TwinMessages.T0.plusSeconds(i),
                        TwinMessages.state(
                                line, "filler", i % 2 == 0 ? "down" : "working", i, TwinMessages.T0.plusSeconds(i)));
            }
        }
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ViewCommand());
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));

        int exit = cli.execute(
                "../scenarios/bottling-line.yaml",
                "--live",
                "--replay",
                recording.toString(),
                "--replay-speed",
                "20",
                "--refresh",
                "50ms",
                "--software-gl",
                "--width",
                "320",
                "--height",
                "180",
                "--quit-after",
                "3s");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(err.toString()).isEmpty();
    }
}
