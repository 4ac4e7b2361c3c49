package io.linetwin.cluster;

/**
 * Spark, Hadoop and Netty log at INFO through SLF4J; a CLI prints only what the user asked for. With SLF4J's
 * simple provider a logger's level can be set by a system property until the logger is first used, which is what
 * this does (unless the user set one; {@code -Dlinetwin.debug=true} keeps everything).
 */
final class SparkLogging {

    private static final String PREFIX = "org.slf4j.simpleLogger.log.";

    private SparkLogging() {}

    static void quiet() {
        if (Boolean.getBoolean("linetwin.debug")) {
            return;
        }
        quiet("org.apache.spark", "warn");
        // "Your hostname resolves to a loopback address": true on many laptops, and no concern of the user's
        quiet("org.apache.spark.util.Utils", "error");
        quiet("org.sparkproject", "warn");
        quiet("org.apache.hadoop", "error");
        quiet("io.netty", "warn");
    }

    private static void quiet(String logger, String level) {
        if (System.getProperty(PREFIX + logger) == null) {
            System.setProperty(PREFIX + logger, level);
        }
    }
}
