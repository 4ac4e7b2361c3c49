package io.linetwin.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linetwin.model.Scenario;
import io.linetwin.report.i18n.Lang;
import io.linetwin.report.i18n.Messages;
import io.linetwin.scenario.ScenarioLoader;
import io.linetwin.twin.DittoMessages;
import io.linetwin.twin.LineDescriptors;
import io.linetwin.twin.TwinStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard's HTTP surface without a browser: pages, JSON, the event stream, refusals and headers. */
final class DashboardServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TwinStore store;
    private LiveLine live;
    private DashboardServer server;
    private Access access;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        Scenario scenario = ScenarioLoader.parse("""
                schema: linetwin/v1
                name: cell
                line:
                  id: plant9:cell
                  stations:
                    - { id: press, kind: machine, process: { dist: constant, value: 2s } }
                    - { id: trim, kind: machine, process: { dist: constant, value: 1s } }
                  buffers: [ { id: b, from: press, to: trim, capacity: 10 } ]
                """, "cell.yaml");
        store = TwinStore.of(LineDescriptors.of(scenario.line()), Clock.systemUTC());
        live = new LiveLine(scenario.line(), store, Clock.systemUTC(), "test");
        access = Access.random();
        server = new DashboardServer(live, store, "cell", Messages.of(Lang.ZH_CN), access, Decisions.NONE,
                "127.0.0.1", 0);
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString("{\"approver\":\"ana\"}"));
        if (token != null) {
            request.header(Access.TOKEN_HEADER, token);
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void status(String machine, String state, long revision) {
        store.apply(DittoMessages.toJson(DittoMessages.propertyModified(ThingId.of("plant9:cell." + machine),
                "status", "state", JsonValue.of(state), revision, Instant.now())));
    }

    @Test
    void thePageIsChineseDrawsTheLineAndLoadsOnlyItsOwnAssets() throws Exception {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"zh-CN\"", "id=\"station-press\"", "id=\"link-b\"", "产线实时状态")
                .doesNotContain("https://", "src=\"http", "href=\"http");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'", "frame-ancestors 'none'");
        assertThat(get("/assets/dashboard.js").body()).contains("EventSource");
        assertThat(get("/assets/dashboard.css").headers().firstValue("Content-Type").orElseThrow())
                .startsWith("text/css");
        assertThat(get("/assets/../pom.xml").statusCode()).isEqualTo(404);
        assertThat(get("/machine/press").body()).contains("状态历史");
        assertThat(get("/machine/nope").statusCode()).isEqualTo(404);
    }

    @Test
    void theStateJsonFollowsTheTwin() throws Exception {
        assertThat(JSON.readTree(get("/api/state").body()).at("/stations/press/state").asText())
                .as("before the machine ever reported").isEqualTo("unknown");
        status("press", "down", 5);
        live.refresh();

        JsonNode state = JSON.readTree(get("/api/state").body());

        assertThat(state.at("/stations/press/state").asText()).isEqualTo("down");
        assertThat(state.at("/links/b/capacity").asInt()).isEqualTo(10);
        assertThat(state.at("/twin/applied").asLong()).isEqualTo(1);
        JsonNode machine = JSON.readTree(get("/api/machine/press").body());
        assertThat(machine.at("/history/0/state").asText()).isEqualTo("down");
    }

    @Test
    void theEventStreamSendsTheStateAtOnceAndEveryChange() throws Exception {
        java.net.HttpURLConnection connection = (java.net.HttpURLConnection) URI.create("http://127.0.0.1:"
                + server.port() + "/events").toURL().openConnection();
        connection.setReadTimeout(20_000);
        try (BufferedReader events = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertThat(connection.getContentType()).startsWith("text/event-stream");
            String first = nextData(events);
            assertThat(JSON.readTree(first).at("/stations/press/state").asText()).isNotEqualTo("setup");

            status("press", "setup", 5);
            String changed;
            do {
                changed = nextData(events);
            } while (!JSON.readTree(changed).at("/stations/press/state").asText().equals("setup"));
            assertThat(server.streams()).isEqualTo(1);
        }
    }

    private static String nextData(BufferedReader events) throws Exception {
        String line;
        while ((line = events.readLine()) != null) {
            if (line.startsWith("data: ")) {
                return line.substring("data: ".length());
            }
        }
        throw new AssertionError("stream ended");
    }

    @Test
    void changesNeedTheTokenAndTheSameOrigin() throws Exception {
        String host = "http://127.0.0.1:" + server.port();

        assertThat(post("/api/proposals/P1/approve", null, null).statusCode()).isEqualTo(403);
        assertThat(post("/api/proposals/P1/approve", "wrong-token-123", null).statusCode()).isEqualTo(403);
        assertThat(post("/api/proposals/P1/approve", access.token(), "http://evil.example").statusCode())
                .isEqualTo(403);
        // Token and same origin pass the door; there is no loop behind this dashboard, so nothing to approve.
        HttpResponse<String> allowed = post("/api/proposals/P1/approve", access.token(), host);
        assertThat(allowed.statusCode()).isEqualTo(404);
        assertThat(allowed.body()).contains("no live loop");
        assertThat(http.send(HttpRequest.newBuilder(URI.create(host + "/"))
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(405);
    }

    @Test
    void accessRefusesCrossSiteFetchesAndShortConfiguredTokens() {
        Access configured = Access.of("a-long-enough-token");

        assertThat(configured.refusal("a-long-enough-token", "h:1", null, "cross-site")).isPresent();
        assertThat(configured.refusal("a-long-enough-token", "h:1", "http://h:1", "same-origin")).isEmpty();
        assertThat(configured.refusal("a-long-enough-token", "h:1", "http://h:2", null)).isPresent();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Access.of("short"))
                .hasMessage("token must be at least 12 characters, got 5");
        assertThat(Access.random().token()).isNotEqualTo(Access.random().token()).hasSizeGreaterThanOrEqualTo(20);
    }
}
