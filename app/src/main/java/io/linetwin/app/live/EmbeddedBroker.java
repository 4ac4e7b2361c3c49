package io.linetwin.app.live;

import java.nio.file.Path;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Where {@code live --embedded} gets its Kafka broker: a real single-node broker started in this process. The
 * implementation is found through {@link ServiceLoader}, so the module that owns the broker (LineTwin's
 * {@code linetwin broker}) plugs in without the live loop depending on Kafka's server jars.
 */
public interface EmbeddedBroker extends AutoCloseable {

    String bootstrapServers();

    @Override
    void close();

    /** Starts a broker with its data under a folder. */
    interface Launcher {
        EmbeddedBroker start(Path dataDir) throws Exception;
    }

    static Optional<Launcher> find() {
        return ServiceLoader.load(Launcher.class).findFirst();
    }
}
