package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.linetwin.app.emulate.LineEmulator;
import io.linetwin.app.emulate.Pacer;
import io.linetwin.model.LineSpec;
import io.linetwin.scenario.ScenarioLoader;
import io.linetwin.sim.LineSimulation;
import io.linetwin.twin.DittoMessages;
import io.linetwin.twin.LineDescriptors;
import io.linetwin.twin.TwinStore;
import io.linetwin.twin.sync.SignalSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.ditto.base.model.signals.Signal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class BalanceCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path BOTTLING = Scenarios.library().resolve("bottling-line.yaml");
    private static final Path EXAMPLE = Scenarios.library().resolve("bottling-line.measurements.csv");
    private static final Instant MONDAY = Instant.parse("2026-11-30T06:00:00Z");

    @TempDir
    static Path twinDir;

    private static Path before;
    private static Path after;

    @TempDir
    Path dir;

    /** Two snapshots of a real twin fed by the line emulator: after 10 and after 40 minutes of the bottling line. */
    @BeforeAll
    static void twinSnapshots() throws Exception {
        LineSpec line = ScenarioLoader.load(BOTTLING).line();
        SettableClock clock = new SettableClock(MONDAY);
        TwinStore twin = TwinStore.of(LineDescriptors.of(line), clock);
        SignalSink toTwin = new SignalSink() {
            @Override
            public CompletionStage<Void> send(Signal<?> signal) {
                twin.apply(DittoMessages.toJson(signal));
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void close() {}
        };
        LineEmulator emulator = new LineEmulator(
                new LineSimulation(line).startingAt(6 * 3600), toTwin, MONDAY, 11, 60, 600, Pacer.NO_WAIT, List::of);
        emulator.run(600);
        clock.now = MONDAY.plusSeconds(600);
        before = twinDir.resolve("before.json");
        twin.snapshot().write(before);
        emulator.run(2400);
        clock.now = MONDAY.plusSeconds(2400);
        after = twinDir.resolve("after.json");
        twin.snapshot().write(after);
    }

    @Test
    void theExampleMeasurementsNameTheCappersCounter() throws IOException {
        Path out = dir.resolve("balance.json");
        Cli cli =
                Cli.run("balance", BOTTLING.toString(), "--measurements", EXAMPLE.toString(), "--json", out.toString());
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out())
                .contains("global test: chi-square")
                .contains("gross error")
                .containsPattern("capper\\.out +z +6\\.\\d\\d +bias \\+557")
                .contains("after taking them out:")
                .contains("unobservable streams")
                .contains("packer.assembled");
        JsonNode json = JSON.readTree(out.toFile());
        assertThat(json.at("/schema").asText()).isEqualTo("linetwin/balance/v1");
        assertThat(json.at("/suspects/0/stream").asText()).isEqualTo("capper.out");
        assertThat(json.at("/globalTest/verdict").asText()).isEqualTo("gross error");
        assertThat(json.at("/globalTestAfterSuspects/verdict").asText()).isEqualTo("consistent");
        assertThat(json.at("/streams/capper.out/grossError").asBoolean()).isTrue();
        assertThat(json.at("/streams/filler.out/class").asText()).isEqualTo("redundant");
        assertThat(json.at("/streams/filler.out/reconciledSd").asDouble())
                .isLessThan(json.at("/streams/filler.out/sd").asDouble());
        assertThat(json.at("/streams/packer.assembled/class").asText()).isEqualTo("observable");
        assertThat(json.at("/streams/filler.in.litre/reconciled").isNull()).isTrue();
        assertThat(json.at("/nodes/filler/closureAfter").asDouble())
                .isCloseTo(0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(json.at("/constraints/maxResidualAfter").asDouble()).isLessThan(1e-9);
        assertThat(json.at("/unobservable")).hasSize(108);
    }

    @Test
    void aTwinFedByTheEmulatorBalancesAndAFalseCounterIsNamed() throws IOException {
        Path out = dir.resolve("twin.json");
        Cli clean = Cli.run(
                "balance",
                BOTTLING.toString(),
                "--from-twin",
                before.toString(),
                after.toString(),
                "--json",
                out.toString());
        assertThat(clean.exitCode()).as(clean.err()).isZero();
        assertThat(clean.out())
                .contains("accuracy: counter sd 1 + 0.2 %, level sd 1, material sd 1 + 1 % (defaults")
                .contains("depal, warehouse: good counter at 0 in both snapshots")
                .contains("suspects: none");
        JsonNode json = JSON.readTree(out.toFile());
        assertThat(json.at("/globalTest/verdict").asText()).isEqualTo("consistent");
        assertThat(json.at("/globalTest/degreesOfFreedom").asInt()).isPositive();
        assertThat(json.at("/streams/capper.out/class").asText()).isEqualTo("redundant");
        assertThat(json.at("/streams/capper.out/origin").asText()).isEqualTo("good counter less blocked parts");
        assertThat(json.at("/measurements/from").asText()).isEqualTo("2026-11-30T06:10:00Z");

        Path tampered = dir.resolve("tampered.json");
        ObjectNode snapshot = (ObjectNode) JSON.readTree(after.toFile());
        ObjectNode counters =
                (ObjectNode) snapshot.at("/things/plant1:bottling.capper/thing/features/counters" + "/properties");
        counters.put("good", counters.get("good").asLong() + 60);
        JSON.writeValue(tampered.toFile(), snapshot);
        Cli wrong = Cli.run("balance", BOTTLING.toString(), "--from-twin", before.toString(), tampered.toString());
        assertThat(wrong.exitCode()).as(wrong.err()).isZero();
        assertThat(wrong.out()).containsPattern("capper\\.out +z +\\d+\\.\\d\\d +bias \\+(5\\d|6\\d)\\.");
    }

    @Test
    void streamsListsEveryStreamWithItsConstraints() {
        Cli cli = Cli.run("balance", BOTTLING.toString(), "--streams");
        assertThat(cli.exitCode()).as(cli.err()).isZero();
        assertThat(cli.out())
                .contains("166 streams, 110 constraints")
                .containsPattern("filler\\.out\\.half-litre +filler +machine +out +total:filler\\.out \\(-1\\), "
                        + "balance:filler:half-litre \\(-1\\), outflow:filler:half-litre \\(\\+1\\)")
                .containsPattern("cartons\\.consumed +cartons +material +consumed +balance:cartons \\(-1\\), "
                        + "bom:packer:cartons \\(\\+11\\)");
    }

    @Test
    void badMeasurementFilesNameFileAndLine() throws IOException {
        assertBad(
                csv("stream,value,sd\nfiller.outt,1,1\n"),
                "m.csv:2: unknown stream 'filler.outt'; did you mean " + "'filler.out'?");
        assertBad(csv("stream,value,sd\nfiller.out,1,-1\n"), "m.csv:2: sd of filler.out must be >= 0, got -1");
        assertBad(
                csv("stream,value\nfiller.out,1\n"),
                "m.csv:1: the header must name the columns stream, value " + "and sd (or relative)");
        assertBad(csv("stream,value,sd\nfiller.out,1\n"), "m.csv:2: expected 3 fields");
        assertBad(csv("stream,value,sd\nfiller.out,1,0\nb2.in,2,0\n"), "the measurements with sd 0 contradict");
    }

    @Test
    void badSnapshotsAreRefusedWithTheirFile() throws IOException {
        String text = Files.readString(after);
        Path other = dir.resolve("other.json");
        Files.writeString(other, text.replace("plant1:bottling", "plant2:canning"));
        Cli otherLine = Cli.run("balance", BOTTLING.toString(), "--from-twin", before.toString(), other.toString());
        assertThat(otherLine.exitCode()).isEqualTo(2);
        assertThat(otherLine.err().strip())
                .startsWith(other + ":1: the snapshot is of line plant2:canning, not of " + "plant1:bottling")
                .doesNotContain("Exception");

        Cli swapped = Cli.run("balance", BOTTLING.toString(), "--from-twin", after.toString(), before.toString());
        assertThat(swapped.exitCode()).isEqualTo(2);
        assertThat(swapped.err().strip())
                .startsWith(before + ":1: takenAt 2026-11-30T06:10:00Z must be after the " + "takenAt of " + after
                        + ":1 (2026-11-30T06:40:00Z)");

        ObjectNode snapshot = (ObjectNode) JSON.readTree(after.toFile());
        ((ObjectNode) snapshot.at("/things/plant1:bottling.filler/thing/features/counters/properties")).put("good", 3);
        Path reset = dir.resolve("reset.json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(reset.toFile(), snapshot);
        Cli fell = Cli.run("balance", BOTTLING.toString(), "--from-twin", before.toString(), reset.toString());
        assertThat(fell.exitCode()).isEqualTo(2);
        assertThat(fell.err().strip())
                .matches(java.util.regex.Pattern.quote(reset.toString())
                        + ":\\d+: counters\\.good of plant1:bottling\\.filler fell from \\d+ \\(.*before\\.json\\) to 3: was "
                        + "the counter reset\\? Give snapshots between resets");
        assertThat(fell.err().strip()).doesNotStartWith(reset + ":1:");

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\n  \"schema\": \"linetwin/twin-snapshot/v1\",\n  \"takenAt\": \n}\n");
        Cli notJson = Cli.run("balance", BOTTLING.toString(), "--from-twin", before.toString(), broken.toString());
        assertThat(notJson.exitCode()).isEqualTo(2);
        assertThat(notJson.err().strip()).startsWith(broken + ":4: not valid JSON");
    }

    @Test
    void badOptionsAreOneLineAndExitTwo() throws IOException {
        assertThat(Cli.run("balance", BOTTLING.toString()).err()).contains("give --measurements CSV or --from-twin");
        assertThat(Cli.run("balance", BOTTLING.toString(), "--measurements", EXAMPLE.toString(), "--alpha", "1.5")
                        .err())
                .contains("--alpha: expected a number in (0, 1), got 1.5");
        assertThat(Cli.run(
                                "balance",
                                BOTTLING.toString(),
                                "--measurements",
                                EXAMPLE.toString(),
                                "--json",
                                dir.toString())
                        .err())
                .contains("is a directory");
        assertThat(Cli.run(
                                "balance",
                                BOTTLING.toString(),
                                "--measurements",
                                dir.resolve("none.csv").toString())
                        .err())
                .contains("no such file");
        Cli accuracy = Cli.run(
                "balance",
                BOTTLING.toString(),
                "--from-twin",
                before.toString(),
                after.toString(),
                "--accuracy",
                csv("kind,sd,relative\ncounters,1,0\n").toString());
        assertThat(accuracy.exitCode()).isEqualTo(2);
        assertThat(accuracy.err()).contains("m.csv:2: unknown kind 'counters'");
    }

    private Path csv(String text) throws IOException {
        Path file = dir.resolve("m.csv");
        Files.writeString(file, text);
        return file;
    }

    private void assertBad(Path file, String message) {
        Cli cli = Cli.run("balance", BOTTLING.toString(), "--measurements", file.toString());
        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err().strip())
                .contains(message)
                .doesNotContain("Exception")
                .doesNotContain("\n");
        assertThat(cli.out()).isEmpty();
    }

    private static final class SettableClock extends Clock {
        Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
