package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output paths are checked before any work and written atomically; nothing the command did not make is lost. */
final class OutputFilesTest {

    @TempDir
    Path dir;

    @Test
    void aFolderIsNoOutputFile() {
        assertThatThrownBy(() -> new OutputFiles().file("--json", dir).check())
                .isInstanceOf(BadInputException.class)
                .hasMessage("--json " + dir + ": is a folder; give a file name");
    }

    @Test
    void anInputIsNoOutputEvenThroughALink() throws Exception {
        Path scenario = Files.writeString(dir.resolve("line.yaml"), "schema: linetwin/v1\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), scenario);

        assertThatThrownBy(() ->
                        new OutputFiles().file("--json", link).input(scenario).check())
                .hasMessage("--json " + link + ": is an input of this command (" + scenario
                        + "); writing it would destroy it");
        assertThat(scenario).hasContent("schema: linetwin/v1");
    }

    @Test
    void twoOutputsOnOnePathAreRefused() {
        Path out = dir.resolve("x.json");

        assertThatThrownBy(() -> new OutputFiles()
                        .file("--json", out)
                        .file("--trace", dir.resolve("./x.json"))
                        .check())
                .hasMessage("--trace " + dir.resolve("./x.json") + ": is also the output of --json; give each output "
                        + "its own path");
    }

    @Test
    void aDeviceOrPipeIsNoOutputFile() throws Exception {
        Path fifo = dir.resolve("pipe");
        assumeThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor())
                .isZero();

        assertThatThrownBy(() -> new OutputFiles().file("--out", fifo).check())
                .hasMessage("--out " + fifo + ": is not a regular file (a device, pipe or socket); give a file name");
        assertThat(Files.exists(fifo)).isTrue();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Path out = dir.resolve("x.json");

        assertThatThrownBy(() -> new OutputFiles()
                        .file("--json", dir)
                        .file("--trace", out)
                        .file("--out", out)
                        .check())
                .isInstanceOfSatisfying(
                        BadInputException.class, e -> assertThat(e.lines()).hasSize(2));
    }

    @Test
    void aFolderThatCannotBeWrittenIsRefused() {
        Path out = Path.of("/proc/linetwin-test.json");

        assertThatThrownBy(() -> new OutputFiles().file("--json", out).check())
                .hasMessageStartingWith("--json /proc/linetwin-test.json: folder /proc is not writable");
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporary() throws Exception {
        Path out = Files.writeString(dir.resolve("result.json"), "{\"old\": true}");
        OutputFiles outputs = new OutputFiles().file("--json", out).check();

        assertThatThrownBy(() -> outputs.write(out, stream -> {
                    stream.write("{\"new\": ".getBytes(StandardCharsets.UTF_8));
                    throw new IOException("No space left on device");
                }))
                .hasMessage("No space left on device");

        assertThat(out).hasContent("{\"old\": true}");
        assertThat(files()).containsExactly(out);
    }

    @Test
    void aWriteReplacesTheFileWhole() throws Exception {
        Path out = Files.writeString(dir.resolve("result.json"), "a much longer old content than the new one");
        OutputFiles outputs = new OutputFiles().file("--json", out).check();

        outputs.write(out, stream -> stream.write("new".getBytes(StandardCharsets.UTF_8)));

        assertThat(out).hasContent("new");
        assertThat(files()).containsExactly(out);
    }

    @Test
    void anOutputThatIsALinkIsWrittenThroughIt() throws Exception {
        Path target = Files.writeString(dir.resolve("target.json"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), target);
        OutputFiles outputs = new OutputFiles().file("--json", link).check();

        outputs.write(link, stream -> stream.write("new".getBytes(StandardCharsets.UTF_8)));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(target).hasContent("new");
    }

    @Test
    void missingFoldersAreMadeAndRemovedAgainWhenNothingIsWritten() throws Exception {
        Path out = dir.resolve("a/b/result.json");
        OutputFiles outputs = new OutputFiles().file("--json", out).check();

        assertThatThrownBy(() -> outputs.write(out, stream -> {
            throw new IOException("failed");
        }));
        outputs.discard();

        assertThat(dir.resolve("a")).doesNotExist();
    }

    @Test
    void aFolderOutputMustBeNewOrEmpty() throws Exception {
        Path full = Files.createDirectory(dir.resolve("frames"));
        Files.writeString(full.resolve("keep.png"), "mine");

        assertThatThrownBy(() -> new OutputFiles().folder("--frames", full).check())
                .hasMessage("--frames " + full + ": is not empty; give a new or empty folder (nothing in it is "
                        + "overwritten)");
        assertThatThrownBy(() -> new OutputFiles()
                        .folder("--frames", full.resolve("keep.png"))
                        .check())
                .hasMessageContaining("is not a folder");
        assertThat(full.resolve("keep.png")).hasContent("mine");
    }

    @Test
    void aFilledFolderTakesTheOutputsPlaceWhole() throws Exception {
        Path model = dir.resolve("model");
        OutputFiles outputs = new OutputFiles().folder("--out", model).check();

        outputs.fillFolder(model, folder -> {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("manifest.json"), "{}");
        });

        assertThat(model.resolve("manifest.json")).hasContent("{}");
        assertThat(files()).containsExactly(model.resolve("manifest.json"));
    }

    @Test
    void aFailedFillLeavesNothingBehind() throws Exception {
        Path model = Files.createDirectory(dir.resolve("model"));
        OutputFiles outputs = new OutputFiles().folder("--out", model).check();

        assertThatThrownBy(() -> outputs.fillFolder(model, folder -> {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("half.params"), "...");
            throw new IOException("training data vanished");
        }));

        assertThat(model).isEmptyDirectory();
        assertThat(files()).isEmpty();
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
