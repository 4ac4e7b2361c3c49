package io.linetwin.twin.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.Lines;
import io.linetwin.twin.Prepared;
import io.linetwin.twin.TwinStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

final class BatchDecoderTest {

    private static List<ConsumerRecord<String, byte[]>> records(LineDescriptor line, int n) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        long offset = 0;
        for (Traffic.Message m : new Traffic(line, 4).next(n)) {
            records.add(new ConsumerRecord<>("t", 0, offset++, m.key(), m.json().getBytes(StandardCharsets.UTF_8)));
        }
        records.add(new ConsumerRecord<>("t", 0, offset, "x", null));
        return records;
    }

    @Test
    void everyRecordIsHandedOverOnceInRecordOrderWhateverTheHelperDoes() {
        LineDescriptor line = Traffic.line(5);
        TwinStore store = TwinStore.of(line, Lines.fixedClock());
        for (int n : new int[] {0, 1, BatchDecoder.CHUNK - 1, BatchDecoder.CHUNK, 5 * BatchDecoder.CHUNK + 17}) {
            List<ConsumerRecord<String, byte[]>> records = records(line, n);
            List<Prepared> expected = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> r : records) {
                expected.add(store.prepare(r.value() == null ? new byte[0] : r.value()));
            }
            for (int repeat = 0; repeat < 20; repeat++) {
                List<Prepared> handed = new ArrayList<>();
                try (BatchDecoder decoder = new BatchDecoder(store)) {
                    decoder.decode(records, chunk -> handed.addAll(List.of(chunk)));
                }
                assertThat(handed).as("%d records", records.size()).isEqualTo(expected);
            }
        }
    }
}
