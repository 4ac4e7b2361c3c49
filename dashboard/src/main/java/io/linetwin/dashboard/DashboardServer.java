package io.linetwin.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.linetwin.model.StationSpec;
import io.linetwin.report.i18n.Messages;
import io.linetwin.twin.TwinStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The web dashboard: an embedded Jetty (core handlers, no servlet container) serving the live line page, a page per
 * machine, the twin's view as JSON and as server-sent events, and the proposals with approve / reject. Reading needs
 * nothing; a change needs the {@link Access} token and a same-origin request, and goes through {@link Decisions}.
 * Every asset comes from the jar: the pages work with no network.
 */
public final class DashboardServer implements AutoCloseable {

    /** How often the view is recomputed when the twin changed; the latest state reaches a page within this. */
    private static final long REFRESH_MILLIS = 200;

    private static final long PING_SECONDS = 10;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern EVIDENCE_HASH = Pattern.compile("[0-9a-f]{64}");
    private static final String ASSETS = "/io/linetwin/dashboard/assets/";
    private static final String SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' "
            + "'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; form-action 'self'";

    private final LiveLine live;
    private final Messages messages;
    private final Access access;
    private final Decisions decisions;
    private final String title;
    private final EventStream events = new EventStream();
    private final AtomicBoolean dirty = new AtomicBoolean(true);
    private final Server server;
    private final ServerConnector connector;
    private ScheduledExecutorService ticker;

    public DashboardServer(
            LiveLine live,
            TwinStore store,
            String title,
            Messages messages,
            Access access,
            Decisions decisions,
            String bind,
            int port) {
        this.live = Objects.requireNonNull(live, "live");
        this.messages = Objects.requireNonNull(messages, "messages");
        this.access = Objects.requireNonNull(access, "access");
        this.decisions = Objects.requireNonNull(decisions, "decisions");
        this.title = Objects.requireNonNull(title, "title");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        store.addListener(event -> dirty.set(true));
        QueuedThreadPool threads = new QueuedThreadPool(32, 2);
        threads.setName("linetwin-dashboard");
        threads.setDaemon(true);
        this.server = new Server(threads);
        this.connector = new ServerConnector(server, 1, 1);
        connector.setHost(bind);
        connector.setPort(port);
        connector.setIdleTimeout(60_000);
        server.addConnector(connector);
        server.setHandler(new Routes());
        server.setStopTimeout(2000);
    }

    /** Starts serving; returns the address pages are at. */
    public URI start() throws Exception {
        server.start();
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "linetwin-dashboard-refresh");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(this::tick, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
        ticker.scheduleWithFixedDelay(events::ping, PING_SECONDS, PING_SECONDS, TimeUnit.SECONDS);
        String host = connector.getHost() == null ? "127.0.0.1" : connector.getHost();
        return URI.create(
                "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + connector.getLocalPort() + "/");
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** Open event streams: for tests and the status line. */
    public int streams() {
        return events.size();
    }

    private long ticks;

    private void tick() {
        try {
            // The "last update" age moves even when nothing arrives: refresh once a second regardless.
            if (dirty.getAndSet(false) || ++ticks % 5 == 0) {
                events.broadcast(live.refresh().toString());
            }
        } catch (RuntimeException e) {
            // A snapshot the mapper cannot read must not stop the page's updates; the next change retries.
            dirty.set(true);
        }
    }

    @Override
    public void close() throws Exception {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        events.closeAll();
        server.stop();
    }

    private final class Routes extends Handler.Abstract {

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String path = Request.getPathInContext(request);
            String method = request.getMethod();
            response.getHeaders().put("Content-Security-Policy", SECURITY_POLICY);
            response.getHeaders().put("X-Content-Type-Options", "nosniff");
            response.getHeaders().put("Referrer-Policy", "no-referrer");
            if (method.equals("GET") || method.equals("HEAD")) {
                return get(path, request, response, callback);
            }
            if (method.equals("POST") && path.startsWith("/api/proposals/")) {
                return decide(path, request, response, callback);
            }
            return refuseUnread(response, callback, 405, "method not allowed");
        }

        private boolean get(String path, Request request, Response response, Callback callback) throws IOException {
            if (path.equals("/")) {
                return send(
                        response, callback, 200, "text/html; charset=utf-8", Pages.index(live.line(), title, messages));
            }
            if (path.startsWith("/machine/")) {
                Optional<StationSpec> station = live.line().station(path.substring("/machine/".length()));
                if (station.isEmpty()) {
                    return error(response, callback, 404, "no such machine");
                }
                return send(
                        response,
                        callback,
                        200,
                        "text/html; charset=utf-8",
                        Pages.machine(station.get(), title, messages));
            }
            if (path.startsWith("/assets/")) {
                return asset(path.substring("/assets/".length()), response, callback);
            }
            if (path.equals("/favicon.ico")) {
                return asset("favicon.svg", response, callback);
            }
            if (path.equals("/api/state")) {
                return json(response, callback, 200, live.view());
            }
            if (path.startsWith("/api/machine/")) {
                String id = path.substring("/api/machine/".length());
                if (live.line().station(id).isEmpty()) {
                    return error(response, callback, 404, "no such machine");
                }
                ObjectNode machine = MAPPER.createObjectNode();
                machine.set("now", live.view().get("stations").get(id));
                ArrayNode history = machine.putArray("history");
                live.history(id)
                        .forEach(c ->
                                history.addObject().put("at", c.at().toString()).put("state", c.state()));
                return json(response, callback, 200, machine);
            }
            if (path.equals("/api/proposals")) {
                ObjectNode body = MAPPER.createObjectNode();
                body.put(
                        "canDecide",
                        access.refusal(
                                        request.getHeaders().get(Access.TOKEN_HEADER),
                                        request.getHeaders().get(HttpHeader.HOST),
                                        request.getHeaders().get(HttpHeader.ORIGIN),
                                        request.getHeaders().get("Sec-Fetch-Site"))
                                .isEmpty());
                ArrayNode pending = body.putArray("pending");
                decisions.pending().forEach(pending::add);
                ArrayNode recent = body.putArray("recent");
                decisions.recent().forEach(recent::add);
                body.set(
                        "whatIf", decisions.latestWhatIf().<JsonNode>map(w -> w).orElse(MAPPER.nullNode()));
                return json(response, callback, 200, body);
            }
            if (path.equals("/events")) {
                events.open(response, callback, live.view().toString());
                return true;
            }
            return error(response, callback, 404, "not found");
        }

        /** POST /api/proposals/{id}/approve|reject with a JSON body {approver, evidence} or {approver, reason}. */
        private boolean decide(String path, Request request, Response response, Callback callback) throws IOException {
            Optional<String> refused = access.refusal(
                    request.getHeaders().get(Access.TOKEN_HEADER),
                    request.getHeaders().get(HttpHeader.HOST),
                    request.getHeaders().get(HttpHeader.ORIGIN),
                    request.getHeaders().get("Sec-Fetch-Site"));
            if (refused.isPresent()) {
                return refuseUnread(response, callback, 403, refused.get());
            }
            String[] parts = path.substring("/api/proposals/".length()).split("/");
            if (parts.length != 2 || !(parts[1].equals("approve") || parts[1].equals("reject"))) {
                return refuseUnread(response, callback, 404, "expected /api/proposals/ID/approve or /reject");
            }
            JsonNode body;
            try {
                body = MAPPER.readTree(Content.Source.asString(request));
            } catch (IOException e) {
                return error(response, callback, 400, "expected a JSON body {\"approver\": NAME, \"reason\": TEXT}");
            }
            String approver = body == null || body.get("approver") == null
                    ? ""
                    : body.get("approver").asText().strip();
            if (approver.isEmpty() || approver.length() > 80) {
                return error(
                        response,
                        callback,
                        400,
                        "approver: expected the name of the person deciding (1..80 " + "characters)");
            }
            String reason = body.get("reason") == null
                    ? ""
                    : body.get("reason").asText().strip();
            String evidence = body.get("evidence") == null
                    ? ""
                    : body.get("evidence").asText().strip();
            boolean approve = parts[1].equals("approve");
            // As strict as the terminal, stricter where a page could be stale: an approval names the whole evidence
            // hash the page showed (never "as it stands now"), a rejection says why.
            if (approve && !EVIDENCE_HASH.matcher(evidence).matches()) {
                return error(
                        response,
                        callback,
                        400,
                        "evidence: expected the proposal's evidence hash (64 hex " + "digits) as the page showed it");
            }
            if (!approve && (reason.isEmpty() || reason.length() > 500)) {
                return error(
                        response,
                        callback,
                        400,
                        "reason: expected why the proposal is rejected (1..500 " + "characters)");
            }
            Decisions.Outcome outcome = approve
                    ? decisions.approve(parts[0], evidence, "web:" + approver)
                    : decisions.reject(parts[0], "web:" + approver, reason);
            ObjectNode answer = MAPPER.createObjectNode();
            answer.put("done", outcome.done());
            answer.put("message", outcome.message());
            dirty.set(true);
            return json(response, callback, outcome.status(), answer);
        }

        private boolean asset(String name, Response response, Callback callback) throws IOException {
            String type = switch (name) {
                case "dashboard.js" -> "text/javascript; charset=utf-8";
                case "dashboard.css" -> "text/css; charset=utf-8";
                case "favicon.svg" -> "image/svg+xml";
                default -> null;
            };
            if (type == null) {
                return error(response, callback, 404, "not found");
            }
            try (InputStream in = DashboardServer.class.getResourceAsStream(ASSETS + name)) {
                if (in == null) {
                    return error(response, callback, 404, "not found");
                }
                byte[] bytes = in.readAllBytes();
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
                response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
                response.write(true, ByteBuffer.wrap(bytes), callback);
                return true;
            }
        }

        private boolean json(Response response, Callback callback, int status, JsonNode body) {
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            return send(response, callback, status, "application/json; charset=utf-8", body.toString());
        }

        private boolean error(Response response, Callback callback, int status, String message) {
            ObjectNode body = MAPPER.createObjectNode();
            body.put("error", message);
            return json(response, callback, status, body);
        }

        /**
         * An answer given before the request's body is read. Jetty closes such a connection once the answer is out
         * (the unread body would otherwise be taken for the next request); saying so in the answer keeps a client
         * that pools connections from sending its next request into the closing socket and getting no answer.
         */
        private boolean refuseUnread(Response response, Callback callback, int status, String message) {
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
            return error(response, callback, status, message);
        }

        private boolean send(Response response, Callback callback, int status, String type, String text) {
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
            Content.Sink.write(response, true, text, callback);
            return true;
        }
    }
}
