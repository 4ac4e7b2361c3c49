package io.linetwin.twin.sync;

import io.linetwin.twin.Prepared;
import io.linetwin.twin.TwinStore;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Decodes a poll's records with the calling thread and one helper, and hands them to {@code apply} in
 * record order as soon as each chunk is decoded. The helper takes chunks from the back, the caller from
 * the front; the caller never waits for the helper: a chunk the helper has not finished yet is decoded
 * again by the caller (decoding has no side effects), so a helper thread that gets no CPU on a busy
 * machine costs nothing but its own work.
 */
final class BatchDecoder implements AutoCloseable {

    /** Records per chunk: large enough that handing one over costs little next to decoding it. */
    static final int CHUNK = 256;

    private final TwinStore store;
    private final ExecutorService helper = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "twin-kafka-decoder");
        t.setDaemon(true);
        return t;
    });

    BatchDecoder(TwinStore store) {
        this.store = store;
    }

    /** Decodes {@code records} and passes each with its decoded form to {@code apply}, in order. */
    void decode(List<ConsumerRecord<String, byte[]>> records, Consumer<Prepared[]> applyChunk) {
        int chunks = (records.size() + CHUNK - 1) / CHUNK;
        if (chunks <= 1) {
            applyChunk.accept(decode(records, 0));
            return;
        }
        AtomicIntegerArray claimed = new AtomicIntegerArray(chunks);
        AtomicReferenceArray<Prepared[]> done = new AtomicReferenceArray<>(chunks);
        try {
            helper.execute(() -> {
                for (int c = chunks - 1; c > 0 && claimed.compareAndSet(c, 0, 1); c--) {
                    done.set(c, decode(records, c));
                }
            });
        } catch (RejectedExecutionException e) {
            // Closing: the caller decodes everything itself.
        }
        for (int c = 0; c < chunks; c++) {
            Prepared[] chunk = done.get(c);
            if (chunk == null) {
                claimed.set(c, 1);
                chunk = done.get(c);
                if (chunk == null) {
                    chunk = decode(records, c);
                }
            }
            applyChunk.accept(chunk);
        }
    }

    private Prepared[] decode(List<ConsumerRecord<String, byte[]>> records, int chunk) {
        int from = chunk * CHUNK;
        int to = Math.min(records.size(), from + CHUNK);
        Prepared[] out = new Prepared[to - from];
        for (int i = from; i < to; i++) {
            byte[] value = records.get(i).value();
            out[i - from] = store.prepare(value == null ? new byte[0] : value);
        }
        return out;
    }

    @Override
    public void close() {
        helper.shutdownNow();
    }
}
