package io.linetwin.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A standalone master that is not there would cost a minute of Spark's own registration retries; one TCP connect
 * per master tells at once.
 */
public final class MasterProbe {

    private static final int CONNECT_MILLIS = 3000;

    private MasterProbe() {}

    /**
     * @throws ClusterUnavailableException when no master of a {@code spark://} URL accepts a connection
     */
    public static void requireReachable(String master) {
        if (!master.startsWith("spark://")) {
            return;
        }
        List<String> failures = new ArrayList<>();
        for (String hostPort : master.substring("spark://".length()).split(",")) {
            int colon = hostPort.lastIndexOf(':');
            String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            int port;
            try {
                port = colon < 0 ? 7077 : Integer.parseInt(hostPort.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected spark://HOST:PORT, got \"" + master + "\"");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), CONNECT_MILLIS);
                return;
            } catch (IOException e) {
                failures.add(host + ":" + port + " (" + e.getMessage() + ")");
            }
        }
        throw new ClusterUnavailableException("cannot reach the Spark master at " + String.join(", ", failures)
                + "; is it running? (linetwin cluster start-master)");
    }
}
