package io.linetwin.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linetwin.app.CliAccess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code live --embedded} twice on one state folder, as a user runs it: the second run's line is a new emulated line,
 * so the first run's proposal — approved in between — must not be passed to it as if it were its own. It is marked
 * expired (kept, audited), and the second run proposes on its own evidence.
 */
final class LiveEmbeddedTwiceIT {

    @TempDir
    Path dir;

    private CliAccess.Result live(Path state, Path json) {
        List<String> args = new ArrayList<>(List.of(
                "live",
                PressLine.library("press-line.yaml").toString(),
                "--embedded",
                "--no-health",
                "--speed",
                "1200",
                "--for",
                "1h",
                "--every",
                "1h",
                "--look-ahead",
                "2h",
                "--replications",
                "6",
                "--poll",
                "100ms",
                "--state",
                state.toString(),
                "--json",
                json.toString()));
        return CliAccess.run(args.toArray(String[]::new));
    }

    @Test
    void theSecondRunExpiresTheFirstRunsOpenProposalsAndActsOnlyOnItsOwn() throws Exception {
        Path state = dir.resolve("state");
        CliAccess.Result first = live(state, dir.resolve("first.json"));
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(first.out()).contains("P1 proposed: ");
        CliAccess.Result approval = CliAccess.run("approve", "P1", "--state", state.toString(), "--as", "ana");
        assertThat(approval.exitCode()).as(approval.out() + approval.err()).isZero();

        CliAccess.Result second = live(state, dir.resolve("second.json"));

        System.out.println(second.out());
        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
        assertThat(second.out())
                .contains("embedded: expired P1 (approved) of an earlier run: its emulated line ended with it (kept in "
                        + state + ", never acted on)");
        // Nothing of the second run speaks of P1 again: no dry run of its command, no refresh, no read-back.
        assertThat(second.out().lines().filter(l -> l.contains("P1")))
                .singleElement()
                .satisfies(l -> assertThat(l).startsWith("embedded: expired P1"));
        assertThat(second.out()).contains("P2 proposed: ");
        ObjectMapper mapper = new ObjectMapper();
        JsonNode p1 =
                mapper.readTree(state.resolve("proposals").resolve("P1.json").toFile());
        assertThat(p1.get("status").asText()).isEqualTo("expired");
        assertThat(p1.get("approval").get("by").asText()).isEqualTo("ana");
        JsonNode summary = mapper.readTree(dir.resolve("second.json").toFile());
        assertThat(summary.get("proposals"))
                .extracting(p -> p.get("id").asText())
                .containsExactly("P2");
        CliAccess.Result audit =
                CliAccess.run("audit", "verify", state.resolve("audit.jsonl").toString());
        assertThat(audit.exitCode()).as(audit.out() + audit.err()).isZero();
    }
}
