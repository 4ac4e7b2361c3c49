package io.linetwin.loop.live;

import io.linetwin.loop.LoopKpi;
import io.linetwin.loop.Numbers;
import io.linetwin.loop.gate.LineResponse;
import io.linetwin.loop.proposal.CommandRecord;
import io.linetwin.loop.proposal.Effect;
import io.linetwin.loop.proposal.Proposal;
import io.linetwin.loop.whatif.CandidateOutcome;
import io.linetwin.loop.whatif.WhatIfResult;
import io.linetwin.sim.experiment.Estimate;
import io.linetwin.twin.sync.TwinHealth;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The live loop's report as text: a compact table per what-if, one line (or two) per step of a proposal. */
public final class PrintingReport implements LoopReport {

    private final PrintWriter out;
    private final String stateOption;

    /** @param stateOption how the user names the state folder in commands ({@code --state DIR}, or empty) */
    public PrintingReport(PrintWriter out, String stateOption) {
        this.out = out;
        this.stateOption = stateOption.isEmpty() ? "" : " " + stateOption;
    }

    @Override
    public void whatIf(
            Instant lineTime,
            String trigger,
            WhatIfResult result,
            Map<CandidateOutcome, String> proposals,
            List<String> dropped) {
        whatIf(lineTime, trigger, result, proposals, dropped, Optional.empty());
    }

    @Override
    public void whatIf(
            Instant lineTime,
            String trigger,
            WhatIfResult result,
            Map<CandidateOutcome, String> proposals,
            List<String> dropped,
            Optional<TwinHealth> twin) {
        LoopKpi objective = result.settings().objective();
        Estimate base = result.baseline().get(objective);
        out.printf(
                "%s what-if (%s): %d × %s ahead from the twin, seed %d, %s s; baseline %s %s%s%n",
                lineTime.truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                trigger,
                result.settings().replications(),
                Durations.text(result.settings().lookAheadSeconds()),
                result.seed(),
                Numbers.significant(result.wallSeconds(), 2),
                objective.option(),
                Numbers.significant(base.mean(), 4),
                result.bottleneck().map(b -> ", bottleneck " + b).orElse(""));
        twin.ifPresent(h -> out.println("  " + h.summary()));
        if (result.outcomes().isEmpty()) {
            out.println("  no candidate to try");
        } else {
            StringBuilder header = new StringBuilder(String.format(
                    "  %-28s %-16s %-26s %-28s %-9s",
                    "candidate", "source", "change", "Δ " + objective.option() + " [95 % CI]", "rel"));
            for (LoopKpi guard : result.settings().guards()) {
                header.append(String.format(" %-9s", guard.option()));
            }
            out.println(header.append(" verdict"));
            for (CandidateOutcome o : result.outcomes()) {
                Estimate d = o.difference(objective);
                StringBuilder row = new StringBuilder(String.format(
                        "  %-28s %-16s %-26s %-28s %-9s",
                        o.candidate().name(),
                        o.candidate().origin(),
                        o.candidate().describe(),
                        interval(d),
                        Numbers.percent(o.relativeEffect())));
                for (LoopKpi guard : result.settings().guards()) {
                    row.append(String.format(" %-9s", direction(o.difference(guard), guard)));
                }
                row.append(' ').append(o.verdict());
                if (proposals.containsKey(o)) {
                    row.append(" → ").append(proposals.get(o));
                }
                out.println(row);
            }
        }
        dropped.forEach(d -> out.println("  not tried: " + d));
        out.flush();
    }

    private static String interval(Estimate d) {
        return signed(d.mean()) + " [" + signed(d.ciLow().orElse(Double.NaN)) + ", "
                + signed(d.ciHigh().orElse(Double.NaN)) + "]";
    }

    private static String signed(double value) {
        return (value >= 0 ? "+" : "") + Numbers.significant(value, 3);
    }

    private static String direction(Estimate d, LoopKpi kpi) {
        if (!d.excludesZero()) {
            return "~";
        }
        return (d.mean() > 0) == kpi.higherIsBetter() ? "better" : "worse";
    }

    @Override
    public void proposed(Proposal p, boolean refreshed) {
        out.printf(
                "%s %s: %s %s, %s; evidence %s%n",
                p.id(),
                refreshed ? "refreshed with new evidence" : "proposed",
                p.name(),
                p.describe(),
                effect(p),
                p.evidenceHash().substring(0, 12));
        if (!refreshed) {
            out.printf(
                    "   approve: linetwin approve %s%s [--as NAME]    reject: linetwin reject %s%s --reason TEXT%n",
                    p.id(), stateOption, p.id(), stateOption);
        }
        out.flush();
    }

    private static String effect(Proposal p) {
        if (p.effect().isEmpty()) {
            return "no expected effect (a rollback)";
        }
        Effect e = p.effect().get();
        return e.kpi() + " " + signed(e.mean()) + " [" + signed(e.ciLow()) + ", " + signed(e.ciHigh()) + "] ("
                + Numbers.percent(e.relative()) + ")";
    }

    @Override
    public void decided(Proposal p) {
        if (p.rejection().isPresent()) {
            out.printf(
                    "%s rejected by %s: %s%n",
                    p.id(), p.rejection().get().by(), p.rejection().get().reason());
        } else {
            p.approval()
                    .ifPresent(a -> out.printf(
                            "%s approved by %s (evidence %s)%n",
                            p.id(), a.by(), a.evidenceHash().substring(0, 12)));
        }
        out.flush();
    }

    @Override
    public void autoApproved(Proposal p, String limits) {
        out.printf(
                "WARNING: %s auto-approved without a person (%s within --auto-approve %s)%n",
                p.id(), p.describe(), limits);
        out.flush();
    }

    @Override
    public void refused(Proposal p, String reason) {
        out.printf("%s refused by the gate: %s%n", p.id(), reason);
        out.flush();
    }

    @Override
    public void dryRun(Proposal p, List<String> commands) {
        out.printf("%s passed the gate; dry run, not sent (add --send to send):%n", p.id());
        commands.forEach(c -> out.println("   " + c));
        out.flush();
    }

    @Override
    public void sent(Proposal p) {
        out.printf(
                "%s sent: %s (%s)%n",
                p.id(),
                p.describe(),
                String.join(
                        ", ",
                        p.commands().stream().map(CommandRecord::commandId).toList()));
        out.flush();
    }

    @Override
    public void confirmed(Proposal p) {
        out.printf(
                "%s confirmed: the twin reports %s at %s (line time)%n",
                p.id(),
                String.join(
                        ", ",
                        p.changes().stream()
                                .map(c -> c.station() + "." + c.parameter() + " " + Numbers.plain(c.to()))
                                .toList()),
                p.confirmedAt()
                        .map(t -> t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                                .toString())
                        .orElse("?"));
        out.flush();
    }

    @Override
    public void failed(Proposal p, Proposal rollback) {
        out.printf(
                "%s failed: %s; rollback proposed as %s (%s)%n",
                p.id(), p.failure().orElse(""), rollback.id(), rollback.describe());
        out.flush();
    }

    @Override
    public void answered(Proposal p, LineResponse answer) {
        out.printf(
                "%s: the line %s %s (%s)%n",
                p.id(),
                answer.accepted() ? "took" : "refused",
                answer.commandId(),
                answer.accepted() ? Integer.toString(answer.status()) : answer.reason());
        out.flush();
    }

    @Override
    public void lineRefused(Proposal p, LineResponse refusal, Optional<Proposal> rollback) {
        out.printf(
                "%s failed: %s; %s%n",
                p.id(),
                p.failure().orElse(""),
                rollback.map(r -> "rollback proposed as " + r.id() + " (" + r.describe() + ")")
                        .orElse("nothing was applied, no rollback needed"));
        out.flush();
    }

    /**
     * At the end of a run: for every confirmed change, the good parts per hour the twin counted before and after it,
     * beside the interval the what-if predicted (the proof that the change did what it promised).
     */
    public void measured(LiveSummary summary) {
        for (Proposal p : summary.proposals()) {
            summary.measured(p).filter(m -> m.after().isPresent()).ifPresent(m -> {
                out.printf(
                        "%s measured on the line: %s, %s/h after (%s)%s%n",
                        p.id(),
                        m.beforeMissing()
                                .orElseGet(() -> (m.before().isPresent()
                                                ? Numbers.significant(m.before().getAsDouble(), 4)
                                                : "?")
                                        + "/h before (" + Durations.text(m.beforeSeconds()) + ")"),
                        Numbers.significant(m.after().getAsDouble(), 4),
                        Durations.text(m.afterSeconds()),
                        m.predicted()
                                .map(i -> "; predicted ["
                                        + Numbers.significant(i.low(), 4) + ", " + Numbers.significant(i.high(), 4)
                                        + "]"
                                        + (i.contains(m.after().getAsDouble()) ? ", within" : ", outside"))
                                .orElse(""));
            });
        }
        out.flush();
    }

    @Override
    public void problem(String message) {
        out.println("note: " + message);
        out.flush();
    }
}
