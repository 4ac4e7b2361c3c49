package io.linetwin.app.live;

import io.linetwin.twin.sync.KafkaBroker;
import java.nio.file.Path;

/**
 * The test broker behind {@code live --embedded} until LineTwin's own broker command lands: the same in-JVM KRaft
 * broker the integration tests use, found through {@link java.util.ServiceLoader} on the test class path only.
 */
public final class TestBrokerLauncher implements EmbeddedBroker.Launcher {

    @Override
    public EmbeddedBroker start(Path dataDir) throws Exception {
        KafkaBroker broker = KafkaBroker.start(dataDir);
        return new EmbeddedBroker() {
            @Override
            public String bootstrapServers() {
                return broker.bootstrapServers();
            }

            @Override
            public void close() {
                broker.close();
            }
        };
    }
}
