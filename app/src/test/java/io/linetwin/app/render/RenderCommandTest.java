package io.linetwin.app.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Bad input to {@code render} and {@code view} is one line and exit 2, before any GL context starts. */
final class RenderCommandTest {

    private static final String BOTTLING = "../scenarios/bottling-line.yaml";

    @TempDir
    Path dir;

    private record Run(int exitCode, String err) {}

    private static Run run(Object command, String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return new Run(cli.execute(args), err.toString());
    }

    @Test
    void aMissingScenarioFileIsBadInput() {
        Run run = run(
                new RenderCommand(),
                "no-such.yaml",
                "--out",
                dir.resolve("x.png").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("no-such.yaml: no such scenario file");
    }

    @Test
    void aScenarioProblemIsPrintedAsFileLineColumnKeyMessage() throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(
                bad,
                Files.readString(Path.of(BOTTLING)).replace("to: capper, capacity: 60", "to: capper, capacity: lots"));

        Run run = run(
                new RenderCommand(),
                bad.toString(),
                "--out",
                dir.resolve("x.png").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip())
                .matches(".*bad\\.yaml:\\d+:\\d+ buffers\\.b2\\.capacity: .* \\[scenario\\.value\\.type]")
                .doesNotContain("\n");
    }

    @Test
    void anUnknownCameraStationIsBadInput() {
        Run run = run(
                new RenderCommand(), BOTTLING, "--out", dir.resolve("x.png").toString(), "--camera", "station:nope");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("--camera: station must be one of [depal, filler");
    }

    @Test
    void anUnknownVariantIsBadInput() {
        Run run =
                run(new RenderCommand(), BOTTLING, "--out", dir.resolve("x.png").toString(), "--variant", "nope");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("--variant: variant must be one of baseline");
    }

    @Test
    void framesNeedAWindowThatMovesForward() {
        Run run = run(new RenderCommand(), BOTTLING, "--frames", dir.toString(), "--from", "8h", "--to", "2h");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("--to: must be after --from (8h), got 2h");
    }

    @Test
    void aTimeWithoutAUnitIsBadInput() {
        Run run =
                run(new RenderCommand(), BOTTLING, "--out", dir.resolve("x.png").toString(), "--at", "soon");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("--at: ");
        assertThat(dir.resolve("x.png")).doesNotExist();
    }

    @Test
    void viewRefusesAZeroSpeed() {
        Run run = run(new ViewCommand(), BOTTLING, "--speed", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("--speed: expected > 0 sim seconds per second, got 0.0");
    }

    @Test
    void aMissingTwinSnapshotIsBadInput() {
        Run run = run(
                new RenderCommand(),
                BOTTLING,
                "--out",
                dir.resolve("x.png").toString(),
                "--from-twin",
                dir.resolve("none.json").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("--from-twin " + dir.resolve("none.json") + ": no such file");
    }

    @Test
    void aTwinSnapshotIsOneInstantNotFrames() {
        Run run = run(
                new RenderCommand(),
                BOTTLING,
                "--frames",
                dir.toString(),
                "--from",
                "1h",
                "--to",
                "2h",
                "--from-twin",
                BOTTLING);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("--from-twin: only with --out");
    }

    @Test
    void aFileThatIsNoTwinSnapshotIsBadInput() {
        Run run =
                run(new RenderCommand(), BOTTLING, "--out", dir.resolve("x.png").toString(), "--from-twin", BOTTLING);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith(BOTTLING + ":1:").contains("malformed JSON");
        assertThat(dir.resolve("x.png")).doesNotExist();
    }

    @Test
    void viewLiveNeedsARecordingThatExists() {
        Run run = run(
                new ViewCommand(),
                BOTTLING,
                "--live",
                "--replay",
                dir.resolve("none.jsonl").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("--replay " + dir.resolve("none.jsonl") + ": no such file");
    }

    @Test
    void viewLiveNeedsExactlyOneSource() {
        Run run = run(new ViewCommand(), BOTTLING, "--live");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--kafka").contains("--replay").contains("--twin-snapshot");
    }
}
