package io.linetwin.loop.proposal;

import io.linetwin.loop.Change;
import io.linetwin.loop.whatif.Prediction;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A change the what-if supports, on its way to the line. Immutable: every step (approval, gate verdict, send,
 * read-back) makes a new copy that the {@link ProposalBook} writes and audits.
 *
 * @param id           {@code P1}, {@code P2}, ... in order of creation in one state folder
 * @param name         the candidate's name ({@code faster-filler}, {@code raise-filler-speed}, {@code rollback-P3})
 * @param origin       where the candidate came from ({@code variant}, {@code rule:bottleneck}, {@code rollback})
 * @param effect       the objective's expected difference (empty for a rollback, which undoes a change that did not
 *                     take)
 * @param guards       the guarded KPIs' expected differences
 * @param prediction   the objective with the change in place, for comparing with what the line then measures
 * @param evidenceHash SHA-256 of the changes, effects, prediction and evidence; an approval names it
 * @param refusal      why the gate refused it
 * @param dryRunAt     when a dry run printed its commands instead of sending them
 * @param confirmedAt  line time the twin first reported every new value
 * @param failure      why it failed (no confirmation in time)
 * @param rollbackOf   the failed proposal this one undoes
 * @param rollback     the proposal that undoes this failed one
 */
public record Proposal(
        String id,
        Instant createdAt,
        String name,
        String origin,
        List<Change> changes,
        Optional<Effect> effect,
        Map<String, Effect> guards,
        Optional<Prediction> prediction,
        Evidence evidence,
        String evidenceHash,
        ProposalStatus status,
        Optional<Approval> approval,
        Optional<Rejection> rejection,
        Optional<String> refusal,
        List<CommandRecord> commands,
        Optional<Instant> dryRunAt,
        Optional<Instant> confirmedAt,
        Optional<String> failure,
        Optional<String> rollbackOf,
        Optional<String> rollback) {

    private static final Pattern ID = Pattern.compile("P[1-9][0-9]*");

    public Proposal {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("proposal id must look like P12, got " + id);
        }
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(origin, "origin");
        changes = List.copyOf(changes);
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("proposal " + id + " needs >= 1 change, got 0");
        }
        Objects.requireNonNull(effect, "effect");
        guards = Collections.unmodifiableMap(new LinkedHashMap<>(guards));
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(evidenceHash, "evidenceHash");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(approval, "approval");
        Objects.requireNonNull(rejection, "rejection");
        Objects.requireNonNull(refusal, "refusal");
        commands = List.copyOf(commands);
        Objects.requireNonNull(dryRunAt, "dryRunAt");
        Objects.requireNonNull(confirmedAt, "confirmedAt");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(rollbackOf, "rollbackOf");
        Objects.requireNonNull(rollback, "rollback");
    }

    /** The number in the id, for ordering. */
    public int number() {
        return Integer.parseInt(id.substring(1));
    }

    /** The change as {@code path → value}, as the summary JSON and a variant's {@code set} write it. */
    public Map<String, Double> changeMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        changes.forEach(c -> map.put(c.path(), c.to()));
        return map;
    }

    public String describe() {
        return String.join(", ", changes.stream().map(Change::describe).toList());
    }

    /** The command id of change {@code index}: the same for every attempt at the same proposal and evidence. */
    public String commandId(int index) {
        return "linetwin:" + id + ":" + index + ":" + evidenceHash.substring(0, 12);
    }

    public Proposal withStatus(ProposalStatus newStatus) {
        return new Proposal(
                id,
                createdAt,
                name,
                origin,
                changes,
                effect,
                guards,
                prediction,
                evidence,
                evidenceHash,
                newStatus,
                approval,
                rejection,
                refusal,
                commands,
                dryRunAt,
                confirmedAt,
                failure,
                rollbackOf,
                rollback);
    }

    public Proposal approved(Approval by) {
        return new Proposal(
                id,
                createdAt,
                name,
                origin,
                changes,
                effect,
                guards,
                prediction,
                evidence,
                evidenceHash,
                ProposalStatus.APPROVED,
                Optional.of(by),
                rejection,
                refusal,
                commands,
                dryRunAt,
                confirmedAt,
                failure,
                rollbackOf,
                rollback);
    }

    public Proposal rejected(Rejection by) {
        return new Proposal(
                id,
                createdAt,
                name,
                origin,
                changes,
                effect,
                guards,
                prediction,
                evidence,
                evidenceHash,
                ProposalStatus.REJECTED,
                approval,
                Optional.of(by),
                refusal,
                commands,
                dryRunAt,
                confirmedAt,
                failure,
                rollbackOf,
                rollback);
    }

    public Proposal refused(String why) {
        return new Proposal(
                id,
                createdAt,
                name,
                origin,
                changes,
                effect,
                guards,
                prediction,
                evidence,
                evidenceHash,
                ProposalStatus.REFUSED,
                approval,
                rejection,
                Optional.of(why),
                commands,
                dryRunAt,
                confirmedAt,
                failure,
                rollbackOf,
                rollback);
    }

    public Proposal withCommands(List<CommandRecord> newCommands) {
        return new Proposal(
                id,
                createdAt,
                name,
                origin,
                changes,
                effect,
                guards,
                prediction,
                evidence,
                evidenceHash,
                status,
                approval,
                rejection,
                refusal,
                newCommands,
                dryRunAt,
                confirmedAt,
                failure,
                rollbackOf,
                rollback);
    }

    public Proposal dryRun(Instant at) {
        return new Proposal(
                id,
                createdAt,
                name,
                origin,
                changes,
                effect,
                guards,
                prediction,
                evidence,
                evidenceHash,
                status,
                approval,
                rejection,
                refusal,
                commands,
                Optional.of(at),
                confirmedAt,
                failure,
                rollbackOf,
                rollback);
    }

    public Proposal confirmed(Instant lineTime) {
        return new Proposal(
                id,
                createdAt,
                name,
                origin,
                changes,
                effect,
                guards,
                prediction,
                evidence,
                evidenceHash,
                ProposalStatus.CONFIRMED,
                approval,
                rejection,
                refusal,
                commands,
                dryRunAt,
                Optional.of(lineTime),
                failure,
                rollbackOf,
                rollback);
    }

    public Proposal failed(String why, String rollbackId) {
        return new Proposal(
                id,
                createdAt,
                name,
                origin,
                changes,
                effect,
                guards,
                prediction,
                evidence,
                evidenceHash,
                ProposalStatus.FAILED,
                approval,
                rejection,
                refusal,
                commands,
                dryRunAt,
                confirmedAt,
                Optional.of(why),
                rollbackOf,
                Optional.ofNullable(rollbackId));
    }

    /** The same proposal with the evidence of a newer what-if (only while nobody has decided on it). */
    public Proposal refreshed(
            List<Change> newChanges,
            Optional<Effect> newEffect,
            Map<String, Effect> newGuards,
            Optional<Prediction> newPrediction,
            Evidence newEvidence) {
        if (status != ProposalStatus.PROPOSED) {
            throw new IllegalStateException(
                    "only a proposed proposal takes new evidence, " + id + " is " + status.json());
        }
        return EvidenceHash.stamp(new Proposal(
                id,
                createdAt,
                name,
                origin,
                newChanges,
                newEffect,
                newGuards,
                newPrediction,
                newEvidence,
                evidenceHash,
                status,
                approval,
                rejection,
                refusal,
                commands,
                dryRunAt,
                confirmedAt,
                failure,
                rollbackOf,
                rollback));
    }

    /** True when the proposal sets {@code station.parameter} (to anything). */
    public boolean touches(String station, String parameter) {
        return changes.stream()
                .anyMatch(c -> c.station().equals(station) && c.parameter().equals(parameter));
    }
}
