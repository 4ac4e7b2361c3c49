package io.linetwin.app.live;

import io.linetwin.app.BadInputException;
import io.linetwin.app.ExitCode;
import io.linetwin.loop.proposal.Proposal;
import io.linetwin.loop.proposal.ProposalException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "reject",
        mixinStandardHelpOptions = true,
        description = "Reject a proposal, with the reason; it never reaches the line.")
public final class RejectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StateOption state;

    @Parameters(index = "0", paramLabel = "ID", description = "Proposal id, e.g. P3.")
    String id;

    @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "Why (goes to the audit log).")
    String reason;

    @Option(names = "--as", paramLabel = "NAME", description = "Who rejects (default: the login name).")
    String as;

    @Override
    public Integer call() throws Exception {
        if (reason.isBlank()) {
            throw new BadInputException("--reason: expected a reason");
        }
        String by = ApproveCommand.Decisions.who(as);
        try {
            Proposal p = state.existing().reject(id, reason, by);
            spec.commandLine().getOut().printf("%s rejected by %s: %s%n", p.id(), by, reason);
            return ExitCode.OK;
        } catch (ProposalException e) {
            return ApproveCommand.Decisions.refused(spec, e);
        }
    }
}
