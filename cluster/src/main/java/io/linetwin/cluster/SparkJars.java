package io.linetwin.cluster;

/**
 * Whether Spark's own jars are on this JVM's class path: the launcher puts them there only for the commands that use
 * Spark (--engine spark, --master, --spark-conf, linetwin cluster), as every other command would pay for opening
 * them at each start. Free of Spark types itself, so that it can say so before any Spark class is needed.
 */
public final class SparkJars {

    private static final String PROBE = "org.apache.spark.SparkContext";

    private SparkJars() {}

    /** @throws ClusterUnavailableException in one line when Spark's classes cannot be found */
    public static void requirePresent() {
        requirePresent(PROBE);
    }

    static void requirePresent(String probe) {
        try {
            Class.forName(probe, false, SparkJars.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ClusterUnavailableException("Spark's jars are not on the class path: run through ./linetwin, "
                    + "which adds them for --engine spark, --master, --spark-conf and linetwin cluster");
        }
    }
}
