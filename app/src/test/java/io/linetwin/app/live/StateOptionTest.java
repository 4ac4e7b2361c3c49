package io.linetwin.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each {@code live --embedded} run without --state gets a folder no earlier run used. */
final class StateOptionTest {

    @TempDir
    Path root;

    @Test
    void runsOfTheSameSecondGetFoldersOfTheirOwnAndAnEarlierOneIsLeftAsItIs() throws Exception {
        Instant start = Instant.parse("2026-12-05T08:01:02.750Z");
        Path first = StateOption.freshEmbedded(root, start);
        Files.writeString(first.resolve("audit.jsonl"), "kept\n");

        Path second = StateOption.freshEmbedded(root, start);
        Path third = StateOption.freshEmbedded(root, start.plusMillis(100));
        Path later = StateOption.freshEmbedded(root, start.plusSeconds(1));

        assertThat(first).isEqualTo(root.resolve("embedded").resolve("20261205-080102"));
        assertThat(second).isEqualTo(root.resolve("embedded").resolve("20261205-080102-2"));
        assertThat(third).isEqualTo(root.resolve("embedded").resolve("20261205-080102-3"));
        assertThat(later).isEqualTo(root.resolve("embedded").resolve("20261205-080103"));
        assertThat(Files.readString(first.resolve("audit.jsonl"))).isEqualTo("kept\n");
        try (var listing = Files.list(second)) {
            assertThat(listing).isEmpty();
        }
    }
}
