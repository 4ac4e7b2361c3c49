package io.linetwin.app.live;

import io.linetwin.app.BadInputException;
import io.linetwin.loop.proposal.ProposalBook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Option;

/** {@code --state DIR}: the folder of proposals, approvals and the audit log shared by live and the decision commands. */
final class StateOption {

    static final String DEFAULT = ".linetwin";

    @Option(
            names = "--state",
            paramLabel = "DIR",
            defaultValue = DEFAULT,
            description = "State folder: proposals, approvals, audit log (default: ${DEFAULT-VALUE}).")
    Path dir;

    /** The book of an existing folder (the decision commands never create one). */
    ProposalBook existing() throws BadInputException, IOException {
        if (!Files.isDirectory(dir.resolve("proposals"))) {
            throw new BadInputException(
                    dir + ": no LineTwin state folder here (linetwin live creates it; " + "--state DIR names another)");
        }
        return ProposalBook.open(dir, Clock.systemUTC());
    }

    /** How to name this folder in a hint: nothing for the default. */
    String asOption() {
        return dir.toString().equals(DEFAULT) ? "" : "--state " + dir;
    }
}
