package io.linetwin.cluster;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach Spark: the master URL ({@code local[*]}, {@code spark://HOST:7077}, {@code k8s://...}), the
 * application's name as the cluster shows it, and further Spark properties ({@code spark.executor.memory=2g}),
 * which win over LineTwin's defaults.
 */
public record SparkSettings(String master, String appName, Map<String, String> conf) {

    public static final String DEFAULT_MASTER = "local[*]";

    public SparkSettings {
        Objects.requireNonNull(master, "master");
        if (!(master.matches("local(\\[(\\*|\\d+)(,\\d+)?])?")
                || master.startsWith("spark://")
                || master.startsWith("k8s://"))) {
            throw new IllegalArgumentException(
                    "expected local[*], local[N], spark://HOST:PORT or k8s://URL, got \"" + master + "\"");
        }
        if (master.startsWith("spark://")
                && !master.substring("spark://".length()).matches("[^:,/]+:\\d{1,5}(,[^:,/]+:\\d{1,5})*")) {
            throw new IllegalArgumentException("expected spark://HOST:PORT, got \"" + master + "\"");
        }
        Objects.requireNonNull(appName, "appName");
        conf = Map.copyOf(new LinkedHashMap<>(conf));
        conf.keySet().forEach(key -> {
            if (!key.startsWith("spark.")) {
                throw new IllegalArgumentException("Spark properties start with \"spark.\", got \"" + key + "\"");
            }
        });
    }

    /** Whether the standalone master is on this machine's loopback, and so are its workers. */
    public boolean isLoopback() {
        return master.matches("spark://(127\\.[0-9.]+|localhost):\\d+");
    }

    /** Whether executors share the driver's JVM, and so its class path. */
    public boolean isLocal() {
        return master.startsWith("local");
    }
}
