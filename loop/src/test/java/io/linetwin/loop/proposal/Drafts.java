package io.linetwin.loop.proposal;

import io.linetwin.loop.Change;
import io.linetwin.loop.whatif.Prediction;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Proposals as the live loop writes them, with made-up but consistent evidence. */
public final class Drafts {

    private Drafts() {}

    public static Evidence evidence(Instant snapshotAt) {
        return new Evidence(
                42,
                "ab".repeat(32),
                snapshotAt,
                Map.of("plant3:press.press", 7L, "plant3:press.blanker", 3L),
                8 * 3600,
                10,
                "start");
    }

    public static Proposal propose(ProposalBook book, Instant snapshotAt, Change... changes) throws IOException {
        return book.propose(
                "test-change",
                "test",
                List.of(changes),
                Optional.of(new Effect("throughputPerHour", 25, 20, 30, 0.2)),
                Map.of("leadTimeSeconds", new Effect("leadTimeSeconds", -10, -20, 0, 0.05)),
                Optional.of(new Prediction("throughputPerHour", 150, 4, 10, 8 * 3600)),
                evidence(snapshotAt),
                Optional.empty());
    }
}
