package io.linetwin.cluster;

import java.util.Map;

/**
 * Spark asks Hadoop 3.4 for the user's name unless {@code SPARK_USER} gives it, and Hadoop asks
 * {@code Subject.getSubject}, which Java 23 and later refuse ("getSubject is not supported"): on those JVMs Spark
 * starts only with {@code SPARK_USER} set. The launcher sets it; the daemons this JVM starts get it too.
 */
public final class SparkUser {

    static final String VARIABLE = "SPARK_USER";
    private static final int FIRST_REFUSING_JAVA = 23;

    private SparkUser() {}

    /**
     * @throws ClusterUnavailableException on Java 23+ without {@code SPARK_USER}, before Spark fails deep inside
     */
    public static void requireNamed() {
        requireNamed(Runtime.version().feature(), System.getenv(VARIABLE));
    }

    static void requireNamed(int javaVersion, String sparkUser) {
        if (javaVersion >= FIRST_REFUSING_JAVA && (sparkUser == null || sparkUser.isBlank())) {
            throw new ClusterUnavailableException("Spark on Java " + javaVersion + " needs SPARK_USER (Hadoop 3.4 "
                    + "cannot ask Java " + FIRST_REFUSING_JAVA + "+ for the user's name): export SPARK_USER=$USER, "
                    + "or run on Java 17 or 21 (LINETWIN_JAVA=/path/to/bin/java)");
        }
    }

    /** A daemon's environment: this JVM's user unless it names one already. */
    static void name(Map<String, String> environment) {
        String given = environment.get(VARIABLE);
        if (given == null || given.isBlank()) {
            environment.put(VARIABLE, System.getProperty("user.name"));
        }
    }
}
