package io.linetwin.app;

import io.linetwin.report.i18n.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.ZonedDateTime;
import java.util.Optional;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --report OUT.html} and {@code --lang}, shared by the commands that write a report. */
final class ReportOptions {

    @Option(names = "--report", paramLabel = "OUT.html",
            description = "Also write a self-contained HTML report (charts, tables; opens offline) to OUT.html.")
    Path report;

    @Mixin
    LanguageOption language;

    @Option(names = "--no-report-picture", negatable = false,
            description = "Leave the 3D picture out of the report (it needs software GL and re-runs replication 0).")
    boolean noPicture;

    /** The command's outputs when it declares them: the report is then checked and written with them. */
    private OutputFiles outputs;

    boolean wanted() {
        return report != null;
    }

    /**
     * Declares the report among the command's outputs (checked with them: not an input, not another output's path)
     * and has it written through them; returns {@code files} for chaining.
     */
    OutputFiles declare(OutputFiles files) {
        this.outputs = files.file("--report", report);
        return files;
    }

    Messages messages() throws BadInputException {
        return language.messages();
    }

    /** Checks before any work that the report can be written, so a long run never ends in a failed write. */
    void check() throws BadInputException {
        language.language();
        if (report == null) {
            return;
        }
        Path absolute = report.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new BadInputException("--report " + report + ": is a directory, expected a file name");
        }
        Path parent = absolute.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new BadInputException("--report " + report + ": no such directory " + parent);
        }
        if (parent != null && !Files.isWritable(parent) || Files.exists(absolute) && !Files.isWritable(absolute)) {
            throw new BadInputException("--report " + report + ": cannot write there");
        }
    }

    /** Written beside the target and moved over it: a reader never sees half a report. */
    void write(String html) throws IOException {
        if (outputs != null) {
            outputs.write(report, out -> out.write(html.getBytes(StandardCharsets.UTF_8)));
            return;
        }
        Path absolute = report.toAbsolutePath();
        // Not createTempFile: its owner-only permissions would stay on the report; this one follows the umask.
        Path temporary = absolute.resolveSibling("." + absolute.getFileName() + "." + ProcessHandle.current().pid()
                + "." + System.nanoTime() + ".tmp");
        try {
            Files.writeString(temporary, html, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    static ZonedDateTime now() {
        return ZonedDateTime.now();
    }

    Optional<Path> path() {
        return Optional.ofNullable(report);
    }
}
