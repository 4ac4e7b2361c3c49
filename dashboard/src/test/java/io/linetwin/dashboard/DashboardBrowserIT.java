package io.linetwin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.linetwin.broker.EmbeddedBroker;
import io.linetwin.loop.Change;
import io.linetwin.loop.TwinView;
import io.linetwin.loop.audit.AuditLog;
import io.linetwin.loop.gate.CommandGate;
import io.linetwin.loop.gate.GateSettings;
import io.linetwin.loop.gate.GateVerdict;
import io.linetwin.loop.proposal.Effect;
import io.linetwin.loop.proposal.Evidence;
import io.linetwin.loop.proposal.Proposal;
import io.linetwin.loop.proposal.ProposalBook;
import io.linetwin.loop.proposal.ProposalStatus;
import io.linetwin.loop.whatif.Prediction;
import io.linetwin.model.Scenario;
import io.linetwin.report.browser.HeadlessChromium;
import io.linetwin.report.i18n.Lang;
import io.linetwin.report.i18n.Messages;
import io.linetwin.scenario.ScenarioLoader;
import io.linetwin.twin.DittoMessages;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.LineDescriptors;
import io.linetwin.twin.TwinStore;
import io.linetwin.twin.sync.KafkaSettings;
import io.linetwin.twin.sync.KafkaSignalPublisher;
import io.linetwin.twin.sync.KafkaTwinConsumer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The dashboard in a real headless Chromium on a real KRaft broker: the line is drawn, a state published to Kafka
 * recolours its machine, a change without the token (or from another site) is refused, and an approval clicked in
 * the page is recorded by the loop's ProposalBook with the approver, in the audit log, and passes the command gate.
 * Screenshots under target/screenshots/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
final class DashboardBrowserIT {

    private static final Path OUT = Path.of("target", "screenshots").toAbsolutePath();
    private static final String LINE = """
            schema: linetwin/v1
            name: press-cell
            line:
              id: plant9:cell
              stations:
                - { id: press, kind: machine, process: { dist: constant, value: 2s },
                    parameters: { speed: { value: 0.7, min: 0.6, max: 1.2, maxStep: 0.2 } } }
                - { id: trim, kind: machine, process: { dist: constant, value: 1s } }
                - { id: out, kind: sink }
              buffers: [ { id: b, from: press, to: trim, capacity: 10 }, { id: b2, from: trim, to: out, capacity: 0 } ]
            """;

    private static EmbeddedBroker broker;
    private static KafkaTwinConsumer consumer;
    private static KafkaSignalPublisher publisher;
    private static TwinStore store;
    private static LineDescriptor descriptor;
    private static DashboardServer english;
    private static DashboardServer chinese;
    private static Access access;
    private static HeadlessChromium chromium;
    private static Path state;
    private static long revision;

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.assumeAvailable();
        Files.createDirectories(OUT);
        Path work = Files.createTempDirectory(Path.of("target"), "dashboard-it");
        Scenario scenario = ScenarioLoader.parse(LINE, "press-cell.yaml");
        broker = EmbeddedBroker.start(0, work.resolve("kafka"));
        broker.createTopic(KafkaSettings.EVENTS_TOPIC, 1);
        descriptor = LineDescriptors.of(scenario.line());
        store = TwinStore.of(descriptor, Clock.systemUTC());
        consumer = new KafkaTwinConsumer(
                KafkaSettings.of(broker.bootstrapServers(), KafkaSettings.EVENTS_TOPIC, "dashboard-it"), store);
        consumer.start();
        assertThat(consumer.awaitAssignment(Duration.ofSeconds(60))).isTrue();
        publisher =
                new KafkaSignalPublisher(KafkaSettings.of(broker.bootstrapServers(), KafkaSettings.EVENTS_TOPIC, ""));
        state = work.resolve("state");
        ProposalBook book = ProposalBook.open(state, Clock.systemUTC());
        book.propose(
                "press-up-a-step",
                "variant",
                List.of(new Change("press", "speed", 0.7, 0.9)),
                Optional.of(new Effect("throughputPerHour", 310, 280, 340, 0.18)),
                Map.of(),
                Optional.of(new Prediction("throughputPerHour", 2050, 40, 10, 4 * 3600)),
                new Evidence(
                        42, "ab".repeat(32), Instant.now(), Map.of("plant9:cell.press", 0L), 4 * 3600, 10, "every 15m"),
                Optional.empty());
        book.note("whatIf", whatIf());
        access = Access.random();
        LiveLine live = new LiveLine(scenario.line(), store, Clock.systemUTC(), "Kafka " + broker.bootstrapServers());
        english = new DashboardServer(
                live,
                store,
                "press-cell",
                Messages.of(Lang.EN),
                access,
                new ProposalDecisions(state, Clock.systemUTC(), Messages.of(Lang.EN)),
                "127.0.0.1",
                0);
        english.start();
        chinese = new DashboardServer(
                live,
                store,
                "press-cell",
                Messages.of(Lang.ZH_CN),
                access,
                new ProposalDecisions(state, Clock.systemUTC(), Messages.of(Lang.ZH_CN)),
                "127.0.0.1",
                0);
        chinese.start();
        publish("press", "working");
        publish("trim", "starved");
        chromium = HeadlessChromium.start(work.resolve("chromium"));
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {chromium, english, chinese, consumer, publisher, broker}) {
            if (c != null) {
                c.close();
            }
        }
    }

    /** The what-if that made P1 as the live loop audits it: one candidate supported, one not. */
    private static ObjectNode whatIf() {
        ObjectNode fields = AuditLog.fields();
        fields.put("trigger", "every 15m");
        fields.put("snapshotAt", Instant.now().toString());
        fields.put("revisionSum", 0);
        fields.put("seed", 42);
        fields.put("replications", 10);
        fields.put("lookAheadSeconds", 4 * 3600.0);
        ArrayNode candidates = fields.putArray("candidates");
        candidates
                .addObject()
                .put("name", "press-up-a-step")
                .put("origin", "variant")
                .put("change", "press.speed 0.7→0.9")
                .put("effect", 310.0)
                .put("ciLow", 280.0)
                .put("ciHigh", 340.0)
                .put("verdict", "supported")
                .put("proposal", "P1");
        candidates
                .addObject()
                .put("name", "faster-trim")
                .put("origin", "variant")
                .put("change", "trim.speed 1→1.1")
                .put("effect", 0.4)
                .put("ciLow", -1.2)
                .put("ciHigh", 2.0)
                .put("verdict", "not significant (the interval holds 0)");
        return fields;
    }

    private static void publish(String machine, String status) throws Exception {
        publisher
                .send(DittoMessages.propertyModified(
                        ThingId.of("plant9:cell." + machine),
                        "status",
                        "state",
                        JsonValue.of(status),
                        ++revision,
                        Instant.now()))
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
    }

    private static String url(DashboardServer server, String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    @Test
    @Order(1)
    void theLineIsShownAndAStatePublishedToKafkaRecoloursItsMachine() throws Exception {
        try (HeadlessChromium.Page page = chromium.open(url(english, "/"))) {
            page.waitUntil("document.getElementById('live').classList.contains('on')", Duration.ofSeconds(30));
            page.waitUntil(
                    "document.getElementById('station-press').getAttribute('data-state') === 'working'",
                    Duration.ofSeconds(30));
            assertThat(page.evaluate("document.querySelectorAll('g.station').length")
                            .asInt())
                    .isEqualTo(3);
            assertThat(page.evaluate("document.querySelectorAll('g.link').length")
                            .asInt())
                    .isEqualTo(2);

            publish("press", "down");
            // A generous timeout, not a speed test: the figure below is printed, never asserted.
            Duration took = page.waitUntil(
                    "document.getElementById('station-press').getAttribute('data-state') " + "=== 'down'",
                    Duration.ofSeconds(20));
            System.out.printf(
                    "DashboardBrowserIT: press recoloured %d ms after its 'down' left for Kafka%n", took.toMillis());
            assertThat(page.evaluate("document.querySelector('#station-press .station-box').getAttribute('fill')")
                            .asText())
                    .isEqualTo("#e6241f");
            assertThat(page.evaluate("document.querySelector('#machines tr[data-station=press]').classList"
                                    + ".contains('alarm')")
                            .asBoolean())
                    .isTrue();
            page.screenshot(OUT.resolve("dashboard-en.png"));
            assertThat(page.errors()).isEmpty();
        }
    }

    @Test
    @Order(2)
    void aChangeWithoutTheTokenOrFromAnotherSiteIsRefused() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI approve = URI.create(url(english, "/api/proposals/P1/approve"));
        String body = "{\"approver\":\"mallory\"}";

        HttpResponse<String> noToken = http.send(
                HttpRequest.newBuilder(approve)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrongToken = http.send(
                HttpRequest.newBuilder(approve)
                        .header(Access.TOKEN_HEADER, "not-the-token")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> crossSite = http.send(
                HttpRequest.newBuilder(approve)
                        .header(Access.TOKEN_HEADER, access.token())
                        .header("Origin", "http://evil.example")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.body()).contains("read-only");
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(crossSite.body()).contains("cross-site");
        // From the page itself, without the token: the browser gets the same refusal.
        try (HeadlessChromium.Page page = chromium.open(url(english, "/"))) {
            int status = page.evaluate("fetch('api/proposals/P1/approve', {method: 'POST', headers: {'Content-Type': "
                            + "'application/json'}, body: '{\"approver\":\"eve\"}'}).then(r => r.status)")
                    .asInt();
            assertThat(status).isEqualTo(403);
        }
        Proposal p1 = ProposalBook.open(state, Clock.systemUTC()).find("P1").orElseThrow();
        assertThat(p1.status()).isEqualTo(ProposalStatus.PROPOSED);
        assertThat(Files.readString(state.resolve("audit.jsonl")))
                .doesNotContain("web:mallory", "web:eve", "\"type\":\"approval");
    }

    @Test
    @Order(3)
    void anApprovalClickedInThePageReachesTheAuditLogAndPassesTheGate() throws Exception {
        try (HeadlessChromium.Page page = chromium.open(url(chinese, "/"))) {
            page.waitUntil(
                    "document.querySelector('[data-proposal=P1] button.approve') !== null", Duration.ofSeconds(30));
            assertThat(page.evaluate("document.querySelector('[data-proposal=P1] button.approve').disabled")
                            .asBoolean())
                    .as("read-only without the token")
                    .isTrue();
            page.evaluate("sessionStorage.setItem('linetwin.token', '" + access.token() + "');"
                    + "sessionStorage.setItem('linetwin.approver', 'Ana'); location.reload(); true");
            page.waitUntil(
                    "document.readyState === 'complete' && document.querySelector('[data-proposal=P1] "
                            + "button.approve') !== null && !document.querySelector('[data-proposal=P1] button.approve')"
                            + ".disabled",
                    Duration.ofSeconds(30));
            page.waitUntil(
                    "document.querySelector('#whatif tr[data-candidate=faster-trim]') !== null",
                    Duration.ofSeconds(30));
            assertThat(page.evaluate("document.querySelector('#whatif tr[data-candidate=press-up-a-step]').innerText")
                            .asText())
                    .contains("+310 [+280, +340]", "有依据", "P1");
            assertThat(page.evaluate("document.querySelector('#whatif tr[data-candidate=faster-trim]').innerText")
                            .asText())
                    .contains("+0.4 [-1.2, +2]", "依据不足");
            page.screenshot(OUT.resolve("dashboard-zh-CN-proposal.png"));

            page.evaluate("document.querySelector('[data-proposal=P1] button.approve').click(); true");
            page.waitUntil(
                    "document.querySelector('#results [data-proposal=P1][data-status=approved]') !== null",
                    Duration.ofSeconds(30));
            page.screenshot(OUT.resolve("dashboard-zh-CN-approved.png"));
            assertThat(page.errors()).isEmpty();
        }
        ProposalBook book = ProposalBook.open(state, Clock.systemUTC());
        Proposal p1 = book.find("P1").orElseThrow();
        assertThat(p1.status()).isEqualTo(ProposalStatus.APPROVED);
        assertThat(p1.approval().orElseThrow().by()).isEqualTo("web:Ana");
        assertThat(p1.approval().orElseThrow().evidenceHash()).isEqualTo(p1.evidenceHash());
        List<String> audit = Files.readAllLines(state.resolve("audit.jsonl"));
        assertThat(audit.get(audit.size() - 1))
                .contains("\"type\":\"approval\"", "\"by\":\"web:Ana\"", p1.evidenceHash());
        // The same gate the live process runs: the page's approval is one it accepts.
        GateVerdict verdict = new CommandGate(new GateSettings(1800, 8 * 3600))
                .check(p1, new TwinView(store.snapshot(), descriptor), book.all(), Instant.now());
        assertThat(verdict.passed()).as(verdict.reason()).isTrue();
    }

    @Test
    @Order(4)
    void theMachinePageShowsItsHistoryInChinese() throws Exception {
        publish("trim", "working");
        publish("trim", "blocked");
        try (HeadlessChromium.Page page = chromium.open(url(chinese, "/machine/trim"))) {
            page.waitUntil("document.querySelectorAll('#history tbody tr').length >= 2", Duration.ofSeconds(30));
            assertThat(page.evaluate("document.documentElement.lang").asText()).isEqualTo("zh-CN");
            assertThat(page.evaluate("document.body.innerText").asText()).contains("状态历史", "阻塞");
            assertThat(page.rendersChinese())
                    .as("a CJK font (Debian's fonts-wqy-microhei, which scripts/test.sh "
                            + "installs): without one the Chinese page is empty boxes")
                    .isTrue();
            page.screenshot(OUT.resolve("dashboard-zh-CN-machine.png"));
            assertThat(page.errors()).isEmpty();
        }
    }
}
