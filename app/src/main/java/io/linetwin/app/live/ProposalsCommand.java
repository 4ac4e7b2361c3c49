package io.linetwin.app.live;

import io.linetwin.app.ExitCode;
import io.linetwin.loop.Numbers;
import io.linetwin.loop.proposal.Effect;
import io.linetwin.loop.proposal.Proposal;
import io.linetwin.loop.proposal.ProposalBook;
import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "proposals",
        mixinStandardHelpOptions = true,
        description = "List the proposals waiting for a decision or for the gate (all of them with --all).")
public final class ProposalsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StateOption state;

    @Option(names = "--all", description = "Every proposal, whatever became of it.")
    boolean all;

    @Override
    public Integer call() throws Exception {
        ProposalBook book = state.existing();
        List<Proposal> proposals =
                book.all().stream().filter(p -> all || p.status().pending()).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (proposals.isEmpty()) {
            out.println(all ? "no proposals" : "no proposal waits for a decision (--all lists every one)");
            return ExitCode.OK;
        }
        out.printf(
                "%-5s %-10s %-30s %-44s %-13s %s%n",
                "id", "status", "change", "expected effect [95 % CI]", "evidence", "what-if at (line time)");
        for (Proposal p : proposals) {
            out.printf(
                    "%-5s %-10s %-30s %-44s %-13s %s%n",
                    p.id(),
                    p.status().json(),
                    p.describe(),
                    effect(p),
                    p.evidenceHash().substring(0, 12),
                    p.evidence().snapshotAt().truncatedTo(ChronoUnit.SECONDS));
            p.refusal().ifPresent(r -> out.println("      refused: " + r));
        }
        String where = state.asOption().isEmpty() ? "" : " " + state.asOption();
        out.println("decide with: linetwin approve ID" + where + " [--as NAME] | linetwin reject ID" + where
                + " --reason TEXT");
        return ExitCode.OK;
    }

    private static String effect(Proposal p) {
        if (p.effect().isEmpty()) {
            return "rollback" + p.rollbackOf().map(r -> " of " + r).orElse("");
        }
        Effect e = p.effect().get();
        return e.kpi() + " " + signed(e.mean()) + " [" + signed(e.ciLow()) + ", " + signed(e.ciHigh()) + "] "
                + Numbers.percent(e.relative());
    }

    private static String signed(double v) {
        return (v >= 0 ? "+" : "") + Numbers.significant(v, 3);
    }
}
