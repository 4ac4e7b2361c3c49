package io.linetwin.twin.sync;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class TopicsTest {

    /** A loopback port nothing listens on (bound, then released). */
    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void noBrokerAtTheAddressGivesOneLineInsteadOfWaitingForever() throws Exception {
        String servers = "127.0.0.1:" + closedPort();
        // A client timeout of two seconds: the call must come back with the message, however long it takes here.
        KafkaSettings settings = new KafkaSettings(servers, "t", "", Map.of("default.api.timeout.ms", "2000"));

        assertThatThrownBy(() -> Topics.ensure(settings, Topics.lineTwin()))
                .isInstanceOf(KafkaUnavailableException.class)
                .hasMessage("no Kafka broker at " + servers + " (start one with: linetwin broker)");
    }

    @Test
    void aMalformedAddressIsAConfigurationProblem() {
        KafkaSettings settings = KafkaSettings.of("not an address", "t", "");

        assertThatThrownBy(() -> Topics.ensure(settings, Topics.lineTwin()))
                .isInstanceOf(KafkaConfigException.class)
                .hasMessageStartingWith("Kafka client settings for not an address: ");
    }
}
