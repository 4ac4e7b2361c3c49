package io.linetwin.dashboard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The dashboard's port to the live loop's proposals: what is pending (with its evidence), and approve / reject
 * through the same command gate, approval record and audit log as the CLI. The dashboard never decides anything
 * itself; without a loop there is nothing to decide ({@link #NONE}).
 */
public interface Decisions {

    Decisions NONE = new Decisions() {
        @Override
        public List<ObjectNode> pending() {
            return List.of();
        }

        @Override
        public Outcome approve(String proposal, String evidenceHash, String approver) {
            return new Outcome(false, 404, "no live loop behind this dashboard: nothing to approve");
        }

        @Override
        public Outcome reject(String proposal, String approver, String reason) {
            return new Outcome(false, 404, "no live loop behind this dashboard: nothing to reject");
        }

        @Override
        public List<ObjectNode> recent() {
            return List.of();
        }

        @Override
        public Optional<ObjectNode> latestWhatIf() {
            return Optional.empty();
        }
    };

    /** The proposals waiting for a person, newest first, each with its change and evidence. */
    List<ObjectNode> pending();

    /** Decided proposals, newest first. */
    List<ObjectNode> recent();

    /** The loop's latest what-if: every candidate it tried with its effect and verdict, supported or not. */
    Optional<ObjectNode> latestWhatIf();

    /**
     * Approves {@code proposal} as resting on {@code evidenceHash} (what the page showed), so an approval never
     * carries over to evidence the person did not see.
     */
    Outcome approve(String proposal, String evidenceHash, String approver);

    Outcome reject(String proposal, String approver, String reason);

    /** What a decision came to: the HTTP status to answer and one line for the person. */
    record Outcome(boolean done, int status, String message) {}
}
