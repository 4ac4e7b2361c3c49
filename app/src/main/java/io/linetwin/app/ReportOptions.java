package io.linetwin.app;

import io.linetwin.report.i18n.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --report OUT.html} and {@code --lang}, shared by the commands that write a report. */
final class ReportOptions {

    @Option(
            names = "--report",
            paramLabel = "OUT.html",
            description = "Also write a self-contained HTML report (charts, tables; opens offline) to OUT.html.")
    Path report;

    @Mixin
    LanguageOption language;

    @Option(
            names = "--no-report-picture",
            negatable = false,
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

    /**
     * Checks before any work that the language is known and the report can be written, so a long run never ends in
     * a failed write; a command without declared outputs gets its own for the report.
     */
    void check() throws BadInputException {
        language.language();
        if (report != null && outputs == null) {
            declare(new OutputFiles()).check();
        }
    }

    /** Written as every output is: to a temporary file in the same folder, then renamed over the target. */
    void write(String html) throws IOException {
        if (outputs == null) {
            declare(new OutputFiles());
        }
        outputs.write(report, out -> out.write(html.getBytes(StandardCharsets.UTF_8)));
    }

    static ZonedDateTime now() {
        return ZonedDateTime.now();
    }
}
