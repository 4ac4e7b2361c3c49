package io.linetwin.app.live;

import io.linetwin.app.BadInputException;
import io.linetwin.app.ExitCode;
import io.linetwin.loop.proposal.Proposal;
import io.linetwin.loop.proposal.ProposalException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "approve",
        mixinStandardHelpOptions = true,
        description = "Approve a proposal as it stands now: the approval names its id and its evidence hash, so it "
                + "never carries over to different evidence. The live process picks it up, passes it through the "
                + "gate and sends it (with --send) or prints it (dry run).")
public final class ApproveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StateOption state;

    @Parameters(index = "0", paramLabel = "ID", description = "Proposal id, e.g. P3.")
    String id;

    @Option(names = "--as", paramLabel = "NAME", description = "Who approves (default: the login name).")
    String as;

    @Option(
            names = "--evidence",
            paramLabel = "HASH",
            description = "The evidence hash (or its first characters) you reviewed; refused if the proposal's "
                    + "evidence has changed since.")
    String evidence;

    @Override
    public Integer call() throws Exception {
        String by = Decisions.who(as);
        try {
            Proposal p = state.existing().approve(id, Optional.ofNullable(evidence), by, false);
            spec.commandLine()
                    .getOut()
                    .printf(
                            "%s approved by %s (evidence %s): %s%n",
                            p.id(), by, p.evidenceHash().substring(0, 12), p.describe());
            return ExitCode.OK;
        } catch (ProposalException e) {
            return Decisions.refused(spec, e);
        }
    }

    /** Shared by approve and reject. */
    static final class Decisions {
        private Decisions() {}

        static String who(String as) throws BadInputException {
            String by = as != null ? as : System.getProperty("user.name", "");
            if (by.isBlank()) {
                throw new BadInputException("--as: expected a name");
            }
            return by;
        }

        static int refused(CommandSpec spec, ProposalException e) throws BadInputException {
            if (e.kind() == ProposalException.Kind.UNKNOWN) {
                throw new BadInputException(e.getMessage());
            }
            spec.commandLine().getErr().println(e.getMessage());
            return ExitCode.FAILURE;
        }
    }
}
