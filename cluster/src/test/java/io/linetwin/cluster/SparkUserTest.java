package io.linetwin.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class SparkUserTest {

    @Test
    void java23AndLaterNeedSparkUserAsOneLine() {
        for (int java : new int[] {23, 25}) {
            for (String unset : new String[] {null, " "}) {
                assertThatThrownBy(() -> SparkUser.requireNamed(java, unset))
                        .isInstanceOf(ClusterUnavailableException.class)
                        .hasToString("Spark on Java " + java + " needs SPARK_USER (Hadoop 3.4 cannot ask Java 23+ for "
                                + "the user's name): export SPARK_USER=$USER, or run on Java 17 or 21 "
                                + "(LINETWIN_JAVA=/path/to/bin/java)");
            }
        }
    }

    @Test
    void java17And21OrANamedUserStartSpark() {
        assertThatNoException().isThrownBy(() -> SparkUser.requireNamed(17, null));
        assertThatNoException().isThrownBy(() -> SparkUser.requireNamed(21, null));
        assertThatNoException().isThrownBy(() -> SparkUser.requireNamed(25, "ann"));
    }

    @Test
    void aDaemonIsNamedAfterThisJvmsUserUnlessTheEnvironmentNamesOne() {
        Map<String, String> unnamed = new HashMap<>(Map.of("SPARK_USER", ""));
        SparkUser.name(unnamed);
        assertThat(unnamed).containsEntry("SPARK_USER", System.getProperty("user.name"));

        Map<String, String> named = new HashMap<>(Map.of("SPARK_USER", "ann"));
        SparkUser.name(named);
        assertThat(named).containsEntry("SPARK_USER", "ann");
    }
}
