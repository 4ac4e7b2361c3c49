package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.scenario.ScenarioLoader;
import io.linetwin.twin.DittoMessages;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.LineDescriptors;
import io.linetwin.twin.TwinStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.ditto.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class HealthRiskCommandTest {

    @TempDir
    Path dir;

    @Test
    void reportsRiskLossAndTheBestWindowPerMachine() throws IOException {
        Path file = dir.resolve("press.yaml");
        Files.writeString(file, """
                schema: linetwin/v1
                name: stamping
                line:
                  stations:
                    - { id: press, kind: machine, process: { dist: constant, value: 1s } }
                experiment: { horizon: 2d, replications: 2, seed: 3, start: "sat 00:00" }
                """);

        Cli cli = Cli.run("health", "risk", file.toString(), "--rul", "press=10h,0s", "--repair", "4h",
                "--maintenance", "1h", "--window-step", "6h");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        // Fails after 10 h of work (the press always works): 0 % within 8 h, certain within 24 h; the 4 h repair
        // loses 14,400 one-second parts; maintaining 1 h at the first window (Sat 00:00) loses 3,600 instead.
        String row = cli.out().lines().filter(l -> l.startsWith("press")).findFirst().orElseThrow();
        assertThat(row.split("\\s+")).containsSubsequence("press", "0%", "100%", "100%");
        assertThat(row).containsPattern("14,40[01]").contains("Sat 00:00").containsPattern("3,60[01]");
    }

    @Test
    void takesTheRemainingLifeOfMachinesFromTheTwinSnapshot() throws Exception {
        Path bottling = Scenarios.library().resolve("bottling-line.yaml");
        LineDescriptor line = LineDescriptors.of(ScenarioLoader.load(bottling).line());
        Instant monday = Instant.parse("2026-11-30T06:00:00Z");
        TwinStore store = TwinStore.of(line, Clock.fixed(monday, ZoneOffset.UTC));
        store.apply(DittoMessages.toJson(DittoMessages.propertyModified(line.thingIdOf("filler"), "health", "rul",
                JsonObject.newBuilder().set("seconds", 36000).set("sdSeconds", 3600).build(), 1, monday)));
        Path snapshot = dir.resolve("twin.json");
        store.snapshot().write(snapshot);

        Cli cli = Cli.run("health", "risk", bottling.toString(), "--from-twin", snapshot.toString(),
                "--horizon", "1d", "--replications", "2", "--window-step", "12h");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        List<String> rows = cli.out().lines().filter(l -> l.matches("^[a-z-]+ +\\d+%.*")).toList();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).startsWith("filler");
    }

    @Test
    void withoutAnyEstimateItSaysWhatItNeeds() {
        Cli cli = Cli.run("health", "risk", Scenarios.library().resolve("bottling-line.yaml").toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("no remaining-life estimate");
    }

    @Test
    void anUnknownMachineIsBadInput() {
        Cli cli = Cli.run("health", "risk", Scenarios.library().resolve("bottling-line.yaml").toString(),
                "--rul", "fillr=30h");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err().strip()).isEqualTo("--rul: no machine 'fillr' in bottling-line");
    }
}
