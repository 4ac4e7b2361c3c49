package io.linetwin.app.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;

/** Host names and ports as the cluster commands choose and check them. */
final class Hosts {

    private Hosts() {}

    /** This machine's name, as other machines would reach it (and as Spark itself would pick). */
    static String localName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "127.0.0.1";
        }
    }

    /** Whether {@code port} on {@code host} is free to listen on (0: any port, always). */
    static boolean free(String host, int port) {
        if (port == 0) {
            return true;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(host, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
