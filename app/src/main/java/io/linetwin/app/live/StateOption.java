package io.linetwin.app.live;

import io.linetwin.app.BadInputException;
import io.linetwin.loop.proposal.ProposalBook;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import picocli.CommandLine.Option;

/** {@code --state DIR}: the folder of proposals, approvals and the audit log shared by live and the decision commands. */
final class StateOption {

    static final String DEFAULT = ".linetwin";

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Option(
            names = "--state",
            paramLabel = "DIR",
            defaultValue = DEFAULT,
            description =
                    "State folder: proposals, approvals, audit log (default: ${DEFAULT-VALUE}; live --embedded: a "
                            + "new .linetwin/embedded/<UTC start> per run).")
    Path dir;

    /** The book of an existing folder (the decision commands never create one). */
    ProposalBook existing() throws BadInputException, IOException {
        if (!Files.isDirectory(dir.resolve("proposals"))) {
            throw new BadInputException(
                    dir + ": no LineTwin state folder here (linetwin live creates it; " + "--state DIR names another)");
        }
        return ProposalBook.open(dir, Clock.systemUTC());
    }

    /**
     * A new folder under {@code root}/embedded for one {@code live --embedded} run, named by its UTC start
     * ({@code 20261205-080102}, then {@code -2}, {@code -3} within the same second): the run's line is new, so are its
     * proposals. An existing folder is never taken.
     */
    static Path freshEmbedded(Path root, Instant now) throws IOException {
        Path parent = root.resolve("embedded");
        Files.createDirectories(parent);
        String stamp = STAMP.format(now);
        for (int n = 1; ; n++) {
            Path dir = parent.resolve(n == 1 ? stamp : stamp + "-" + n);
            try {
                return Files.createDirectory(dir);
            } catch (FileAlreadyExistsException taken) {
                // another run of the same second: the next number
            }
        }
    }

    /** How to name this folder in a hint: nothing for the default. */
    String asOption() {
        return dir.toString().equals(DEFAULT) ? "" : "--state " + dir;
    }
}
