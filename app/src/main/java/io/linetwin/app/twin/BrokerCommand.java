package io.linetwin.app.twin;

import io.linetwin.broker.BrokerException;
import io.linetwin.broker.EmbeddedBroker;
import io.linetwin.twin.sync.KafkaConfigException;
import io.linetwin.twin.sync.KafkaSettings;
import io.linetwin.twin.sync.KafkaUnavailableException;
import io.linetwin.twin.sync.Topics;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "broker",
        mixinStandardHelpOptions = true,
        description = {
            "Run a real single-node Kafka broker (KRaft, from Kafka's own jars) on this machine, with "
                    + "LineTwin's topics (events keyed by Thing id, commands, responses, dead letters) created. Its data "
                    + "survives a restart; Ctrl-C stops it cleanly.",
            "Then: linetwin emulate FILE --kafka 127.0.0.1:9092 and linetwin twin follow FILE --kafka 127.0.0.1:9092"
        })
public final class BrokerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "9092",
            description = "Client port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            defaultValue = ".linetwin/broker",
            description = "Folder of the broker's log, kept across restarts (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(
            names = "--host",
            paramLabel = "HOST",
            defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Option(
            names = "--verbose",
            description = "Show Kafka's own log here (by default it goes to kafka.log in the data folder, and only "
                    + "Kafka's errors are named here, in one line each).")
    boolean verbose;

    @Option(
            names = "--kafka-property",
            paramLabel = "KEY=VALUE",
            description = "A further Kafka broker setting, e.g. log.retention.hours=24 (repeatable); the listeners, "
                    + "roles and log folder come from --host, --port and --data.")
    Map<String, String> kafkaProperties = new LinkedHashMap<>();

    /** What --host, --port and --data decide; changing them by hand would break the broker LineTwin expects. */
    private static final Set<String> OWN_PROPERTIES = Set.of(
            "process.roles",
            "node.id",
            "controller.quorum.voters",
            "listeners",
            "advertised.listeners",
            "controller.listener.names",
            "inter.broker.listener.name",
            "listener.security.protocol.map",
            "log.dirs",
            "log.dir");

    /**
     * Sends Kafka's log lines to {@code kafka.log} in the data folder (appended, so earlier runs stay) through a
     * router that names Kafka's real errors on {@code console}; the simple logger writes to System.err, which
     * becomes the router. {@code console} keeps the process's own stderr.
     */
    private Path routeKafkaLog(PrintWriter console) throws IOException {
        Files.createDirectories(data);
        Path file = data.toAbsolutePath().normalize().resolve("kafka.log");
        OutputStream log = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        KafkaLogRouter.configureLogger();
        System.setErr(new PrintStream(new KafkaLogRouter(log, file, console), true, StandardCharsets.UTF_8));
        return file;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65_535) {
            err.println("--port: expected a port in [0, 65535], got " + port);
            return Exits.BAD_INPUT;
        }
        for (String key : kafkaProperties.keySet()) {
            if (OWN_PROPERTIES.contains(key)) {
                err.println("--kafka-property " + key + ": set by linetwin broker itself (use --host, --port, --data)");
                return Exits.BAD_INPUT;
            }
        }
        KafkaOptions.applyLogging(verbose);
        Optional<Path> kafkaLog = Optional.empty();
        if (!verbose) {
            try {
                kafkaLog = Optional.of(routeKafkaLog(err));
            } catch (IOException e) {
                err.println("broker: cannot write Kafka's log in " + data + ": " + e.getMessage());
                return Exits.FAILURE;
            }
        }
        EmbeddedBroker broker;
        try {
            EmbeddedBroker.Builder builder =
                    EmbeddedBroker.builder(data).host(host).port(port);
            kafkaProperties.forEach(builder::property);
            broker = builder.start();
        } catch (BrokerException | IllegalArgumentException e) {
            err.println("broker: " + e.getMessage()
                    + kafkaLog.map(f -> " (Kafka's log: " + f + ")").orElse(""));
            return Exits.FAILURE;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread stop = new Thread(
                () -> {
                    broker.close();
                    out.println("broker stopped; its data stays in " + broker.dataDir());
                    out.flush();
                    stopped.countDown();
                },
                "linetwin-broker-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            List<String> created = Topics.ensure(
                    KafkaSettings.of(broker.bootstrapServers(), KafkaSettings.EVENTS_TOPIC, ""), Topics.lineTwin());
            out.println("Kafka broker ready at " + broker.bootstrapServers() + " (data in " + broker.dataDir() + ")");
            out.println("topics: "
                    + String.join(
                            ", ",
                            Topics.lineTwin().stream().map(Topics.Spec::name).toList())
                    + (created.isEmpty() ? "" : " (created " + String.join(", ", created) + ")"));
            kafkaLog.ifPresent(f -> out.println("Kafka's own log: " + f));
            out.println("Ctrl-C stops it");
            out.flush();
            stopped.await();
            return Exits.OK;
        } catch (KafkaUnavailableException | KafkaConfigException e) {
            err.println("broker: started, but " + e.getMessage());
            return Exits.FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Exits.FAILURE;
        } finally {
            if (stopped.getCount() > 0) {
                try {
                    Runtime.getRuntime().removeShutdownHook(stop);
                    broker.close();
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs already and closes the broker
                }
            }
        }
    }
}
