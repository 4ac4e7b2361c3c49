package io.linetwin.dashboard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.linetwin.loop.proposal.Effect;
import io.linetwin.loop.proposal.Proposal;
import io.linetwin.loop.proposal.ProposalBook;
import io.linetwin.loop.proposal.ProposalException;
import io.linetwin.loop.proposal.ProposalJson;
import io.linetwin.loop.proposal.ProposalStatus;
import io.linetwin.report.i18n.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The live loop's proposals in the state folder, decided through the same {@link ProposalBook} as {@code linetwin
 * approve} and {@code reject}: the same lock, approval record (naming the evidence hash) and hash-chained audit
 * log. The live process then takes an approved proposal through the command gate on its next pass, as it does for
 * one approved at a terminal.
 */
public final class ProposalDecisions implements Decisions {

    private final Path stateDir;
    private final Clock wall;
    private final Messages messages;
    private final LatestWhatIf whatIf;
    private ProposalBook book;

    /**
     * @param stateDir the live loop's state folder; it may not exist yet ({@code linetwin live} creates it): until it
     *     does, nothing is pending
     */
    public ProposalDecisions(Path stateDir, Clock wall, Messages messages) {
        this.stateDir = Objects.requireNonNull(stateDir, "stateDir");
        this.wall = Objects.requireNonNull(wall, "wall");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.whatIf = new LatestWhatIf(stateDir.resolve("audit.jsonl"));
    }

    /** The book, once the loop has made its folder (the dashboard never creates one). */
    private synchronized Optional<ProposalBook> book() throws IOException {
        if (book == null && Files.isDirectory(stateDir.resolve("proposals"))) {
            book = ProposalBook.open(stateDir, wall);
        }
        return Optional.ofNullable(book);
    }

    @Override
    public List<ObjectNode> pending() {
        return proposals(true);
    }

    @Override
    public List<ObjectNode> recent() {
        return proposals(false).stream().limit(20).toList();
    }

    @Override
    public Optional<ObjectNode> latestWhatIf() {
        return whatIf.read();
    }

    private List<ObjectNode> proposals(boolean waiting) {
        try {
            Optional<ProposalBook> opened = book();
            if (opened.isEmpty()) {
                return List.of();
            }
            return opened.get().all().stream()
                    .filter(p -> (p.status() == ProposalStatus.PROPOSED) == waiting)
                    .sorted(Comparator.comparingInt(Proposal::number).reversed())
                    .map(this::view)
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private ObjectNode view(Proposal p) {
        ObjectNode json = ProposalJson.toJson(p);
        json.put("summary", p.id() + " · " + p.name() + " · " + p.describe());
        json.put("evidence", evidence(p));
        return json;
    }

    /** One line a planner can judge: the predicted effect with its interval, what it rests on. */
    private String evidence(Proposal p) {
        String effect = p.effect().map(this::effect).orElse("–");
        return messages.get(
                "dash.evidence.line",
                effect,
                messages.count(p.evidence().replications()),
                messages.duration(p.evidence().lookAheadSeconds()),
                p.evidence().trigger(),
                p.evidenceHash().substring(0, 12));
    }

    private String effect(Effect e) {
        String kpi = messages.has("kpi." + e.kpi()) ? messages.get("kpi." + e.kpi()) : e.kpi();
        return kpi + " " + (e.mean() > 0 ? "+" : "") + messages.number(e.mean()) + " [" + messages.number(e.ciLow())
                + ", " + messages.number(e.ciHigh()) + "] (" + (e.relative() > 0 ? "+" : "")
                + messages.percent(e.relative()) + ")";
    }

    @Override
    public Outcome approve(String proposal, String evidenceHash, String approver) {
        return decide("approve", book -> {
            Proposal p = book.approve(proposal, Optional.of(evidenceHash), approver, false);
            return messages.get("dash.approved", p.id(), approver);
        });
    }

    @Override
    public Outcome reject(String proposal, String approver, String reason) {
        return decide(
                "reject",
                book -> messages.get(
                        "dash.rejected", book.reject(proposal, reason, approver).id(), approver));
    }

    /** One decision on the book, once the loop has made it: what the page is told, and with which status. */
    private Outcome decide(String verb, Decision decision) {
        try {
            Optional<ProposalBook> opened = book();
            if (opened.isEmpty()) {
                return new Outcome(false, 404, stateDir + ": no live loop state here: nothing to " + verb);
            }
            return new Outcome(true, 200, decision.on(opened.get()));
        } catch (ProposalException e) {
            return new Outcome(false, e.kind() == ProposalException.Kind.UNKNOWN ? 404 : 409, e.getMessage());
        } catch (IOException e) {
            return new Outcome(false, 500, "state folder: " + e.getMessage());
        }
    }

    @FunctionalInterface
    private interface Decision {
        String on(ProposalBook book) throws IOException, ProposalException;
    }
}
