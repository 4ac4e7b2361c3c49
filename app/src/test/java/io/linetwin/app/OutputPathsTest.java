package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's file defects through the CLI: every output path is checked before any work (no KPI table, no
 * training, no picture first), nothing of the user's is replaced, deleted or truncated, and the refusal is one
 * line naming the option, the path and why, with exit 2.
 */
final class OutputPathsTest {

    private static final Path BOTTLING = Scenarios.library().resolve("textbook-two-machine.yaml");
    private static final Path FD001 = Path.of("../predictors/src/test/resources/cmapss");

    @TempDir
    Path dir;

    @Test
    void jsonOntoTheScenarioFileIsRefusedAndTheFileKept() throws Exception {
        Path scenario = Files.copy(BOTTLING, dir.resolve("line.yaml"));
        String before = Files.readString(scenario);

        Cli cli = Cli.run("run", scenario.toString(), "--json", scenario.toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err())
                .isEqualTo("--json " + scenario + ": is an input of this command (" + scenario
                        + "); writing it would destroy it\n");
        assertThat(cli.out()).isEmpty();
        assertThat(scenario).hasContent(before);
    }

    @Test
    void jsonAndTraceOnOnePathAreRefused() {
        Path out = dir.resolve("x.json");

        Cli cli = Cli.run("run", BOTTLING.toString(), "--json", out.toString(), "--trace", out.toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).startsWith("--trace " + out + ": is also the output of --json");
        assertThat(out).doesNotExist();
    }

    @Test
    void outputsIntoAFolderAreRefusedBeforeTheRun() {
        Cli json = Cli.run("run", BOTTLING.toString(), "--json", dir.toString());
        Cli trace = Cli.run("run", BOTTLING.toString(), "--trace", dir.toString());
        Cli compare = Cli.run("compare", BOTTLING.toString(), "--json", dir.toString());
        Cli risk = Cli.run("health", "risk", BOTTLING.toString(), "--rul", "m1=30h", "--json", dir.toString());

        for (Cli cli : new Cli[] {json, trace, compare, risk}) {
            assertThat(cli.exitCode()).isEqualTo(2);
            assertThat(cli.err()).endsWith(dir + ": is a folder; give a file name\n");
            assertThat(cli.out()).as("no work was done").isEmpty();
        }
    }

    @Test
    void anOutputInAFolderThatCannotBeWrittenIsRefusedBeforeTheRun() {
        Cli cli = Cli.run("run", BOTTLING.toString(), "--json", "/proc/linetwin/run.json");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).startsWith("--json /proc/linetwin/run.json: folder /proc is not writable");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void renderOutNeverDeletesWhatIsThere() throws Exception {
        Path emptyFolder = Files.createDirectory(dir.resolve("picture.png"));
        Path scenario = Files.copy(BOTTLING, dir.resolve("line.yaml"));

        Cli intoFolder = Cli.run("render", scenario.toString(), "--out", emptyFolder.toString());
        Cli ontoScenario = Cli.run("render", scenario.toString(), "--out", scenario.toString());

        assertThat(intoFolder.exitCode()).isEqualTo(2);
        assertThat(intoFolder.err()).isEqualTo("--out " + emptyFolder + ": is a folder; give a file name\n");
        assertThat(emptyFolder).isEmptyDirectory();
        assertThat(ontoScenario.exitCode()).isEqualTo(2);
        assertThat(ontoScenario.err()).contains("is an input of this command");
        assertThat(scenario).hasSameTextualContentAs(BOTTLING);
    }

    @Test
    void renderFramesIntoAFolderWithFilesIsRefused() throws Exception {
        Path frames = Files.createDirectory(dir.resolve("frames"));
        Files.writeString(frames.resolve("holiday.png"), "not ours");

        Cli cli = Cli.run("render", BOTTLING.toString(), "--frames", frames.toString(), "--from", "1h", "--to", "2h");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err())
                .isEqualTo("--frames " + frames + ": is not empty; give a new or empty folder (nothing "
                        + "in it is overwritten)\n");
        assertThat(frames.resolve("holiday.png")).hasContent("not ours");
    }

    @Test
    void healthTrainChecksItsModelFolderBeforeTraining() throws Exception {
        Path model = Files.createDirectory(dir.resolve("model"));
        Files.writeString(model.resolve("notes.txt"), "keep me");

        Cli cli = Cli.run(
                "health",
                "train",
                "--data",
                FD001.toString(),
                "--model",
                "cnn",
                "--out",
                model.toString(),
                "--epochs",
                "1",
                "--ensemble",
                "1");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err())
                .isEqualTo("--out " + model + ": is not empty; give a new or empty folder (nothing in "
                        + "it is overwritten)\n");
        assertThat(cli.out()).as("no training line").isEmpty();
        assertThat(model.resolve("notes.txt")).hasContent("keep me");
    }

    @Test
    void aRunReplacesItsOldResultsWholeAndLeavesNoTemporaryFile() throws Exception {
        Path out = Files.writeString(dir.resolve("run.json"), "x".repeat(100_000));

        Cli cli =
                Cli.run("run", BOTTLING.toString(), "--horizon", "1h", "--replications", "2", "--json", out.toString());

        assertThat(cli.exitCode()).isZero();
        assertThat(Files.readString(out)).startsWith("{").endsWith("}");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(out);
        }
    }
}
