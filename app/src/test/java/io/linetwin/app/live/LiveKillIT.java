package io.linetwin.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linetwin.app.CliAccess;
import io.linetwin.loop.audit.AuditVerifier;
import io.linetwin.loop.proposal.Proposal;
import io.linetwin.loop.proposal.ProposalBook;
import io.linetwin.loop.proposal.ProposalStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code linetwin live --send} in a child JVM, killed with SIGKILL between the approval and the send (the command's
 * intent recorded, the command not yet on the topic), then started again: the restarted process sends the command
 * exactly once, under the same command id, and loses or duplicates no proposal or approval.
 */
final class LiveKillIT {

    private static final Duration PATIENCE = Duration.ofSeconds(180);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Await.until(what, PATIENCE, condition);
    }

    private Process live(PressLine line, Path state, String name) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                classPath,
                "io.linetwin.app.Main",
                "live",
                line.file.toString(),
                "--kafka",
                line.bootstrap(),
                "--events-topic",
                PressLine.EVENTS,
                "--commands-topic",
                PressLine.COMMANDS,
                "--responses-topic",
                PressLine.RESPONSES,
                "--state",
                state.toString(),
                "--send",
                "--every",
                "1h",
                "--look-ahead",
                "4h",
                "--replications",
                "6",
                "--threads",
                "1",
                "--poll",
                "100ms"));
        return new ProcessBuilder(command)
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile())
                .start();
    }

    private static JsonNode proposal(Path state, String id) {
        try {
            return JSON.readTree(
                    state.resolve("proposals").resolve(id + ".json").toFile());
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }

    private String output(String name) throws Exception {
        return Files.readString(dir.resolve(name + ".out")) + Files.readString(dir.resolve(name + ".err"));
    }

    @Test
    void aLiveProcessKilledBetweenApprovalAndSendSendsTheCommandOnceAfterARestart() throws Exception {
        Path state = dir.resolve("state");
        try (PressLine line = new PressLine(dir);
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, line.bootstrap()))) {
            line.emulator.run(2 * 3600);

            Process first = live(line, state, "first");
            try {
                await(
                        "the first process proposed P1",
                        () -> proposal(state, "P1").has("evidenceHash"));
                // Without its commands topic the send cannot complete: the process records the intent, then waits.
                admin.deleteTopics(List.of(PressLine.COMMANDS)).all().get(60, TimeUnit.SECONDS);
                await("the topic is gone", () -> topics(admin).stream().noneMatch(PressLine.COMMANDS::equals));
                CliAccess.Result approve = CliAccess.run("approve", "P1", "--state", state.toString(), "--as", "ana");
                assertThat(approve.exitCode()).as(approve.err()).isZero();
                await(
                        "the first process recorded the command's intent",
                        () -> proposal(state, "P1").path("commands").size() == 1);
            } finally {
                first.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
            }
            JsonNode killed = proposal(state, "P1");
            assertThat(killed.get("status").asText()).as(output("first")).isEqualTo("approved");
            assertThat(killed.get("commands").get(0).has("sentAt")).isFalse();
            String commandId = killed.get("commands").get(0).get("commandId").asText();

            line.broker.createTopic(PressLine.COMMANDS, 1);
            Process second = live(line, state, "second");
            try {
                await(
                        "the restarted process sent P1",
                        () -> !proposal(state, "P1").path("status").asText().equals("approved"));
            } finally {
                second.destroy();
                second.waitFor(60, TimeUnit.SECONDS);
            }

            ProposalBook book = ProposalBook.open(state, Clock.systemUTC());
            Proposal p1 = book.find("P1").orElseThrow();
            assertThat(p1.status()).as(output("second")).isEqualTo(ProposalStatus.SENT);
            assertThat(output("second")).contains("P1 sent: press.speed 0.7→0.9 (" + commandId + ")");
            assertThat(p1.commands()).extracting(c -> c.commandId()).containsExactly(commandId);
            List<String> sent = Commands.onTopic(line.bootstrap(), PressLine.COMMANDS);
            assertThat(sent).hasSize(1);
            assertThat(sent.get(0)).contains("\"correlation-id\":\"" + commandId + "\"");
            assertThat(book.all().stream().filter(p -> p.touches("press", "speed")))
                    .extracting(Proposal::id)
                    .containsExactly("P1");
            List<String> types = book.audit().read().stream()
                    .filter(e -> e.path("proposal").asText().equals("P1"))
                    .map(e -> e.get("type").asText())
                    .toList();
            assertThat(types.stream().filter("approval"::equals)).hasSize(1);
            assertThat(types.stream().filter("command"::equals)).hasSize(1);
            assertThat(types.stream().filter("sent"::equals)).hasSize(1);
            AuditVerifier.Verification audit = AuditVerifier.verify(book.audit().file());
            assertThat(audit.intact()).as(audit.problem()).isTrue();
        }
    }

    private static List<String> topics(Admin admin) {
        try {
            return new ArrayList<>(admin.listTopics().names().get(30, TimeUnit.SECONDS));
        } catch (Exception e) {
            return List.of(PressLine.COMMANDS);
        }
    }
}
