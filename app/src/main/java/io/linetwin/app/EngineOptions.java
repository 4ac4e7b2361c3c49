package io.linetwin.app;

import io.linetwin.cluster.ScenarioSource;
import io.linetwin.cluster.SparkEngine;
import io.linetwin.cluster.SparkJars;
import io.linetwin.cluster.SparkSettings;
import io.linetwin.sim.experiment.LocalEngine;
import io.linetwin.sim.experiment.ReplicationEngine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where replications run, shared by {@code run}, {@code compare}, {@code tune} and {@code live}: this JVM's threads
 * (the default) or an Apache Spark cluster. The results are the same on either, bit for bit.
 */
public final class EngineOptions {

    @Option(
            names = "--engine",
            paramLabel = "local|spark",
            description = "Where replications run: local (this JVM's threads, the default) or spark (a Spark "
                    + "cluster, see --master). The results are the same.")
    String engine;

    @Option(
            names = "--master",
            paramLabel = "URL",
            description = "Spark master: local[*], spark://HOST:7077 (see linetwin cluster) or k8s://https://HOST:443 "
                    + "(default local[*]); implies --engine spark.")
    String master;

    @Option(
            names = "--spark-conf",
            paramLabel = "KEY=VALUE",
            description = "A Spark property for the job, e.g. spark.executor.memory=2g (repeatable); implies "
                    + "--engine spark.")
    List<String> sparkConf = List.of();

    /**
     * The engine for {@code command} on {@code options}' scenario file; the caller closes it.
     *
     * @throws BadInputException for an unknown engine, a malformed master URL or property, or --threads with spark
     */
    ReplicationEngine open(ScenarioOptions options, String command) throws BadInputException {
        return open(options.file, options.threads != null, options.threads(), command);
    }

    /**
     * The engine for {@code command} on {@code file}; {@code threads} for the local engine, given by the user when
     * {@code threadsGiven}. The caller closes it.
     */
    public ReplicationEngine open(Path file, boolean threadsGiven, int threads, String command)
            throws BadInputException {
        boolean spark = isSpark();
        if (!spark) {
            return new LocalEngine(threads);
        }
        if (threadsGiven) {
            throw new BadInputException("--threads: counts this JVM's threads; with --engine spark the cluster's "
                    + "executor cores run the replications (spark.executor.cores, spark.cores.max)");
        }
        SparkJars.requirePresent();
        SparkSettings settings;
        try {
            settings = new SparkSettings(
                    master == null ? SparkSettings.DEFAULT_MASTER : master.strip(),
                    "linetwin " + command + " " + file.getFileName(),
                    properties());
        } catch (IllegalArgumentException e) {
            throw new BadInputException(
                    (e.getMessage().startsWith("Spark properties") ? "--spark-conf: " : "--master: ") + e.getMessage());
        }
        ScenarioSource source;
        try {
            source = ScenarioSource.read(file);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot read the file: " + e.getMessage());
        }
        return SparkEngine.start(settings, source);
    }

    private boolean isSpark() throws BadInputException {
        boolean sparkOptions = master != null || !sparkConf.isEmpty();
        if (engine == null) {
            return sparkOptions;
        }
        switch (engine.strip()) {
            case SparkEngine.NAME:
                return true;
            case LocalEngine.NAME:
                if (sparkOptions) {
                    throw new BadInputException("--engine local: --master and --spark-conf apply to --engine spark");
                }
                return false;
            default:
                throw new BadInputException("--engine: expected local or spark, got \"" + engine + "\"");
        }
    }

    private Map<String, String> properties() throws BadInputException {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String entry : sparkConf) {
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                throw new BadInputException(
                        "--spark-conf: expected KEY=VALUE such as spark.executor.memory=2g, got \"" + entry + "\"");
            }
            properties.put(
                    entry.substring(0, equals).strip(),
                    entry.substring(equals + 1).strip());
        }
        return properties;
    }
}
