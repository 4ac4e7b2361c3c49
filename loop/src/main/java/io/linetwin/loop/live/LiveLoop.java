package io.linetwin.loop.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.linetwin.loop.Change;
import io.linetwin.loop.LoopKpi;
import io.linetwin.loop.TwinView;
import io.linetwin.loop.audit.AuditLog;
import io.linetwin.loop.gate.CommandChannel;
import io.linetwin.loop.gate.CommandGate;
import io.linetwin.loop.gate.GateVerdict;
import io.linetwin.loop.gate.LineCommands;
import io.linetwin.loop.gate.LineResponse;
import io.linetwin.loop.gate.LineResponses;
import io.linetwin.loop.proposal.CommandRecord;
import io.linetwin.loop.proposal.Effect;
import io.linetwin.loop.proposal.Evidence;
import io.linetwin.loop.proposal.Proposal;
import io.linetwin.loop.proposal.ProposalBook;
import io.linetwin.loop.proposal.ProposalException;
import io.linetwin.loop.proposal.ProposalJson;
import io.linetwin.loop.proposal.ProposalStatus;
import io.linetwin.loop.whatif.BottleneckSpeedRule;
import io.linetwin.loop.whatif.Candidate;
import io.linetwin.loop.whatif.CandidateOutcome;
import io.linetwin.loop.whatif.CandidatePlanner;
import io.linetwin.loop.whatif.CandidateSource;
import io.linetwin.loop.whatif.LongFailureRule;
import io.linetwin.loop.whatif.VariantCandidates;
import io.linetwin.loop.whatif.WhatIf;
import io.linetwin.loop.whatif.WhatIfResult;
import io.linetwin.model.LineState;
import io.linetwin.model.Scenario;
import io.linetwin.model.StationStatus;
import io.linetwin.sim.RunCancelledException;
import io.linetwin.sim.experiment.Estimate;
import io.linetwin.sim.experiment.Experiment;
import io.linetwin.sim.experiment.LocalEngine;
import io.linetwin.sim.experiment.ReplicationEngine;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.LineDescriptors;
import io.linetwin.twin.LineStateMapper;
import io.linetwin.twin.TwinEvent;
import io.linetwin.twin.TwinFeatures;
import io.linetwin.twin.sync.TwinHealth;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;

/**
 * The closed loop, one {@link #tick} at a time: keep the twin, run a what-if when one is due (warm-started from the
 * twin's snapshot), turn supported changes into proposals, pick up decisions on them, pass approved ones through the
 * {@link CommandGate} and send them (or, in a dry run, print them), and read back from the twin that the line took
 * them — or from the line's answers that it refused them. Every step goes through the {@link ProposalBook}, so it is
 * audited and survives a restart: {@link #start} re-applies audited decisions a crash cut short and asks the commands
 * topic which recorded intents already left. No what-if runs on a twin that is not keeping up with the line (its
 * consumer restarting or stopped, or lagging): the loop waits and says why.
 */
public final class LiveLoop {

    /** The audit entry of the line's answer to a command. */
    private static final String ANSWER = "lineAnswer";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Scenario scenario;
    private final String scenarioHash;
    private final LoopSettings settings;
    private final TwinFeed twin;
    private final ProposalBook book;
    private final Optional<CommandChannel> channel;
    private final LineResponses responses;
    private final LoopReport report;
    private final Clock wall;
    private final LineDescriptor descriptor;
    private final LineStateMapper mapper;
    private final WhatIf whatIf;
    private final List<CandidateSource> sources;
    private final CommandGate gate;
    private final Triggers triggers;
    private final ThroughputMeter meter;
    private final Set<String> wentDown = ConcurrentHashMap.newKeySet();
    private final Set<String> touched = new LinkedHashSet<>();
    private final Map<String, ProposalStatus> seen = new HashMap<>();
    /** Command ids whose answer from the line is in the audit log. */
    private final Set<String> answered = new HashSet<>();

    private String waitingFor;
    private Instant lineStart;
    private Instant lineNow;
    private int whatIfs;

    /**
     * @param scenarioHash SHA-256 of the scenario file, for the evidence
     * @param channel      where commands go; empty for a dry run
     * @param extraSources candidate sources beyond the scenario's variants and the built-in rules (the tuning result)
     */
    public LiveLoop(
            Scenario scenario,
            String scenarioHash,
            LoopSettings settings,
            TwinFeed twin,
            ProposalBook book,
            Optional<CommandChannel> channel,
            LoopReport report,
            Clock wall,
            List<CandidateSource> extraSources) {
        this(
                scenario,
                scenarioHash,
                settings,
                twin,
                book,
                channel,
                LineResponses.none(),
                report,
                wall,
                extraSources,
                new LocalEngine(settings.whatIf().threads()));
    }

    /**
     * @param responses the line's answers to commands (started by {@link #start}, closed by the caller, like the twin)
     */
    public LiveLoop(
            Scenario scenario,
            String scenarioHash,
            LoopSettings settings,
            TwinFeed twin,
            ProposalBook book,
            Optional<CommandChannel> channel,
            LineResponses responses,
            LoopReport report,
            Clock wall,
            List<CandidateSource> extraSources) {
        this(
                scenario,
                scenarioHash,
                settings,
                twin,
                book,
                channel,
                responses,
                report,
                wall,
                extraSources,
                new LocalEngine(settings.whatIf().threads()));
    }

    /** As above, with the what-ifs' replications on {@code engine} (a cluster), which the caller closes. */
    public LiveLoop(
            Scenario scenario,
            String scenarioHash,
            LoopSettings settings,
            TwinFeed twin,
            ProposalBook book,
            Optional<CommandChannel> channel,
            LineResponses responses,
            LoopReport report,
            Clock wall,
            List<CandidateSource> extraSources,
            ReplicationEngine engine) {
        this.responses = Objects.requireNonNull(responses, "responses");
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.scenarioHash = Objects.requireNonNull(scenarioHash, "scenarioHash");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.twin = Objects.requireNonNull(twin, "twin");
        this.book = Objects.requireNonNull(book, "book");
        this.channel = Objects.requireNonNull(channel, "channel");
        if (settings.send() != channel.isPresent()) {
            throw new IllegalArgumentException("a loop sends exactly when it has a command channel");
        }
        this.report = Objects.requireNonNull(report, "report");
        this.wall = Objects.requireNonNull(wall, "wall");
        this.descriptor = LineDescriptors.of(scenario.line());
        this.mapper = new LineStateMapper(descriptor.lineId());
        this.whatIf = new WhatIf(
                Experiment.baseline(scenario), scenario.experiment().startSecondsOfWeek(), settings.whatIf(), engine);
        List<CandidateSource> all = new ArrayList<>();
        all.add(new VariantCandidates(scenario));
        all.addAll(extraSources);
        all.add(new BottleneckSpeedRule());
        all.add(new LongFailureRule(settings.longRepairSeconds()));
        this.sources = List.copyOf(all);
        this.gate = new CommandGate(settings.gate());
        this.triggers = new Triggers(scenario.line(), settings);
        this.meter = new ThroughputMeter(scenario.line(), descriptor);
    }

    /** Starts the twin and resumes where a previous process stopped. */
    public void start() throws Exception {
        twin.store().addListener(this::watchDowns);
        twin.store().addListener(meter::observe);
        for (String id : book.recover()) {
            report.problem("recovered the audited decision on " + id + " that a crash kept from its file");
        }
        for (Proposal p : book.all()) {
            seen.put(p.id(), p.status());
        }
        if (channel.isPresent()) {
            recoverCommands(channel.get());
        }
        for (JsonNode entry : book.audit().read()) {
            if (ANSWER.equals(entry.path("type").asText())) {
                answered.add(entry.path("commandId").asText());
            }
        }
        responses.start();
        twin.start();
    }

    /** Intents recorded but not marked sent: the ones already on the commands topic are marked sent, not resent. */
    private void recoverCommands(CommandChannel commands) throws Exception {
        for (Proposal p : book.all()) {
            List<String> unsent = p.commands().stream()
                    .filter(c -> !c.sent())
                    .map(CommandRecord::commandId)
                    .toList();
            if (p.status() != ProposalStatus.APPROVED || unsent.isEmpty()) {
                continue;
            }
            Set<String> delivered = commands.delivered(unsent);
            Proposal current = p;
            for (String id : unsent) {
                if (delivered.contains(id)) {
                    current = markSent(
                            current, id, wall.instant(), current.evidence().snapshotAt(), true);
                }
            }
            touched.add(p.id());
        }
    }

    private void watchDowns(TwinEvent event) {
        if (!(event instanceof TwinEvent.Applied applied)) {
            return;
        }
        String path = applied.update().path().toString();
        Optional<JsonValue> value = applied.update().value();
        boolean down = path.equals("/features/" + TwinFeatures.STATUS + "/properties/" + TwinFeatures.STATE)
                && value.filter(JsonValue::isString)
                        .map(JsonValue::asString)
                        .filter(StationStatus.DOWN.json()::equals)
                        .isPresent();
        if (down) {
            descriptor.equipmentIdOf(applied.thingId()).ifPresent(wentDown::add);
        }
    }

    /** One pass of the loop; false once {@code --for} of line time has passed. */
    public boolean tick() throws IOException {
        Optional<Instant> time = twin.lineTime();
        if (time.isEmpty() || !twin.caughtUp()) {
            return true;
        }
        TwinView view = new TwinView(twin.store().snapshot(), descriptor);
        lineNow = view.snapshot().takenAt();
        if (lineStart == null) {
            lineStart = lineNow;
        }
        meter.sample(lineNow, view);
        noticeDecisions();
        readBack(view);
        Set<String> downs = new LinkedHashSet<>(wentDown);
        wentDown.removeAll(downs);
        Optional<String> due = triggers.due(lineNow, view, downs);
        Optional<TwinHealth> health = twin.health();
        if (due.isPresent() && keepsUp(health, due.get())) {
            runWhatIf(view, due.get(), health);
        }
        dispatch(view);
        return !finished();
    }

    public boolean finished() {
        return lineStart != null
                && settings.forSeconds().isPresent()
                && seconds(lineStart, lineNow) >= settings.forSeconds().getAsDouble();
    }

    /**
     * Whether the twin keeps up with the line, so that a what-if on it shows the line as it is. Says once why the loop
     * waits (a consumer restarting after a failure, stopped, or more than {@link TwinHealth#LAGGING_RECORDS} behind).
     */
    private boolean keepsUp(Optional<TwinHealth> health, String trigger) {
        Optional<String> behind = health.filter(h -> h.status().equals("lagging")
                        || h.status().equals("restarting")
                        || h.status().equals("stopped"))
                .map(TwinHealth::summary);
        if (behind.isEmpty()) {
            waitingFor = null;
            return true;
        }
        if (waitingFor == null) {
            waitingFor = trigger;
            report.problem("what-if (" + trigger + ") waits until the twin keeps up with the line: " + behind.get());
        }
        return false;
    }

    private void noticeDecisions() throws IOException {
        for (Proposal p : book.all()) {
            ProposalStatus before = seen.put(p.id(), p.status());
            if (before != null
                    && before != p.status()
                    && (p.status() == ProposalStatus.APPROVED || p.status() == ProposalStatus.REJECTED)) {
                touched.add(p.id());
                report.decided(p);
            }
        }
    }

    private void runWhatIf(TwinView view, String trigger, Optional<TwinHealth> health) throws IOException {
        whatIfs++;
        triggers.ran(lineNow);
        LineState start;
        try {
            start = mapper.map(view.snapshot(), EngineClock.secondsOf(lineNow, scenario.experiment()));
            whatIf.requireFits(start);
        } catch (IllegalArgumentException e) {
            report.problem("what-if at " + lineNow.truncatedTo(ChronoUnit.SECONDS)
                    + " skipped: the twin's state does not fit the line: " + e.getMessage());
            return;
        }
        List<Proposal> all = book.all();
        CandidatePlanner planner = new CandidatePlanner(sources, view.limits(), c -> veto(c, all));
        long seed = seedFor(lineNow);
        WhatIfResult result;
        try {
            result = whatIf.run(start, seed, planner);
        } catch (RuntimeException e) {
            if (cancelled(e)) {
                // Stopped (Ctrl-C): the interrupt goes on to whoever runs the loop.
                Thread.currentThread().interrupt();
                return;
            }
            report.problem("what-if at " + lineNow.truncatedTo(ChronoUnit.SECONDS) + " failed: " + e.getMessage());
            return;
        }
        Evidence evidence = new Evidence(
                seed,
                scenarioHash,
                lineNow,
                view.revisions(),
                settings.whatIf().lookAheadSeconds(),
                settings.whatIf().replications(),
                trigger);
        Map<CandidateOutcome, String> ids = new LinkedHashMap<>();
        List<Proposal> made = new ArrayList<>();
        List<Boolean> refreshed = new ArrayList<>();
        for (CandidateOutcome outcome : result.supported()) {
            Optional<Proposal> same = all.stream()
                    .filter(p -> p.status() == ProposalStatus.PROPOSED
                            && outcome.candidate().sameTargets(p.changes()))
                    .findFirst();
            Proposal p = same.isPresent()
                    ? refresh(same.get(), outcome, result, evidence)
                    : book.propose(
                            outcome.candidate().name(),
                            outcome.candidate().origin(),
                            outcome.candidate().changes(),
                            Optional.of(objective(outcome, result)),
                            guards(outcome, result),
                            Optional.of(outcome.prediction()),
                            evidence,
                            Optional.empty());
            ids.put(outcome, p.id());
            touched.add(p.id());
            if (p.status() != ProposalStatus.PROPOSED) {
                // Decided while the what-if ran: it keeps the evidence it was decided on, and the next pass reports
                // the decision.
                continue;
            }
            made.add(p);
            refreshed.add(same.isPresent());
            seen.put(p.id(), p.status());
        }
        ObjectNode entry = whatIfEntry(result, evidence, ids);
        if (health.isPresent()) {
            entry.set("twin", MAPPER.readTree(health.get().toJson().toString()));
        }
        book.note("whatIf", entry);
        report.whatIf(lineNow, trigger, result, ids, planner.dropped(), health);
        for (int i = 0; i < made.size(); i++) {
            report.proposed(made.get(i), refreshed.get(i));
        }
        autoApprove();
    }

    /**
     * Gives a proposal still {@code proposed} the new evidence; re-read under the folder's lock, so a decision taken
     * while the what-if ran is never overwritten (a decided proposal keeps the evidence it was decided on).
     */
    private Proposal refresh(Proposal seen, CandidateOutcome outcome, WhatIfResult result, Evidence evidence)
            throws IOException {
        return book.locked(() -> {
            Proposal old = book.find(seen.id()).orElse(seen);
            if (old.status() != ProposalStatus.PROPOSED) {
                return old;
            }
            Proposal fresh = old.refreshed(
                    outcome.candidate().changes(),
                    Optional.of(objective(outcome, result)),
                    guards(outcome, result),
                    Optional.of(outcome.prediction()),
                    evidence);
            ObjectNode fields = AuditLog.fields();
            fields.put("proposal", old.id());
            fields.put("previousEvidenceHash", old.evidenceHash());
            fields.put("evidenceHash", fresh.evidenceHash());
            fields.set("content", ProposalJson.toJson(fresh).get("evidence"));
            return book.record(fresh, "refresh", fields);
        });
    }

    private static boolean cancelled(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RunCancelledException || t instanceof InterruptedException) {
                return true;
            }
        }
        return Thread.currentThread().isInterrupted();
    }

    /** Leaves out a candidate for a parameter that another proposal is already on its way to change. */
    private static Optional<String> veto(Candidate candidate, List<Proposal> all) {
        for (Change change : candidate.changes()) {
            for (Proposal p : all) {
                boolean active = p.status() == ProposalStatus.PROPOSED
                        || p.status() == ProposalStatus.APPROVED
                        || p.status() == ProposalStatus.SENT;
                if (!active || !p.touches(change.station(), change.parameter())) {
                    continue;
                }
                if (p.status() == ProposalStatus.PROPOSED && candidate.sameTargets(p.changes())) {
                    continue;
                }
                return Optional.of(p.id() + " (" + p.status().json() + ") already sets " + change.station() + "."
                        + change.parameter());
            }
        }
        return Optional.empty();
    }

    private Effect objective(CandidateOutcome outcome, WhatIfResult result) {
        LoopKpi kpi = settings.whatIf().objective();
        return Effect.of(kpi.key(), outcome.difference(kpi), outcome.relativeEffect());
    }

    private Map<String, Effect> guards(CandidateOutcome outcome, WhatIfResult result) {
        Map<String, Effect> guards = new LinkedHashMap<>();
        for (LoopKpi kpi : settings.whatIf().guards()) {
            Estimate d = outcome.difference(kpi);
            double base = result.baseline().get(kpi).mean();
            double better = (kpi.higherIsBetter() ? 1 : -1) * d.mean();
            guards.put(kpi.key(), Effect.of(kpi.key(), d, base == 0 ? 0 : better / Math.abs(base)));
        }
        return guards;
    }

    private void autoApprove() throws IOException {
        if (settings.autoApprove().isEmpty()) {
            return;
        }
        AutoApprove auto = settings.autoApprove().get();
        for (Proposal p : book.all()) {
            if (p.status() != ProposalStatus.PROPOSED || auto.whyNot(p).isPresent()) {
                continue;
            }
            try {
                Proposal approved = book.approve(p.id(), Optional.of(p.evidenceHash()), "auto", true);
                seen.put(p.id(), approved.status());
                touched.add(p.id());
                report.autoApproved(approved, auto.describe());
            } catch (ProposalException e) {
                report.problem("auto-approval of " + p.id() + " refused: " + e.getMessage());
            }
        }
    }

    private void dispatch(TwinView view) throws IOException {
        for (Proposal p : book.all()) {
            if (p.status() != ProposalStatus.APPROVED) {
                continue;
            }
            if (!settings.send() && (p.dryRunAt().isPresent() || !p.commands().isEmpty())) {
                continue;
            }
            List<Proposal> all = book.all();
            GateVerdict verdict = gate.check(p, view, all, lineNow);
            touched.add(p.id());
            if (!verdict.passed()) {
                ObjectNode fields = AuditLog.fields();
                fields.put("proposal", p.id());
                fields.put("verdict", "refused");
                ArrayNode reasons = fields.putArray("reasons");
                verdict.refusals().forEach(reasons::add);
                fields.put("lineTime", lineNow.toString());
                Proposal refused = book.record(p.refused(verdict.reason()), "gate", fields);
                seen.put(p.id(), refused.status());
                report.refused(refused, verdict.reason());
                continue;
            }
            List<CommandRecord> commands =
                    p.commands().isEmpty() ? CommandGate.commandsFor(p, view, wall.instant()) : p.commands();
            if (!settings.send()) {
                ObjectNode fields = gatePassed(p, commands);
                Proposal printed = book.record(p.withCommands(List.of()).dryRun(wall.instant()), "dryRun", fields);
                report.dryRun(printed, commands.stream().map(LineCommands::json).toList());
                continue;
            }
            boolean retry = !p.commands().isEmpty();
            Proposal intent = retry ? p : book.record(p.withCommands(commands), "command", gatePassed(p, commands));
            send(intent, retry);
        }
    }

    private ObjectNode gatePassed(Proposal p, List<CommandRecord> commands) {
        ObjectNode fields = AuditLog.fields();
        fields.put("proposal", p.id());
        fields.put("verdict", "passed");
        fields.put("evidenceHash", p.evidenceHash());
        fields.put("approvedBy", p.approval().map(a -> a.by()).orElse(""));
        fields.put("lineTime", lineNow.toString());
        ArrayNode array = fields.putArray("commands");
        commands.forEach(c -> {
            ObjectNode command = ProposalJson.command(c);
            command.put("dittoProtocol", LineCommands.json(c));
            array.add(command);
        });
        return fields;
    }

    /**
     * Sends the commands not yet sent. A retry first asks the channel which already arrived: a send that failed on
     * this side (a lost acknowledgement, a timeout) may still have reached the topic.
     */
    private void send(Proposal intent, boolean retry) throws IOException {
        Proposal current = intent;
        if (retry) {
            List<String> unsent = intent.commands().stream()
                    .filter(c -> !c.sent())
                    .map(CommandRecord::commandId)
                    .toList();
            Set<String> delivered;
            try {
                delivered = channel.orElseThrow().delivered(unsent);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                report.problem(
                        "could not check the commands topic before resending " + intent.id() + ": " + e.getMessage());
                return;
            }
            for (String id : unsent) {
                if (delivered.contains(id)) {
                    current = markSent(current, id, wall.instant(), lineNow, true);
                }
            }
        }
        for (CommandRecord command : current.commands()) {
            if (command.sent()) {
                continue;
            }
            try {
                channel.orElseThrow().send(command);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                report.problem("command " + command.commandId() + " of " + intent.id()
                        + " did not leave (retrying with the same command id): " + e.getMessage());
                return;
            }
            current = markSent(current, command.commandId(), wall.instant(), lineNow, false);
        }
        report.sent(current);
    }

    private Proposal markSent(Proposal p, String commandId, Instant wallAt, Instant lineAt, boolean recovered)
            throws IOException {
        List<CommandRecord> commands = new ArrayList<>();
        for (CommandRecord c : p.commands()) {
            commands.add(c.commandId().equals(commandId) ? c.sent(wallAt, lineAt) : c);
        }
        Proposal next = p.withCommands(commands);
        if (commands.stream().allMatch(CommandRecord::sent)) {
            next = next.withStatus(ProposalStatus.SENT);
        }
        ObjectNode fields = AuditLog.fields();
        fields.put("proposal", p.id());
        fields.put("commandId", commandId);
        fields.put("lineTime", lineAt.toString());
        if (recovered) {
            fields.put("recovered", "found on the commands topic before a resend; not sent again");
        }
        Proposal written = book.record(next, "sent", fields);
        seen.put(p.id(), written.status());
        return written;
    }

    /**
     * For every sent proposal: a refusal from the line fails it at once, with the line's reason; the twin reporting
     * every new value confirms it; neither within {@code --confirm-timeout} fails it. A failed proposal gets a rollback
     * proposal for whatever may have taken effect (nothing, when the line refused every command). The line's answers
     * to any command are audited as they arrive.
     */
    private void readBack(TwinView view) throws IOException {
        for (Proposal p : book.all()) {
            Optional<LineResponse> refusal = answers(p);
            if (p.status() != ProposalStatus.SENT) {
                continue;
            }
            ObjectNode fields = AuditLog.fields();
            fields.put("proposal", p.id());
            fields.put("lineTime", lineNow.toString());
            ObjectNode values = fields.putObject("reported");
            p.changes()
                    .forEach(c -> view.parameter(c.station(), c.parameter()).ifPresent(v -> values.put(c.path(), v)));
            touched.add(p.id());
            if (refusal.isPresent()) {
                failRefused(p, view, refusal.get(), fields);
                continue;
            }
            boolean confirmed = p.changes().stream().allMatch(c -> {
                double reported = view.parameter(c.station(), c.parameter()).orElse(Double.NaN);
                return Math.abs(reported - c.to()) <= 1e-9 * Math.max(1, Math.abs(c.to()));
            });
            if (confirmed) {
                fields.put("confirmed", true);
                Proposal done = book.record(p.confirmed(lineNow), "readBack", fields);
                seen.put(p.id(), done.status());
                report.confirmed(done);
                if (p.rollbackOf().isPresent()) {
                    rolledBack(p.rollbackOf().get(), p.id());
                }
                continue;
            }
            Instant sentAt = p.commands().stream()
                    .map(c -> c.sentAt().orElseThrow())
                    .max(Instant::compareTo)
                    .orElseThrow();
            // Until the answers already on the topic are read, a refusal sent before a restart may still be there.
            if (!responses.caughtUp()
                    || Duration.between(sentAt, wall.instant()).compareTo(settings.confirmTimeout()) < 0) {
                continue;
            }
            String why = "no read-back: the twin did not report " + p.describe().replace("→", " → ") + " within "
                    + settings.confirmTimeout().toSeconds() + " s";
            List<Change> back = new ArrayList<>();
            for (Change c : p.changes()) {
                back.add(new Change(
                        c.station(),
                        c.parameter(),
                        view.parameter(c.station(), c.parameter()).orElse(c.to()),
                        c.from()));
            }
            Proposal rollback = proposeRollback(p, back, view);
            fields.put("confirmed", false);
            fields.put("reason", why);
            fields.put("rollback", rollback.id());
            Proposal failed = book.record(p.failed(why, rollback.id()), "readBack", fields);
            seen.put(p.id(), failed.status());
            report.failed(failed, rollback);
        }
    }

    /**
     * Audits the line's answers to {@code p}'s sent commands that arrived since the last pass, and returns the first
     * refusal among all its answers.
     */
    private Optional<LineResponse> answers(Proposal p) throws IOException {
        Optional<LineResponse> refusal = Optional.empty();
        for (CommandRecord c : p.commands()) {
            Optional<LineResponse> answer = c.sent() ? responses.answer(c.commandId()) : Optional.empty();
            if (answer.isEmpty()) {
                continue;
            }
            LineResponse a = answer.get();
            if (answered.add(c.commandId())) {
                ObjectNode fields = AuditLog.fields();
                fields.put("proposal", p.id());
                fields.put("commandId", c.commandId());
                fields.put("accepted", a.accepted());
                fields.put("status", a.status());
                a.errorCode().ifPresent(code -> fields.put("errorCode", code));
                a.refusal().ifPresent(code -> fields.put("refusal", code));
                if (!a.message().isEmpty()) {
                    fields.put("message", a.message());
                }
                fields.put("lineTime", lineNow.toString());
                book.note(ANSWER, fields);
                if (a.accepted() || p.status() != ProposalStatus.SENT) {
                    report.answered(p, a);
                }
            }
            if (!a.accepted() && refusal.isEmpty()) {
                refusal = answer;
            }
        }
        return refusal;
    }

    /**
     * The line refused a command of {@code p}: it failed now, with the line's reason. Only the changes whose commands
     * the line did not refuse may have taken effect; those (if any) get a rollback proposal.
     */
    private void failRefused(Proposal p, TwinView view, LineResponse refusal, ObjectNode fields) throws IOException {
        List<String> refused = new ArrayList<>();
        List<Change> back = new ArrayList<>();
        for (CommandRecord c : p.commands()) {
            Change change = p.changes().stream()
                    .filter(x ->
                            x.station().equals(c.station()) && x.parameter().equals(c.parameter()))
                    .findFirst()
                    .orElseThrow();
            if (responses.answer(c.commandId()).filter(a -> !a.accepted()).isPresent()) {
                refused.add(change.describe());
            } else {
                // Taken, or still on its way (the line answers a taken command once it is applied): undo its value.
                back.add(new Change(c.station(), c.parameter(), c.value(), change.from()));
            }
        }
        String why = "the line refused " + String.join(", ", refused) + ": " + refusal.reason();
        Optional<Proposal> rollback = back.isEmpty() ? Optional.empty() : Optional.of(proposeRollback(p, back, view));
        fields.put("confirmed", false);
        fields.put("reason", why);
        fields.put("commandId", refusal.commandId());
        rollback.ifPresent(r -> fields.put("rollback", r.id()));
        Proposal failed = book.record(p.failed(why, rollback.map(Proposal::id).orElse(null)), "readBack", fields);
        seen.put(p.id(), failed.status());
        report.lineRefused(failed, refusal, rollback);
    }

    /** A proposal to undo {@code back} of the failed {@code p}; it needs approval like any other. */
    private Proposal proposeRollback(Proposal p, List<Change> back, TwinView view) throws IOException {
        Evidence evidence = new Evidence(
                p.evidence().seed(),
                scenarioHash,
                lineNow,
                view.revisions(),
                p.evidence().lookAheadSeconds(),
                p.evidence().replications(),
                "read-back of " + p.id() + " failed");
        Proposal rollback = book.propose(
                "rollback-" + p.id(),
                "rollback",
                back,
                Optional.empty(),
                Map.of(),
                Optional.empty(),
                evidence,
                Optional.of(p.id()));
        seen.put(rollback.id(), rollback.status());
        touched.add(rollback.id());
        return rollback;
    }

    private void rolledBack(String originalId, String rollbackId) throws IOException {
        Optional<Proposal> original = book.find(originalId);
        if (original.isEmpty() || original.get().status() != ProposalStatus.FAILED) {
            return;
        }
        ObjectNode fields = AuditLog.fields();
        fields.put("proposal", originalId);
        fields.put("rollback", rollbackId);
        book.record(original.get().withStatus(ProposalStatus.ROLLED_BACK), "rolledBack", fields);
        seen.put(originalId, ProposalStatus.ROLLED_BACK);
        touched.add(originalId);
    }

    private ObjectNode whatIfEntry(WhatIfResult result, Evidence evidence, Map<CandidateOutcome, String> ids) {
        ObjectNode fields = AuditLog.fields();
        fields.put("trigger", evidence.trigger());
        fields.put("snapshotAt", evidence.snapshotAt().toString());
        fields.put("revisionSum", evidence.revisionSum());
        fields.put("seed", result.seed());
        fields.put("replications", result.settings().replications());
        fields.put("lookAheadSeconds", result.settings().lookAheadSeconds());
        ArrayNode candidates = fields.putArray("candidates");
        for (CandidateOutcome o : result.outcomes()) {
            ObjectNode c = candidates.addObject();
            c.put("name", o.candidate().name());
            c.put("origin", o.candidate().origin());
            c.put("change", o.candidate().describe());
            Estimate d = o.difference(settings.whatIf().objective());
            c.put("effect", d.mean());
            c.put("ciLow", d.ciLow().orElse(Double.NaN));
            c.put("ciHigh", d.ciHigh().orElse(Double.NaN));
            c.put("verdict", o.verdict());
            if (ids.containsKey(o)) {
                c.put("proposal", ids.get(o));
            }
        }
        return fields;
    }

    /** The what-if's seed: the scenario's, mixed with the snapshot's line time (reproducible from the evidence). */
    private long seedFor(Instant at) {
        long z = scenario.experiment().seed() + 0x9E3779B97F4A7C15L * (at.toEpochMilli() + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    /** The run so far, for {@code --json}. */
    public LiveSummary summary() throws IOException {
        List<Proposal> proposals = new ArrayList<>();
        for (String id : touched) {
            book.find(id).ifPresent(proposals::add);
        }
        proposals.sort(java.util.Comparator.comparingInt(Proposal::number));
        return new LiveSummary(
                scenario.name(),
                descriptor.lineId().toString(),
                !settings.send(),
                lineStart,
                lineNow,
                whatIfs,
                proposals,
                meter,
                settings.whatIf().lookAheadSeconds(),
                settings.minBeforeSeconds(),
                twin.health());
    }

    public int whatIfs() {
        return whatIfs;
    }

    public Optional<Instant> lineNow() {
        return Optional.ofNullable(lineNow);
    }

    /** The line's thing id, for messages. */
    public ThingId lineId() {
        return descriptor.lineId();
    }
}
