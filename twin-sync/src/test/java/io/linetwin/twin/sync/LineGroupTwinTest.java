package io.linetwin.twin.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

final class LineGroupTwinTest {

    private static final Set<String> LINES = Set.of("plant1:bottling", "plant1:bottling.v2", "plant2:press");

    @Test
    void aRecordBelongsToTheLineItsKeyNamesOrToTheLineOfItsThing() {
        assertThat(LineGroupTwin.lineOf("plant2:press", LINES)).hasValue("plant2:press");
        assertThat(LineGroupTwin.lineOf("plant1:bottling.filler", LINES)).hasValue("plant1:bottling");
        // The longest line id that the Thing id extends wins over a shorter one.
        assertThat(LineGroupTwin.lineOf("plant1:bottling.v2.filler", LINES)).hasValue("plant1:bottling.v2");
        assertThat(LineGroupTwin.lineOf("plant3:other.m1", LINES)).isEmpty();
        assertThat(LineGroupTwin.lineOf("plant1:bottlingX.m1", LINES)).isEmpty();
        assertThat(LineGroupTwin.lineOf(null, LINES)).isEmpty();
    }

    @Test
    void aLinesPartitionIsTheOneKafkasProducerPicksForItsKey() {
        for (int partitions : new int[] {1, 3, 6, 7}) {
            for (int n = 0; n < 200; n++) {
                String line = "plant" + n + ":line-" + (n * 7919 % 1000);
                assertThat(LineGroupTwin.partitionOf(line, partitions))
                        .isEqualTo(
                                BuiltInPartitioner.partitionForKey(line.getBytes(StandardCharsets.UTF_8), partitions));
            }
        }
    }
}
