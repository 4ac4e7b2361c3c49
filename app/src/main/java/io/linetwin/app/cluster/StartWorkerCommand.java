package io.linetwin.app.cluster;

import io.linetwin.cluster.ClusterUnavailableException;
import io.linetwin.cluster.MasterProbe;
import io.linetwin.cluster.SparkDaemon;
import io.linetwin.cluster.SparkSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "start-worker",
        mixinStandardHelpOptions = true,
        description = {
            "Start a Spark standalone worker in the foreground: it offers this machine's cores to the",
            "master and runs the executors of LineTwin jobs; Ctrl-C stops it and its executors."
        })
final class StartWorkerCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "spark://HOST:PORT", description = "The master to join.")
    String master;

    @Option(
            names = "--host",
            paramLabel = "HOST",
            description = "Address to listen on and to give the master (default: this machine's name).")
    String host;

    @Option(names = "--cores", paramLabel = "N", description = "Cores to offer (default: all).")
    Integer cores;

    @Option(
            names = "--memory",
            paramLabel = "SIZE",
            description = "Memory to offer executors, e.g. 4g (default: all but 1 GB); each executor takes "
                    + "spark.executor.memory (1g unless the job says otherwise).")
    String memory;

    @Option(
            names = "--work-dir",
            paramLabel = "DIR",
            description = "Where executors keep their logs and files (default: a temporary folder, removed on exit).")
    Path workDir;

    @Option(names = "--port", paramLabel = "PORT", description = "Port for the master (default: any free one).")
    int port;

    @Option(names = "--webui-port", paramLabel = "PORT", description = "Port of the worker's web UI (default 8081).")
    int webUiPort = 8081;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        String url = master.strip();
        try {
            new SparkSettings(url, "worker", Map.of());
        } catch (IllegalArgumentException e) {
            err.println("linetwin: " + e.getMessage());
            return 2;
        }
        if (!url.startsWith("spark://")) {
            err.println(
                    "linetwin: a worker joins a standalone master: expected spark://HOST:PORT, got \"" + url + "\"");
            return 2;
        }
        if (cores != null && cores < 1) {
            err.println("linetwin: --cores: expected a count >= 1, got " + cores);
            return 2;
        }
        if (memory != null && !memory.strip().matches("\\d+[kKmMgGtT]?")) {
            err.println("linetwin: --memory: expected a size such as 512m or 4g, got \"" + memory + "\"");
            return 2;
        }
        String address = host == null ? Hosts.localName() : host.strip();
        int uiPort = Hosts.free(address, webUiPort) ? webUiPort : 0;
        try {
            MasterProbe.requireReachable(url);
        } catch (ClusterUnavailableException e) {
            err.println("linetwin: " + e.getMessage());
            return 1;
        }
        SparkDaemon worker = SparkDaemon.worker(
                url,
                address,
                Optional.ofNullable(cores),
                Optional.ofNullable(memory).map(String::strip),
                Optional.ofNullable(workDir),
                port,
                uiPort,
                SparkDaemon.Launch.inheritingOutput());
        err.println("linetwin: Spark worker for " + url + " started; Ctrl-C stops it and its executors");
        err.flush();
        return DaemonRun.untilStopped(worker, "worker", err);
    }
}
