package io.linetwin.cluster;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class SparkJarsTest {

    @Test
    void sparkOnTheClassPathPasses() {
        assertThatNoException().isThrownBy(SparkJars::requirePresent);
    }

    @Test
    void aMissingSparkIsOneLineThatSaysWhy() {
        assertThatThrownBy(() -> SparkJars.requirePresent("org.apache.spark.NoSuchContext"))
                .isInstanceOf(ClusterUnavailableException.class)
                .hasToString("Spark's jars are not on the class path: run through ./linetwin, which adds them for "
                        + "--engine spark, --master, --spark-conf and linetwin cluster");
    }
}
