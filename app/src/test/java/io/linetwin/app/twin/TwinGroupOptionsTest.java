package io.linetwin.app.twin;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.app.CliAccess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code twin follow FILE FILE...} (a group's share of many lines) refuses options of the one-line twin it cannot
 * honour, and bad values, with one line and exit 2 before it connects to anything (the broker address is never used).
 */
final class TwinGroupOptionsTest {

    private static final String SCENARIO =
            Path.of("..", "scenarios", "bottling-line.yaml").toString();
    private static final String OTHER =
            Path.of("..", "scenarios", "automotive-body.yaml").toString();

    @Test
    void deadLettersToAFileAreOneLinesOption() {
        CliAccess.Result result = follow("--dead-letters", "refused.jsonl");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip())
                .startsWith("--dead-letters: one line's twin")
                .doesNotContain("\n");
    }

    @Test
    void aRevisionJumpBelowOneIsBadInputAsForOneLine() {
        CliAccess.Result result = follow("--max-revision-jump", "0");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("--max-revision-jump: expected a number >= 1, got 0");
    }

    @Test
    void aSnapshotFileIsOneLinesOption() {
        CliAccess.Result result = follow("--snapshot-out", "twin.json");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip())
                .startsWith("--snapshot-out: one line's file; with several FILEs use " + "--snapshot-dir");
    }

    private static CliAccess.Result follow(String... options) {
        List<String> args = new ArrayList<>(List.of("twin", "follow", SCENARIO, OTHER, "--kafka", "127.0.0.1:1"));
        args.addAll(List.of(options));
        return CliAccess.run(args.toArray(String[]::new));
    }
}
