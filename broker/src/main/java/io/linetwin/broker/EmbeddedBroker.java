package io.linetwin.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker in KRaft combined mode (broker and controller in one), running in this
 * JVM from the Maven {@code kafka_2.13} jars, with its log under a data folder that survives restarts.
 * {@code linetwin broker}, {@code live --embedded} and the integration tests start it; nothing else has to
 * be installed.
 *
 * <p>The data folder holds Kafka's log ({@code log/}) and {@value #STATE_FILE}, which remembers the
 * controller port so that a restart on the same folder finds its quorum where it left it. Only one broker
 * may use a folder at a time (Kafka locks it).
 */
public final class EmbeddedBroker implements AutoCloseable {

    static final String STATE_FILE = "linetwin-broker.properties";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final Path dataDir;
    private final String host;
    private final int port;
    private final int controllerPort;
    private final int saslPort;
    private final Properties props;
    private KafkaRaftServer server;

    private EmbeddedBroker(Builder b, int port, int controllerPort, int saslPort) {
        this.dataDir = b.dataDir;
        this.host = b.host;
        this.port = port;
        this.controllerPort = controllerPort;
        this.saslPort = saslPort;
        this.props = config(b);
    }

    /** A broker on {@code host 127.0.0.1:port} ({@code 0}: any free port) keeping its data in {@code dataDir}. */
    public static EmbeddedBroker start(int port, Path dataDir) throws BrokerException {
        return builder(dataDir).port(port).start();
    }

    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    /** How the broker listens; {@link #start()} formats the folder if it is new and waits until it serves. */
    public static final class Builder {
        private final Path dataDir;
        private String host = "127.0.0.1";
        private int port;
        private Map<String, String> saslPlainUsers = Map.of();
        private final Map<String, String> overrides = new LinkedHashMap<>();

        private Builder(Path dataDir) {
            this.dataDir =
                    Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize();
        }

        /** The client port; {@code 0} picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must lie in [0, 65535], got " + port);
            }
            this.port = port;
            return this;
        }

        /** The address to listen on and advertise (default {@code 127.0.0.1}: this machine only). */
        public Builder host(String host) {
            Objects.requireNonNull(host, "host");
            if (host.isBlank()) {
                throw new IllegalArgumentException("host must not be blank");
            }
            this.host = host;
            return this;
        }

        /**
         * Adds a second listener on a free port that requires SASL/PLAIN with these users (name → password);
         * {@link #saslBootstrapServers()} says where. The plain listener stays for the broker's own use.
         */
        public Builder saslPlain(Map<String, String> users) {
            if (users.isEmpty()) {
                throw new IllegalArgumentException("SASL/PLAIN needs at least one user");
            }
            this.saslPlainUsers = Map.copyOf(users);
            return this;
        }

        /** Any further broker property, applied last (e.g. {@code log.retention.hours}). */
        public Builder property(String key, String value) {
            overrides.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public EmbeddedBroker start() throws BrokerException {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new BrokerException("cannot create the data folder " + dataDir + ": " + e.getMessage(), e);
            }
            int chosen = port == 0 ? freePort() : requireFree(host, port);
            int controller = rememberedControllerPort(dataDir)
                    .filter(p -> isFree(host, p))
                    .orElseGet(EmbeddedBroker::freePort);
            int sasl = saslPlainUsers.isEmpty() ? -1 : freePort();
            EmbeddedBroker broker = new EmbeddedBroker(this, chosen, controller, sasl);
            broker.rememberControllerPort();
            broker.format();
            broker.startServer();
            return broker;
        }
    }

    private Properties config(Builder b) {
        Properties p = new Properties();
        String listeners = "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort;
        String advertised = "PLAINTEXT://" + host + ":" + port;
        String protocols = "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT";
        if (saslPort > 0) {
            listeners += ",SASL_PLAINTEXT://" + host + ":" + saslPort;
            advertised += ",SASL_PLAINTEXT://" + host + ":" + saslPort;
            protocols += ",SASL_PLAINTEXT:SASL_PLAINTEXT";
            p.put("sasl.enabled.mechanisms", "PLAIN");
            p.put("listener.name.sasl_plaintext.sasl.enabled.mechanisms", "PLAIN");
            p.put("listener.name.sasl_plaintext.plain.sasl.jaas.config", plainJaas(b.saslPlainUsers));
        }
        p.putAll(Map.ofEntries(
                Map.entry("process.roles", "broker,controller"),
                Map.entry("node.id", "1"),
                Map.entry("controller.quorum.voters", "1@" + host + ":" + controllerPort),
                Map.entry("listeners", listeners),
                Map.entry("advertised.listeners", advertised),
                Map.entry("controller.listener.names", "CONTROLLER"),
                Map.entry("inter.broker.listener.name", "PLAINTEXT"),
                Map.entry("listener.security.protocol.map", protocols),
                Map.entry("log.dirs", dataDir.resolve("log").toString()),
                Map.entry("num.partitions", "1"),
                Map.entry("offsets.topic.replication.factor", "1"),
                Map.entry("offsets.topic.num.partitions", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("share.coordinator.state.topic.replication.factor", "1"),
                Map.entry("share.coordinator.state.topic.min.isr", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0"),
                // Topics are made on purpose (Topics.ensure), never by a typo in a client's topic name.
                Map.entry("auto.create.topics.enable", "false")));
        p.putAll(b.overrides);
        return p;
    }

    /** The broker's own JAAS line: user_NAME="PASSWORD" entries are the accepted logins. */
    private static String plainJaas(Map<String, String> users) {
        Map.Entry<String, String> first = users.entrySet().iterator().next();
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + first.getKey()
                + "\" password=\"" + first.getValue() + "\" "
                + users.entrySet().stream()
                        .map(u -> "user_" + u.getKey() + "=\"" + u.getValue() + "\"")
                        .collect(Collectors.joining(" "))
                + ";";
    }

    /** Writes this start's config and, on a new folder only, formats the log (a format picks a new cluster id). */
    private void format() throws BrokerException {
        Path config = dataDir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(config)) {
            props.store(out, "LineTwin broker (written at every start)");
        } catch (IOException e) {
            throw new BrokerException("cannot write " + config + ": " + e.getMessage(), e);
        }
        if (Files.exists(dataDir.resolve("log").resolve("meta.properties"))) {
            return;
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int rc;
        try {
            rc = StorageTool.execute(
                    new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()},
                    new PrintStream(log, true, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new BrokerException("cannot format the Kafka log in " + dataDir + ": " + e.getMessage(), e);
        }
        if (rc != 0) {
            throw new BrokerException("formatting the Kafka log in " + dataDir + " failed (" + rc + "): "
                    + log.toString(StandardCharsets.UTF_8).strip());
        }
    }

    private void startServer() throws BrokerException {
        try {
            server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
        } catch (RuntimeException e) {
            stopQuietly();
            String message = String.valueOf(e.getMessage());
            if (message.contains("lock")) {
                throw new BrokerException("the data folder " + dataDir + " is in use by another broker", e);
            }
            throw new BrokerException("the broker did not start: " + message, e);
        }
        awaitServing();
    }

    /** startup() returns before the broker answers clients; a metadata round trip says it does. */
    private void awaitServing() throws BrokerException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopQuietly();
            throw new BrokerException("interrupted while the broker started", e);
        } catch (ExecutionException | TimeoutException e) {
            stopQuietly();
            throw new BrokerException("the broker did not answer within " + READY_TIMEOUT.toSeconds() + " s", e);
        }
    }

    /** Stops and starts the broker on the same ports and data, as after a crash of the broker host. */
    public void restart() throws BrokerException {
        stopServer();
        startServer();
    }

    /** {@code host:port} of the plain listener, for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return host + ":" + port;
    }

    /** {@code host:port} of the SASL/PLAIN listener, when the builder asked for one. */
    public Optional<String> saslBootstrapServers() {
        return saslPort > 0 ? Optional.of(host + ":" + saslPort) : Optional.empty();
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Creates a topic (replication 1) with optional topic configs; for tests and tools. */
    public void createTopic(String name, int partitions, Map<String, String> configs) throws BrokerException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(configs)))
                    .all()
                    .get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException("interrupted while creating topic " + name, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new BrokerException("cannot create topic " + name + ": " + e.getMessage(), e);
        }
    }

    public void createTopic(String name, int partitions) throws BrokerException {
        createTopic(name, partitions, Map.of());
    }

    private void stopServer() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    private void stopQuietly() {
        try {
            stopServer();
        } catch (RuntimeException ignored) {
            server = null;
        }
    }

    /** Stops the broker cleanly (its log is flushed and closed); the data stays for the next start. */
    @Override
    public void close() {
        stopServer();
    }

    private void rememberControllerPort() throws BrokerException {
        Path file = dataDir.resolve(STATE_FILE);
        Properties state = new Properties();
        state.setProperty("controller.port", Integer.toString(controllerPort));
        Path temp = dataDir.resolve(STATE_FILE + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                state.store(out, "LineTwin broker: the controller port, reused at the next start");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new BrokerException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Integer> rememberedControllerPort(Path dataDir) {
        Path file = dataDir.resolve(STATE_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties state = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            state.load(in);
            return Optional.of(
                    Integer.parseInt(state.getProperty("controller.port", "").trim()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static int requireFree(String host, int port) throws BrokerException {
        if (!isFree(host, port)) {
            throw new BrokerException("port " + port + " on " + host + " is in use (another broker? try --port)");
        }
        return port;
    }

    private static boolean isFree(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port on the loopback interface", e);
        }
    }
}
