package io.linetwin.app;

import io.linetwin.app.emulate.LineEmulator;
import io.linetwin.app.emulate.Pacer;
import io.linetwin.app.twin.KafkaOptions;
import io.linetwin.dashboard.Access;
import io.linetwin.dashboard.DashboardServer;
import io.linetwin.dashboard.LiveLine;
import io.linetwin.dashboard.ProposalDecisions;
import io.linetwin.model.Scenario;
import io.linetwin.report.i18n.Messages;
import io.linetwin.sim.LineSimulation;
import io.linetwin.twin.DittoMessages;
import io.linetwin.twin.LineDescriptors;
import io.linetwin.twin.TwinStore;
import io.linetwin.twin.sync.KafkaClientConfig;
import io.linetwin.twin.sync.KafkaConfigException;
import io.linetwin.twin.sync.KafkaSettings;
import io.linetwin.twin.sync.KafkaTwinConsumer;
import io.linetwin.twin.sync.KafkaUnavailableException;
import io.linetwin.twin.sync.SignalSink;
import io.linetwin.twin.sync.Topics;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import org.eclipse.ditto.base.model.signals.Signal;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "A web dashboard of the live line: the plan coloured by each machine's state, buffer fills,",
            "counters, the twin's health, a page per machine with its history and failure risk, and pending",
            "proposals. Read-only without the token printed at start; binds to 127.0.0.1 unless told otherwise."
        })
final class ServeCommand implements Callable<Integer> {

    /** A configured credential instead of a fresh random token (e.g. for a service started by systemd). */
    static final String TOKEN_VARIABLE = "LINETWIN_DASHBOARD_TOKEN";
    /** After Ctrl-C: time to stop the server (its own stop timeout is 2 s) and the feed. */
    private static final java.time.Duration WIND_DOWN = java.time.Duration.ofSeconds(10);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Scenario file of the line (linetwin/v1 YAML).")
    Path file;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Feed feed;

    static final class Feed {
        @Option(names = "--kafka", paramLabel = "HOST:PORT", description = "Follow the twin's events on this Kafka.")
        String kafka;

        @Option(names = "--embedded", description = "Play the scenario's line in this process (a demo, no servers).")
        boolean embedded;
    }

    @Option(
            names = "--topic",
            paramLabel = "T",
            defaultValue = KafkaSettings.EVENTS_TOPIC,
            description = "Events topic with --kafka (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(
            names = "--kafka-config",
            paramLabel = "FILE",
            description = "With --kafka: Kafka client properties file (security.protocol, sasl.*, ssl.*, timeouts).")
    Path kafkaConfig;

    @Option(names = "--verbose", description = "Show Kafka's own log (quiet by default).")
    boolean verbose;

    @Option(
            names = "--speed",
            paramLabel = "X",
            defaultValue = "60",
            description = "With --embedded: engine seconds per wall second (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(
            names = "--port",
            paramLabel = "N",
            defaultValue = "8080",
            description = "Port (default: ${DEFAULT-VALUE}; 0: any free one).")
    int port;

    @Option(
            names = "--bind",
            paramLabel = "ADDRESS",
            defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String bind;

    @Option(
            names = "--state",
            paramLabel = "DIR",
            defaultValue = ".linetwin",
            description = "The live loop's state folder, whose proposals the page shows and decides (default: "
                    + "${DEFAULT-VALUE}; linetwin live creates it).")
    Path state;

    @Mixin
    LanguageOption language;

    @Override
    public Integer call() throws Exception {
        ScenarioOptions scenarioOptions = new ScenarioOptions();
        scenarioOptions.file = file;
        Scenario scenario = scenarioOptions.load();
        Messages messages = language.messages();
        if (port < 0 || port > 65535) {
            throw new BadInputException("--port: expected 0..65535, got " + port);
        }
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new BadInputException("--speed: expected a factor > 0, got " + speed);
        }
        if (feed.kafka != null && feed.kafka.isBlank()) {
            throw new BadInputException("--kafka: expected HOST:PORT");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Optional<KafkaSettings> kafka = Optional.empty();
        if (feed.kafka != null) {
            try {
                kafka = Optional.of(kafkaSettings());
            } catch (KafkaUnavailableException e) {
                err.println(e.getMessage());
                return ExitCode.FAILURE;
            }
        }
        Access access;
        try {
            String configured = System.getenv(TOKEN_VARIABLE);
            access = configured == null || configured.isBlank() ? Access.random() : Access.of(configured);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(TOKEN_VARIABLE + ": " + e.getMessage());
        }
        TwinStore store = TwinStore.of(LineDescriptors.of(scenario.line()), Clock.systemUTC());
        String source = feed.embedded ? "embedded line" : "Kafka " + feed.kafka + " / " + topic;
        LiveLine live = new LiveLine(scenario.line(), store, Clock.systemUTC(), source);
        CountDownLatch stopped = new CountDownLatch(1);
        DashboardServer server = new DashboardServer(
                live,
                store,
                scenario.name(),
                messages,
                access,
                new ProposalDecisions(state, Clock.systemUTC(), messages),
                bind,
                port);
        // Closed after Ctrl-C, whose interrupt may reach this thread while Jetty stops: stopped on a thread of its own.
        try (AutoCloseable input = startFeed(scenario, store, kafka);
                AutoCloseable dashboard = () -> Uninterrupted.run(server::close, "linetwin-dashboard-stop")) {
            java.net.URI address;
            try {
                address = server.start();
            } catch (java.io.IOException e) {
                if (e instanceof BindException || e.getCause() instanceof BindException) {
                    throw new BadInputException(
                            "--port " + port + ": cannot listen on " + bind + ":" + port + " (" + e.getMessage() + ")");
                }
                throw e;
            }
            if (!InetAddress.getByName(bind).isLoopbackAddress()) {
                err.println("linetwin: serve: listening on " + bind + ", reachable from other machines; changes "
                        + "still need the token");
            }
            // Ctrl-C handled, with time to close the server and the feed, before the address is out: a caller that
            // sees it may stop the server at once. (A hook added after a signal came cannot be added, and the server
            // ended as a command cut short.)
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "linetwin-serve-stop"));
            Main.allowWindDown(WIND_DOWN);
            out.println("dashboard: " + address + " (" + source + ")");
            out.println("token for approvals: " + access.token());
            out.println("Ctrl-C stops.");
            out.flush();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                // Ctrl-C is how a server ends, not a run cut short: close it and say so, nothing else.
            }
            out.println("dashboard stopped");
            out.flush();
        }
        return ExitCode.OK;
    }

    /**
     * The events topic's settings, once a broker answered (the topic created when missing): without one the command
     * ends within seconds with one line instead of serving a page that never moves.
     */
    private KafkaSettings kafkaSettings() throws KafkaUnavailableException, BadInputException {
        KafkaOptions.applyLogging(verbose);
        try {
            Map<String, String> extra = kafkaConfig == null ? Map.of() : KafkaClientConfig.load(kafkaConfig);
            KafkaSettings settings =
                    new KafkaSettings(feed.kafka.strip(), topic, "linetwin-dashboard-" + UUID.randomUUID(), extra);
            Topics.ensure(settings, List.of(Topics.events(topic)));
            return settings;
        } catch (KafkaConfigException | IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
        }
    }

    private AutoCloseable startFeed(Scenario scenario, TwinStore store, Optional<KafkaSettings> kafka) {
        if (kafka.isEmpty()) {
            LineSimulation simulation = new LineSimulation(scenario.line())
                    .startingAt(scenario.experiment().startSecondsOfWeek());
            LineEmulator emulator = new LineEmulator(
                    simulation,
                    new StoreSink(store),
                    Instant.now(),
                    scenario.experiment().seed(),
                    10,
                    60,
                    Pacer.realTime(speed),
                    List::of);
            Thread thread = new Thread(
                    () -> {
                        try {
                            emulator.runForever();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "linetwin-embedded-line");
            thread.setDaemon(true);
            thread.start();
            return thread::interrupt;
        }
        KafkaTwinConsumer consumer = new KafkaTwinConsumer(kafka.get(), store);
        consumer.start();
        return consumer;
    }

    /** The embedded line's events go straight into the twin, as a Kafka round trip would deliver them. */
    private static final class StoreSink implements SignalSink {
        private final TwinStore store;

        StoreSink(TwinStore store) {
            this.store = store;
        }

        @Override
        public CompletionStage<Void> send(Signal<?> signal) {
            store.apply(DittoMessages.toJson(signal));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close() {}
    }
}
