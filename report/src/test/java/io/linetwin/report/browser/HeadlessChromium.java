package io.linetwin.report.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;

/**
 * A real headless Chromium (Debian's {@code chromium}) driven over the DevTools protocol with the JDK's own HTTP and
 * WebSocket client: no WebDriver, no extra jars. Starts with a fresh profile, no GPU, no background networking and
 * no sandbox (tests run as root in CI), /tmp instead of a container's small /dev/shm; collects every console error, uncaught exception and failed load of a page.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration START = Duration.ofSeconds(60);

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Page> pages = new ArrayList<>();

    private HeadlessChromium(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The browser's binary: {@code $CHROMIUM}, else Debian's {@code /usr/bin/chromium}; empty when neither is. */
    public static Optional<Path> binary() {
        String configured = System.getenv("CHROMIUM");
        Path path = Path.of(configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured);
        return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
    }

    /**
     * Skips the calling test class when there is no browser on a developer's machine, but fails it in CI
     * ({@code CI=true}, as CI services set it): there a missing browser means the browser tests did not run, which
     * must not pass as green.
     */
    public static void assumeAvailable() {
        if (binary().isPresent()) {
            return;
        }
        String missing = "no Chromium at "
                + (System.getenv("CHROMIUM") == null ? "/usr/bin/chromium" : "$CHROMIUM=" + System.getenv("CHROMIUM"))
                + ": install Debian's chromium (scripts/test.sh does) or "
                + "set CHROMIUM to a Chromium binary";
        if (inCi()) {
            throw new IllegalStateException("CI=true and " + missing + "; the browser tests cannot run");
        }
        Assumptions.assumeTrue(false, missing);
    }

    static boolean inCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false") && !ci.equals("0");
    }

    /** Starts the browser with a fresh profile in a new folder under {@code parent}. */
    public static HeadlessChromium start(Path parent) throws IOException, InterruptedException {
        Path binary = binary().orElseThrow(() -> new IllegalStateException(
                "no Chromium: install Debian's chromium (scripts/test.sh does) or set CHROMIUM"));
        Files.createDirectories(parent);
        Path profile = Files.createTempDirectory(parent, "profile-");
        Path log = profile.resolve("chromium.log");
        Process process = new ProcessBuilder(
                        binary.toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run",
                        "--no-default-browser-check",
                        "--disable-extensions",
                        "--mute-audio",
                        "--hide-scrollbars",
                        "--disable-dev-shm-usage",
                        "--remote-debugging-address=127.0.0.1",
                        "--remote-debugging-port=0",
                        "--user-data-dir=" + profile.toAbsolutePath(),
                        "--window-size=1280,900",
                        "about:blank")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + START.toNanos();
        // Chromium writes the port and then the browser's target path, not atomically: the second line shows that
        // the first is whole (a read in the middle of the write could see "41" of port 41235).
        while (!Files.isRegularFile(portFile) || Files.readAllLines(portFile).size() < 2) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("Chromium did not start: " + Files.readString(log));
            }
            Thread.sleep(100);
        }
        return new HeadlessChromium(
                process, Integer.parseInt(Files.readAllLines(portFile).get(0).strip()));
    }

    /** A new tab showing {@code url}, loaded. */
    public Page open(String url) throws Exception {
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/new?about:blank"))
                        .PUT(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode target = MAPPER.readTree(created.body());
        Page page = new Page(target.get("id").asText());
        page.socket = http.newWebSocketBuilder()
                .buildAsync(URI.create(target.get("webSocketDebuggerUrl").asText()), page.new Listener())
                .get(30, TimeUnit.SECONDS);
        page.call("Runtime.enable", MAPPER.createObjectNode());
        page.call("Log.enable", MAPPER.createObjectNode());
        page.call("Page.enable", MAPPER.createObjectNode());
        page.navigate(url);
        pages.add(page);
        return page;
    }

    @Override
    public void close() {
        pages.forEach(Page::close);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** One tab. */
    public final class Page implements AutoCloseable {
        private final String targetId;
        private final AtomicInteger ids = new AtomicInteger();
        private final Map<Integer, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
        private final List<String> errors = new CopyOnWriteArrayList<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        private Page(String targetId) {
            this.targetId = targetId;
        }

        public void navigate(String url) throws Exception {
            ObjectNode params = MAPPER.createObjectNode().put("url", url);
            JsonNode answer = call("Page.navigate", params);
            if (answer.has("errorText")) {
                errors.add("navigation: " + answer.get("errorText").asText());
            }
            waitUntil("document.readyState === 'complete'", Duration.ofSeconds(60));
        }

        /** The value of a JavaScript expression (promises awaited). */
        public JsonNode evaluate(String expression) throws Exception {
            ObjectNode params = MAPPER.createObjectNode()
                    .put("expression", expression)
                    .put("returnByValue", true)
                    .put("awaitPromise", true);
            JsonNode answer = call("Runtime.evaluate", params);
            if (answer.has("exceptionDetails")) {
                throw new IllegalStateException("script failed: " + answer.get("exceptionDetails"));
            }
            JsonNode value = answer.get("result").get("value");
            return value == null ? MAPPER.nullNode() : value;
        }

        /** Waits until {@code condition} (JavaScript) is true; returns how long it took. */
        public Duration waitUntil(String condition, Duration timeout) throws Exception {
            long start = System.nanoTime();
            long deadline = start + timeout.toNanos();
            while (true) {
                JsonNode value = evaluate("!!(" + condition + ")");
                if (value.asBoolean()) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("not within " + timeout + ": " + condition);
                }
                Thread.sleep(50);
            }
        }

        /** A PNG of the whole page. */
        public void screenshot(Path file) throws Exception {
            int height =
                    evaluate("Math.ceil(document.documentElement.scrollHeight)").asInt();
            call(
                    "Emulation.setDeviceMetricsOverride",
                    MAPPER.createObjectNode()
                            .put("width", 1280)
                            .put("height", Math.max(600, Math.min(height, 12000)))
                            .put("deviceScaleFactor", 1)
                            .put("mobile", false));
            JsonNode shot =
                    call("Page.captureScreenshot", MAPPER.createObjectNode().put("format", "png"));
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, Base64.getDecoder().decode(shot.get("data").asText()));
            call("Emulation.clearDeviceMetricsOverride", MAPPER.createObjectNode());
        }

        /**
         * Whether this browser has a font for Chinese: two different characters drawn on a canvas differ, where
         * without a CJK font both come out as the same empty box and a Chinese page is unreadable.
         */
        public boolean rendersChinese() throws Exception {
            return evaluate("(() => { const draw = ch => { const c = document.createElement('canvas'); c.width = 40; "
                            + "c.height = 40; const g = c.getContext('2d'); g.font = '32px sans-serif'; g.fillText(ch, 2, 34); "
                            + "return Array.from(g.getImageData(0, 0, 40, 40).data).join(','); }; "
                            + "return draw('\u72b6') !== draw('\u6001'); })()")
                    .asBoolean();
        }

        /** Console errors, uncaught exceptions, failed loads and blocked resources seen so far. */
        public List<String> errors() {
            return List.copyOf(errors);
        }

        JsonNode call(String method, ObjectNode params) throws Exception {
            int id = ids.incrementAndGet();
            CompletableFuture<JsonNode> answer = new CompletableFuture<>();
            waiting.put(id, answer);
            ObjectNode message = MAPPER.createObjectNode().put("id", id).put("method", method);
            message.set("params", params);
            synchronized (this) {
                socket.sendText(message.toString(), true).get(30, TimeUnit.SECONDS);
            }
            JsonNode reply = answer.get(60, TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new IllegalStateException(method + ": " + reply.get("error"));
            }
            return reply.get("result");
        }

        private void onMessage(String text) {
            try {
                JsonNode message = MAPPER.readTree(text);
                if (message.has("id")) {
                    CompletableFuture<JsonNode> answer =
                            waiting.remove(message.get("id").asInt());
                    if (answer != null) {
                        answer.complete(message);
                    }
                    return;
                }
                String method = message.path("method").asText();
                JsonNode params = message.path("params");
                if (method.equals("Runtime.consoleAPICalled")
                        && params.path("type").asText().equals("error")) {
                    errors.add("console.error: " + params.path("args"));
                } else if (method.equals("Runtime.exceptionThrown")) {
                    errors.add("exception: " + params.path("exceptionDetails"));
                } else if (method.equals("Log.entryAdded")
                        && params.path("entry").path("level").asText().equals("error")) {
                    errors.add("log: " + params.path("entry").path("text").asText() + " "
                            + params.path("entry").path("url").asText());
                }
            } catch (IOException e) {
                errors.add("unreadable DevTools message: " + e.getMessage());
            }
        }

        private final class Listener implements WebSocket.Listener {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    String text = partial.toString();
                    partial.setLength(0);
                    onMessage(text);
                }
                webSocket.request(1);
                return null;
            }
        }

        @Override
        public void close() {
            try {
                http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/close/" + targetId))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (IOException | InterruptedException e) {
                // The browser is going away anyway.
            }
        }
    }
}
