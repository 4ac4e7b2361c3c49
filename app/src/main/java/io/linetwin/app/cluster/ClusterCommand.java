package io.linetwin.app.cluster;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code linetwin cluster}: a Spark standalone cluster from LineTwin's own jars, for --engine spark. */
@Command(
        name = "cluster",
        mixinStandardHelpOptions = true,
        description = {
            "A Spark standalone cluster for --engine spark, from the jars LineTwin already has: start a",
            "master on one machine and a worker on each machine with cores to give, then run, compare or tune",
            "with --master spark://HOST:7077. Both run in the foreground until Ctrl-C."
        },
        subcommands = {StartMasterCommand.class, StartWorkerCommand.class})
public final class ClusterCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "expected a subcommand: start-master or start-worker");
    }
}
