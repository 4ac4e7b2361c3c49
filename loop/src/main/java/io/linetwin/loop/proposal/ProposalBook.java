package io.linetwin.loop.proposal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.linetwin.loop.Change;
import io.linetwin.loop.audit.AuditLog;
import io.linetwin.loop.state.StateDir;
import io.linetwin.loop.whatif.Prediction;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The proposals of one state folder and every decision on them, as a library: the live loop, the CLI's
 * {@code proposals}/{@code approve}/{@code reject} and the dashboard all go through it, so they share one set of
 * files, one lock and one audit log. Each decision is audited first and then written (atomically), both under the
 * folder's lock; {@link #recover} re-applies an audited decision whose file write a crash cut off.
 */
public final class ProposalBook {

    private static final Pattern FILE = Pattern.compile("P[1-9][0-9]*\\.json");

    private final StateDir dir;
    private final AuditLog audit;
    private final Clock wall;

    private ProposalBook(StateDir dir, Clock wall) {
        this.dir = dir;
        this.wall = wall;
        this.audit = new AuditLog(dir.auditFile(), wall);
    }

    public static ProposalBook open(Path stateDir, Clock wall) throws IOException {
        return new ProposalBook(StateDir.open(stateDir), wall);
    }

    public StateDir dir() {
        return dir;
    }

    public AuditLog audit() {
        return audit;
    }

    public Clock wall() {
        return wall;
    }

    public <T> T locked(StateDir.Locked<T> action) throws IOException {
        return dir.locked(action);
    }

    /** Every proposal, oldest first. */
    public List<Proposal> all() throws IOException {
        List<Proposal> proposals = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir.proposals())) {
            for (Path file : files) {
                if (FILE.matcher(file.getFileName().toString()).matches()) {
                    proposals.add(read(file));
                }
            }
        }
        proposals.sort(Comparator.comparingInt(Proposal::number));
        return proposals;
    }

    public Optional<Proposal> find(String id) throws IOException {
        Path file = fileOf(id);
        return Files.exists(file) ? Optional.of(read(file)) : Optional.empty();
    }

    private Path fileOf(String id) {
        return dir.proposals().resolve(id + ".json");
    }

    private static Proposal read(Path file) throws IOException {
        try {
            return ProposalJson.fromJson(ProposalJson.MAPPER.readTree(file.toFile()));
        } catch (IOException | RuntimeException e) {
            throw new IOException(file + ": not a proposal: " + e.getMessage(), e);
        }
    }

    /** A new proposal, numbered after the folder's last one, audited and written. */
    public Proposal propose(
            String name,
            String origin,
            List<Change> changes,
            Optional<Effect> effect,
            Map<String, Effect> guards,
            Optional<Prediction> prediction,
            Evidence evidence,
            Optional<String> rollbackOf)
            throws IOException {
        return locked(() -> {
            int next = all().stream().mapToInt(Proposal::number).max().orElse(0) + 1;
            Proposal proposal = EvidenceHash.stamp(new Proposal(
                    "P" + next,
                    wall.instant(),
                    name,
                    origin,
                    changes,
                    effect,
                    guards,
                    prediction,
                    evidence,
                    "",
                    ProposalStatus.PROPOSED,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    List.of(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    rollbackOf,
                    Optional.empty()));
            ObjectNode fields = AuditLog.fields();
            fields.put("proposal", proposal.id());
            fields.put("name", name);
            fields.put("origin", origin);
            fields.set("change", ProposalJson.changeMap(proposal));
            fields.set("content", ProposalJson.evidenceContent(proposal));
            fields.put("evidenceHash", proposal.evidenceHash());
            return record(proposal, "proposal", fields);
        });
    }

    /**
     * Approves proposal {@code id} as it stands with evidence {@code evidenceHash} (empty: the evidence it has now,
     * which the approval then names). A proposal that moved on, or whose evidence changed, is not approved; the
     * attempt is audited either way.
     */
    public Proposal approve(String id, Optional<String> evidenceHash, String by, boolean automatic)
            throws IOException, ProposalException {
        try {
            return locked(() -> {
                Proposal proposal = pending(id, "approve");
                if (evidenceHash.isPresent() && !proposal.evidenceHash().startsWith(evidenceHash.get())) {
                    refuse(
                            "approval",
                            id,
                            by,
                            "stale evidence: approval names " + evidenceHash.get() + ", " + id + " now rests on "
                                    + proposal.evidenceHash());
                }
                Approval approval = new Approval(by, wall.instant(), proposal.evidenceHash(), automatic);
                ObjectNode fields = AuditLog.fields();
                fields.put("proposal", id);
                fields.put("by", by);
                fields.put("automatic", automatic);
                fields.put("evidenceHash", proposal.evidenceHash());
                return record(proposal.approved(approval), "approval", fields);
            });
        } catch (Refused r) {
            throw r.exception;
        }
    }

    public Proposal reject(String id, String reason, String by) throws IOException, ProposalException {
        try {
            return locked(() -> {
                Proposal proposal = pending(id, "reject");
                ObjectNode fields = AuditLog.fields();
                fields.put("proposal", id);
                fields.put("by", by);
                fields.put("reason", reason);
                fields.put("evidenceHash", proposal.evidenceHash());
                return record(proposal.rejected(new Rejection(by, wall.instant(), reason)), "rejection", fields);
            });
        } catch (Refused r) {
            throw r.exception;
        }
    }

    /** Thrown through {@link StateDir.Locked} (which only passes IOExceptions) and unwrapped. */
    private static final class Refused extends IOException {
        final transient ProposalException exception;

        Refused(ProposalException exception) {
            super(exception.getMessage());
            this.exception = exception;
        }
    }

    private Proposal pending(String id, String action) throws IOException {
        Optional<Proposal> found = find(id);
        if (found.isEmpty()) {
            throw new Refused(
                    new ProposalException(ProposalException.Kind.UNKNOWN, "no proposal " + id + " in " + dir.root()));
        }
        Proposal proposal = found.get();
        if (proposal.status() != ProposalStatus.PROPOSED) {
            throw new Refused(new ProposalException(
                    ProposalException.Kind.NOT_PENDING,
                    "cannot " + action + " " + id + ": it is "
                            + proposal.status().json() + ", not proposed"));
        }
        return proposal;
    }

    private void refuse(String what, String id, String by, String why) throws IOException {
        ObjectNode fields = AuditLog.fields();
        fields.put("proposal", id);
        fields.put("by", by);
        fields.put("reason", why);
        audit.append(what + "Refused", fields);
        throw new Refused(new ProposalException(ProposalException.Kind.STALE_EVIDENCE, why));
    }

    /** Audits {@code fields} as an entry of {@code type}, then writes {@code proposal}; under the lock. */
    public Proposal record(Proposal proposal, String type, ObjectNode fields) throws IOException {
        return locked(() -> {
            audit.append(type, fields);
            write(proposal);
            return proposal;
        });
    }

    /** Audits an entry that changes no proposal (a what-if, a dry run's command, a refusal to act). */
    public void note(String type, ObjectNode fields) throws IOException {
        locked(() -> audit.append(type, fields));
    }

    /**
     * Marks every open proposal ({@link ProposalStatus#open}) {@code expired}, audited with {@code reason}: their line
     * is gone, so nothing may act on them. Nothing is removed; returns the proposals it expired.
     */
    public List<Proposal> expireOpen(String reason) throws IOException {
        return locked(() -> {
            List<Proposal> expired = new ArrayList<>();
            for (Proposal p : all()) {
                if (!p.status().open()) {
                    continue;
                }
                ObjectNode fields = AuditLog.fields();
                fields.put("proposal", p.id());
                fields.put("previousStatus", p.status().json());
                fields.put("reason", reason);
                fields.put("evidenceHash", p.evidenceHash());
                expired.add(record(p.withStatus(ProposalStatus.EXPIRED), "expired", fields));
            }
            return expired;
        });
    }

    /**
     * Re-applies decisions the audit log holds but a proposal file does not — a process killed between the two
     * writes: approvals and rejections of proposals still {@code proposed} with the same evidence. (Whether a
     * command left is for the commands topic to say, not the log.) Returns the proposals it repaired.
     */
    public List<String> recover() throws IOException {
        return locked(() -> {
            List<String> repaired = new ArrayList<>();
            for (JsonNode entry : audit.read()) {
                String type = entry.path("type").asText();
                String id = entry.path("proposal").asText("");
                Optional<Proposal> found = id.isEmpty() ? Optional.empty() : find(id);
                if (found.isEmpty()) {
                    continue;
                }
                Proposal p = found.get();
                String hash = entry.path("evidenceHash").asText("");
                if (type.equals("approval")
                        && p.status() == ProposalStatus.PROPOSED
                        && p.evidenceHash().equals(hash)) {
                    write(p.approved(new Approval(
                            entry.path("by").asText(),
                            java.time.Instant.parse(entry.path("at").asText()),
                            hash,
                            entry.path("automatic").asBoolean())));
                    repaired.add(id);
                } else if (type.equals("rejection")
                        && p.status() == ProposalStatus.PROPOSED
                        && p.evidenceHash().equals(hash)) {
                    write(p.rejected(new Rejection(
                            entry.path("by").asText(),
                            java.time.Instant.parse(entry.path("at").asText()),
                            entry.path("reason").asText())));
                    repaired.add(id);
                }
            }
            return repaired;
        });
    }

    private void write(Proposal proposal) throws IOException {
        StateDir.writeAtomically(
                fileOf(proposal.id()),
                ProposalJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(ProposalJson.toJson(proposal)));
    }
}
