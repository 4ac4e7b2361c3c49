package io.linetwin.loop.gate;

import io.linetwin.loop.Change;
import io.linetwin.loop.Numbers;
import io.linetwin.loop.ParameterLimits;
import io.linetwin.loop.TwinView;
import io.linetwin.loop.proposal.CommandRecord;
import io.linetwin.loop.proposal.Proposal;
import io.linetwin.loop.proposal.ProposalStatus;
import io.linetwin.twin.ParameterLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Every command to the line passes here; nothing else writes to it. A proposal passes only when a person approved it
 * (naming its current evidence), it was not rejected, its evidence is younger than the look-ahead, and each of its
 * changes sets a parameter the Thing declares writable to a value within the Thing's {@code min..max}, at most
 * {@code maxStep} from the twin's current value, no sooner than the rate limit after the last command to that
 * equipment, with no other command to the same parameter still waiting for its read-back, and under command ids
 * never sent before.
 */
public final class CommandGate {

    private final GateSettings settings;

    public CommandGate(GateSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public GateSettings settings() {
        return settings;
    }

    /**
     * @param all     every proposal of the state folder (for the rate limit, conflicts and used command ids)
     * @param lineNow the line's clock: the twin's latest event time
     */
    public GateVerdict check(Proposal p, TwinView twin, List<Proposal> all, Instant lineNow) {
        List<String> refusals = new ArrayList<>();
        if (p.status() == ProposalStatus.REJECTED || p.rejection().isPresent()) {
            refusals.add("rejected by "
                    + p.rejection().map(r -> r.by() + ": " + r.reason()).orElse("someone"));
        } else if (p.status() != ProposalStatus.APPROVED || p.approval().isEmpty()) {
            refusals.add("unapproved: " + p.id() + " is " + p.status().json());
        } else if (!p.approval().get().evidenceHash().equals(p.evidenceHash())) {
            refusals.add("stale approval: " + p.approval().get().by() + " approved evidence "
                    + p.approval().get().evidenceHash().substring(0, 12) + ", " + p.id() + " now rests on "
                    + p.evidenceHash().substring(0, 12));
        }
        double age = Duration.between(p.evidence().snapshotAt(), lineNow).toMillis() / 1000.0;
        if (age > settings.maxEvidenceAgeSeconds()) {
            refusals.add("evidence expired: the snapshot is " + Numbers.significant(age / 3600, 3)
                    + " h of line time old, the what-if looked "
                    + Numbers.significant(settings.maxEvidenceAgeSeconds() / 3600, 3) + " h ahead");
        }
        for (Change change : p.changes()) {
            checkChange(change, twin).ifPresent(refusals::add);
            rateLimit(p, change.station(), all, lineNow).ifPresent(refusals::add);
            conflict(p, change, all).ifPresent(refusals::add);
        }
        for (int i = 0; i < p.changes().size(); i++) {
            String id = p.commandId(i);
            if (p.commands().stream().anyMatch(c -> c.commandId().equals(id) && c.sent())) {
                continue;
            }
            for (Proposal other : all) {
                if (!other.id().equals(p.id())
                        && other.commands().stream().anyMatch(c -> c.commandId().equals(id) && c.sent())) {
                    refusals.add("duplicate command id: " + id + " was already sent (" + other.id() + ")");
                    break;
                }
            }
        }
        return new GateVerdict(refusals);
    }

    private static Optional<String> checkChange(Change change, TwinView twin) {
        String name = change.station() + "." + change.parameter();
        if (twin.thing(change.station()).isEmpty()) {
            return Optional.of("no equipment " + change.station() + " in the twin");
        }
        Optional<ParameterLimit> limit = twin.limit(change.station(), change.parameter());
        if (limit.isEmpty()) {
            return Optional.of("not writable: " + name + " has no min, max and maxStep on its Thing");
        }
        OptionalDouble current = twin.parameter(change.station(), change.parameter());
        if (current.isEmpty()) {
            return Optional.of("the twin reports no current value of " + name);
        }
        return ParameterLimits.check(
                new Change(change.station(), change.parameter(), current.getAsDouble(), change.to()), limit.get());
    }

    private Optional<String> rateLimit(Proposal p, String station, List<Proposal> all, Instant lineNow) {
        // A rollback undoes the command it follows; waiting out that command's rate limit would only delay the undo.
        Optional<Instant> last = all.stream()
                .filter(q -> !q.id().equals(p.id()) && !p.rollbackOf().equals(Optional.of(q.id())))
                .flatMap(q -> q.commands().stream())
                .filter(c -> c.station().equals(station) && c.sentAtLine().isPresent())
                .map(c -> c.sentAtLine().get())
                .max(Instant::compareTo);
        if (last.isEmpty()) {
            return Optional.empty();
        }
        Instant next = last.get().plusMillis(Math.round(settings.rateLimitSeconds() * 1000));
        if (lineNow.isBefore(next)) {
            return Optional.of("rate limit: the last command to " + station + " left at " + last.get()
                    + " (line time), the next may leave at " + next);
        }
        return Optional.empty();
    }

    private static Optional<String> conflict(Proposal p, Change change, List<Proposal> all) {
        for (Proposal q : all) {
            if (q.id().equals(p.id()) || !q.touches(change.station(), change.parameter())) {
                continue;
            }
            boolean inFlight = q.status() == ProposalStatus.SENT
                    || q.status() == ProposalStatus.APPROVED && !q.commands().isEmpty();
            if (inFlight) {
                return Optional.of("conflicting command pending: " + q.id() + " ("
                        + q.status().json() + ") also sets " + change.station() + "." + change.parameter());
            }
        }
        return Optional.empty();
    }

    /** The commands {@code p} needs, with their ids; {@code previous} from the twin's current values. */
    public static List<CommandRecord> commandsFor(Proposal p, TwinView twin, Instant wallNow) {
        List<CommandRecord> commands = new ArrayList<>();
        for (int i = 0; i < p.changes().size(); i++) {
            Change c = p.changes().get(i);
            double previous = twin.parameter(c.station(), c.parameter()).orElse(c.from());
            commands.add(new CommandRecord(
                    p.commandId(i),
                    twin.thingIdOf(c.station()).toString(),
                    c.station(),
                    c.parameter(),
                    c.to(),
                    previous,
                    wallNow,
                    Optional.empty(),
                    Optional.empty()));
        }
        return commands;
    }
}
