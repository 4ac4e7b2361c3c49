package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
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

        Cli cli = Cli.run(
                "health",
                "risk",
                file.toString(),
                "--rul",
                "press=10h,0s",
                "--repair",
                "4h",
                "--maintenance",
                "1h",
                "--window-step",
                "6h");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        // Fails after 10 h of work (the press always works): 0 % within 8 h, certain within 24 h; the 4 h repair
        // loses 14,400 one-second parts; maintaining 1 h at the first window (Sat 00:00) loses 3,600 instead.
        String row =
                cli.out().lines().filter(l -> l.startsWith("press")).findFirst().orElseThrow();
        assertThat(row.split("\\s+")).containsSubsequence("press", "0%", "100%", "100%");
        assertThat(row)
                .containsPattern("14,40[01]")
                .contains("Sat 00:00 - Sat 01:00 (step)")
                .containsPattern("3,60[01]");
        assertThat(cli.out()).contains("losses in parts, maintenance 1h");
    }

    @Test
    void onShiftsTheBestWindowIsABreakAndTheJsonHasTheLossAtEveryCandidate() throws IOException {
        Path file = pressOnShifts("2d", "mon 08:00");
        Path json = dir.resolve("risk.json");

        Cli cli = Cli.run(
                "health",
                "risk",
                file.toString(),
                "--rul",
                "press=10h,0s",
                "--repair",
                "4h",
                "--maintenance",
                "2h",
                "--json",
                json.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        // 10 h of work from Mon 08:00 ends Mon 18:30; the repair loses the 3.5 h to 22:00 (12,600 parts). Maintaining
        // from the 12:00 break loses 12:30-14:00 (5,400); at once 7,200; at night the failure has come already.
        String row =
                cli.out().lines().filter(l -> l.startsWith("press")).findFirst().orElseThrow();
        assertThat(row)
                .containsPattern("12,[56]\\d\\d")
                .contains("Mon 12:00 - Mon 14:00 (break)")
                .containsPattern("5,[34]\\d\\d");
        // "loss if maintained now": from Mon 08:00, the whole 2 h on shift
        assertThat(row).containsPattern("12,[56]\\d\\d \\[.*\\] +7,[12]\\d\\d");
        JsonNode press =
                new ObjectMapper().readTree(json.toFile()).path("machines").path("press");
        assertThat(press.path("bestWindow").path("at").asText()).isEqualTo("Mon 12:00");
        assertThat(press.path("bestWindow").path("kind").asText()).isEqualTo("break");
        assertThat(press.path("bestWindow").path("end").asText()).isEqualTo("Mon 14:00");
        List<String> kinds = new ArrayList<>();
        List<Double> losses = new ArrayList<>();
        press.path("windows").forEach(w -> {
            kinds.add(w.path("at").asText() + " " + w.path("kind").asText());
            losses.add(w.path("lossParts").path("mean").asDouble());
        });
        assertThat(kinds)
                .containsExactly(
                        "Mon 08:00 now",
                        "Mon 12:00 break",
                        "Mon 22:00 off-shift",
                        "Tue 12:00 break",
                        "Tue 22:00 off-shift");
        assertThat(losses)
                .usingElementComparator((a, b) -> Math.abs(a - b) <= 1.0 ? 0 : Double.compare(a, b))
                .containsExactly(7200.0, 5400.0, 12600.0, 18000.0, 12600.0);
        assertThat(press.path("riskOfFailureWithin").path("24h").asDouble()).isEqualTo(1.0);
    }

    @Test
    void aScenarioWithAStartDateGivesTheWindowsAsDates() throws IOException {
        // As above, from Monday 2026-12-07 08:00: the windows read as dates, the second day's too.
        Path file = pressOnShifts("1d16h", "2026-12-07 08:00");
        Path json = dir.resolve("risk-dated.json");

        Cli cli = Cli.run(
                "health",
                "risk",
                file.toString(),
                "--rul",
                "press=10h,0s",
                "--repair",
                "4h",
                "--maintenance",
                "2h",
                "--json",
                json.toString());

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out())
                .contains("look-ahead from 2026-12-07 Mon 08:00")
                .contains("2026-12-07 Mon 12:00 - 2026-12-07 Mon 14:00 (break)");
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.path("lookAheadStart").asText()).isEqualTo("2026-12-07 Mon 08:00");
        List<String> at = new ArrayList<>();
        root.path("machines")
                .path("press")
                .path("windows")
                .forEach(w -> at.add(w.path("at").asText()));
        assertThat(at)
                .containsExactly(
                        "2026-12-07 Mon 08:00",
                        "2026-12-07 Mon 12:00",
                        "2026-12-07 Mon 22:00",
                        "2026-12-08 Tue 12:00",
                        "2026-12-08 Tue 22:00");
    }

    @Test
    void takesTheRemainingLifeOfMachinesFromTheTwinSnapshot() throws Exception {
        Path bottling = Scenarios.library().resolve("bottling-line.yaml");
        LineDescriptor line = LineDescriptors.of(ScenarioLoader.load(bottling).line());
        Instant monday = Instant.parse("2026-11-30T06:00:00Z");
        TwinStore store = TwinStore.of(line, Clock.fixed(monday, ZoneOffset.UTC));
        store.apply(DittoMessages.toJson(DittoMessages.propertyModified(
                line.thingIdOf("filler"),
                "health",
                "rul",
                JsonObject.newBuilder()
                        .set("seconds", 36000)
                        .set("sdSeconds", 3600)
                        .build(),
                1,
                monday)));
        Path snapshot = dir.resolve("twin.json");
        store.snapshot().write(snapshot);

        Cli cli = Cli.run(
                "health",
                "risk",
                bottling.toString(),
                "--from-twin",
                snapshot.toString(),
                "--horizon",
                "1d",
                "--replications",
                "2",
                "--window-step",
                "12h");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        List<String> rows =
                cli.out().lines().filter(l -> l.matches("^[a-z-]+ +\\d+%.*")).toList();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).startsWith("filler");
        assertThat(cli.out()).contains("losses in pallets");
    }

    @Test
    void theMachineMostLikelyToFailSoonestComesFirstWhateverTheOrderGiven() throws IOException {
        Path file = dir.resolve("two.yaml");
        Files.writeString(file, """
                schema: linetwin/v1
                name: two-machines
                line:
                  stations:
                    - { id: trimmer, kind: machine, process: { dist: constant, value: 1s } }
                    - { id: press, kind: machine, process: { dist: constant, value: 1s } }
                  buffers: [ { id: b, from: trimmer, to: press, capacity: 10 } ]
                experiment: { horizon: 1d, replications: 2, seed: 3 }
                """);

        Cli cli = Cli.run(
                "health",
                "risk",
                file.toString(),
                "--rul",
                "trimmer=40h,4h",
                "--rul",
                "press=6h,1h",
                "--repair",
                "1h",
                "--window-step",
                "12h");

        assertThat(cli.exitCode()).as(cli.err()).isZero();
        List<String> rows =
                cli.out().lines().filter(l -> l.matches("^[a-z]+ +\\d+%.*")).toList();
        assertThat(rows).extracting(r -> r.split(" ")[0]).containsExactly("press", "trimmer");
    }

    @Test
    void withoutAnyEstimateItSaysWhatItNeeds() {
        Cli cli = Cli.run(
                "health",
                "risk",
                Scenarios.library().resolve("bottling-line.yaml").toString());

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).contains("no remaining-life estimate");
    }

    @Test
    void anUnknownMachineIsBadInput() {
        Cli cli = Cli.run(
                "health",
                "risk",
                Scenarios.library().resolve("bottling-line.yaml").toString(),
                "--rul",
                "fillr=30h");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err().strip())
                .isEqualTo("--rul: no machine 'fillr' in bottling-line; did you mean 'filler'? "
                        + "(machines: filler, capper, labeller, packer, palletiser)");
    }

    /** A press of 1 s per part on one shift Mon-Fri 06:00-22:00 with a break at 12:00. */
    private Path pressOnShifts(String horizon, String start) throws IOException {
        Path file = dir.resolve("press-shifts.yaml");
        Files.writeString(file, """
                schema: linetwin/v1
                name: stamping
                line:
                  stations:
                    - { id: press, kind: machine, process: { dist: constant, value: 1s } }
                  shifts: [ { days: mon-fri, start: "06:00", end: "22:00", breaks: [ { start: "12:00", duration: 30m } ] } ]
                experiment: { horizon: %s, replications: 2, seed: 3, start: "%s" }
                """.formatted(horizon, start));
        return file;
    }
}
