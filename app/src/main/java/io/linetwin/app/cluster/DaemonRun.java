package io.linetwin.app.cluster;

import io.linetwin.cluster.SparkDaemon;
import java.io.PrintWriter;

/**
 * Keeps a daemon in the foreground: Ctrl-C (or any end of this JVM) stops it and what it started; a daemon that
 * stops by itself ends the command with exit 1.
 */
final class DaemonRun {

    private DaemonRun() {}

    static int untilStopped(SparkDaemon daemon, String what, PrintWriter err) throws InterruptedException {
        Thread stop = new Thread(daemon::close, "linetwin-cluster-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        int exit = daemon.waitFor();
        try {
            Runtime.getRuntime().removeShutdownHook(stop);
        } catch (IllegalStateException e) {
            return 0;
        }
        daemon.close();
        err.println("linetwin: the Spark " + what + " stopped (exit " + exit + ")");
        return 1;
    }
}
