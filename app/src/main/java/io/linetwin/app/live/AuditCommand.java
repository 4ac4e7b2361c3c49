package io.linetwin.app.live;

import io.linetwin.app.BadInputException;
import io.linetwin.app.ExitCode;
import io.linetwin.loop.audit.AuditVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Check the command gate's audit log.",
        subcommands = AuditCommand.Verify.class)
public final class AuditCommand {

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = "Check the hash chain of an audit log (and its .head file when there is one): exit 0 when "
                    + "intact, 1 naming the first broken line when a line was edited, removed or reordered.")
    static final class Verify implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "The audit log, e.g. .linetwin/audit.jsonl.")
        Path file;

        @Override
        public Integer call() throws Exception {
            if (!Files.isRegularFile(file)) {
                throw new BadInputException(file + ": no such audit log");
            }
            AuditVerifier.Verification v = AuditVerifier.verify(file);
            if (v.intact()) {
                spec.commandLine()
                        .getOut()
                        .printf(
                                "%s: intact, %d entries%s%n",
                                file,
                                v.entries(),
                                v.headChecked()
                                        ? ""
                                        : " (no head file beside it: lines removed from the end cannot be detected)");
                return ExitCode.OK;
            }
            spec.commandLine()
                    .getOut()
                    .printf(
                            "%s:%d: %s%n",
                            file,
                            v.brokenLine().getAsInt(),
                            v.problem().substring(v.problem().indexOf(": ") + 2));
            return ExitCode.FAILURE;
        }
    }
}
