package io.linetwin.app.cluster;

import io.linetwin.cluster.SparkDaemon;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "start-master",
        mixinStandardHelpOptions = true,
        description = "Start a Spark standalone master in the foreground; Ctrl-C stops it.")
final class StartMasterCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--host",
            paramLabel = "HOST",
            description = "Address to listen on and to give workers and drivers (default: this machine's name; "
                    + "127.0.0.1 keeps the cluster on this machine).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", description = "Port for workers and drivers (default 7077).")
    int port = 7077;

    @Option(names = "--webui-port", paramLabel = "PORT", description = "Port of the master's web UI (default 8080).")
    int webUiPort = 8080;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        String address = host == null ? Hosts.localName() : host.strip();
        for (int[] p : new int[][] {{port, 0}, {webUiPort, 1}}) {
            if (p[0] < 0 || p[0] > 65535) {
                err.println("linetwin: " + (p[1] == 0 ? "--port" : "--webui-port") + ": expected 0-65535, got " + p[0]);
                return 2;
            }
            if (!Hosts.free(address, p[0])) {
                err.println("linetwin: " + address + ":" + p[0] + " is taken (another master?); choose another "
                        + (p[1] == 0 ? "--port" : "--webui-port"));
                return 2;
            }
        }
        SparkDaemon master = SparkDaemon.master(address, port, webUiPort, SparkDaemon.Launch.inheritingOutput());
        try {
            master.awaitListening(address, port, Duration.ofMinutes(2));
        } catch (IllegalStateException e) {
            master.close();
            err.println("linetwin: " + e.getMessage());
            return 1;
        }
        String url = "spark://" + address + ":" + port;
        err.println("linetwin: Spark master at " + url + " (web UI on port " + webUiPort + "); add workers with");
        err.println("linetwin:   linetwin cluster start-worker " + url);
        err.println("linetwin: and run with --master " + url + "; Ctrl-C stops the master");
        err.flush();
        return DaemonRun.untilStopped(master, "master", err);
    }
}
