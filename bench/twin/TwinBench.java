import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.TwinStore;
import io.linetwin.broker.EmbeddedBroker;
import io.linetwin.twin.sync.KafkaSettings;
import io.linetwin.twin.sync.KafkaSignalPublisher;
import io.linetwin.twin.sync.KafkaTwinConsumer;
import io.linetwin.twin.sync.Traffic;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Twin sync benchmark (not a test): a real in-JVM KRaft broker on loopback, Ditto Protocol events of a
 * 20-machine line (40 Things), the real KafkaTwinConsumer applying into a TwinStore.
 * (a) apply rate from a pre-filled topic, (b) end-to-end rate with the producer running alongside,
 * (c) produce-to-apply latency at a steady rate. Run with bench/twin/run.sh.
 */
public final class TwinBench {

    static final int PREFILLED = Integer.getInteger("bench.prefilled", 500_000);
    static final int END_TO_END = Integer.getInteger("bench.endToEnd", 300_000);
    static final int RATE = Integer.getInteger("bench.rate", 10_000);
    static final int LATENCY_SECONDS = Integer.getInteger("bench.latencySeconds", 30);
    static final int WARMUP_SECONDS = 5;

    static final GcPauses GC = new GcPauses();

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("twin-bench");
        LineDescriptor line = Traffic.line(20);
        System.out.printf("java %s, %s, GC %s, heap max %,d MB, flags %s%n", System.getProperty("java.version"),
                System.getProperty("java.vm.name"), GC.names(), Runtime.getRuntime().maxMemory() >> 20,
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        try (EmbeddedBroker broker = EmbeddedBroker.start(0, dir.resolve("kafka"))) {
            System.out.printf("broker up at %s; cores=%d; %s%n", broker.bootstrapServers(),
                    Runtime.getRuntime().availableProcessors(), load());
            String only = System.getProperty("bench.only", "ref,a,b,c");
            if (only.contains("ref")) {
                storeOnly(line);
            }
            if (only.contains("a")) {
                applyRate(broker, line);
            }
            if (only.contains("b")) {
                endToEnd(broker, line);
            }
            if (only.contains("c")) {
                latency(broker, line);
            }
        }
    }

    /** The machine's load average: every wall-clock figure is read next to it. */
    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return "load average " + f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return "load average unknown";
        }
    }

    /** GC pauses as the JVM reports them, so latency tails can be held against them. */
    static final class GcPauses {
        private final java.util.concurrent.ConcurrentLinkedQueue<long[]> pauses = new java.util.concurrent.ConcurrentLinkedQueue<>();

        GcPauses() {
            for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
                ((javax.management.NotificationEmitter) gc).addNotificationListener((n, h) -> {
                    var info = com.sun.management.GarbageCollectionNotificationInfo.from(
                            (javax.management.openmbean.CompositeData) n.getUserData());
                    if (!info.getGcAction().contains("concurrent") && !info.getGcName().contains("Cycles")) {
                        pauses.add(new long[] {System.nanoTime(), info.getGcInfo().getDuration()});
                    }
                }, null, null);
            }
        }

        String names() {
            return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .map(java.lang.management.GarbageCollectorMXBean::getName).toList().toString();
        }

        /** Count, total and longest pause (ms) reported after {@code sinceNanos}. */
        String since(long sinceNanos) {
            long count = 0;
            long total = 0;
            long max = 0;
            for (long[] p : pauses) {
                if (p[0] >= sinceNanos) {
                    count++;
                    total += p[1];
                    max = Math.max(max, p[1]);
                }
            }
            return String.format("GC: %d collections, %d ms in total, longest %d ms", count, total, max);
        }
    }

    static KafkaSettings bulk(EmbeddedBroker broker, String topic, String group) {
        return new KafkaSettings(broker.bootstrapServers(), topic, group,
                Map.of("linger.ms", "20", "batch.size", "262144", "compression.type", "lz4"));
    }

    static void publishAll(KafkaSignalPublisher publisher, List<Traffic.Message> messages) {
        List<CompletableFuture<?>> sent = new ArrayList<>(messages.size());
        for (Traffic.Message m : messages) {
            sent.add(publisher.publish(m.key(), m.json(), new RecordHeaders()));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
    }

    static void waitFor(KafkaTwinConsumer consumer, long records) throws InterruptedException {
        while (consumer.records() < records) {
            Thread.sleep(1);
        }
    }

    /** Reference: decoding and applying without Kafka, the ceiling of (a); CPU time of this thread too. */
    static void storeOnly(LineDescriptor line) {
        List<Traffic.Message> messages = new Traffic(line, 7).next(200_000);
        List<byte[]> bytes = messages.stream().map(m -> m.json().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toList();
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 6; round++) {
            TwinStore store = TwinStore.of(line, Clock.systemUTC());
            boolean asBytes = round % 2 == 1;
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            for (int i = 0; i < messages.size(); i++) {
                if (asBytes) {
                    store.apply(bytes.get(i));
                } else {
                    store.apply(messages.get(i).json());
                }
            }
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - c0) / 1e9;
            System.out.printf("(ref) store only, round %d (%s): %,d events in %.2f s = %,.0f events/s; CPU %.2f s = "
                    + "%,.0f events per CPU-second; %s%n", round, asBytes ? "bytes" : "String", messages.size(), s,
                    messages.size() / s, cpu, messages.size() / cpu, load());
        }
    }

    static void applyRate(EmbeddedBroker broker, LineDescriptor line) throws Exception {
        String topic = "bench-prefilled";
        broker.createTopic(topic, 3);
        List<Traffic.Message> messages = new Traffic(line, 1).next(PREFILLED);
        long p0 = System.nanoTime();
        try (KafkaSignalPublisher publisher = new KafkaSignalPublisher(bulk(broker, topic, ""))) {
            publishAll(publisher, messages);
        }
        double ps = (System.nanoTime() - p0) / 1e9;
        System.out.printf("prefill: %,d events produced in %.2f s = %,.0f events/s%n", PREFILLED, ps, PREFILLED / ps);
        messages = null;
        System.gc();

        TwinStore store = TwinStore.of(line, Clock.systemUTC());
        long[] first = {0, 0};
        java.util.concurrent.atomic.AtomicLong lastCpu = new java.util.concurrent.atomic.AtomicLong();
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        AtomicInteger count = new AtomicInteger();
        try (KafkaTwinConsumer consumer = new KafkaTwinConsumer(KafkaSettings.of(broker.bootstrapServers(), topic,
                "bench-a"), store, (record, outcome) -> {
                    if (first[0] == 0) {
                        first[0] = System.nanoTime();
                        first[1] = threads.getCurrentThreadCpuTime();
                    }
                    if (count.incrementAndGet() == PREFILLED) {
                        lastCpu.set(threads.getCurrentThreadCpuTime());
                    }
                })) {
            consumer.start();
            waitFor(consumer, PREFILLED);
            double s = (System.nanoTime() - first[0]) / 1e9;
            while (lastCpu.get() == 0) {
                Thread.onSpinWait();
            }
            double cpu = (lastCpu.get() - first[1]) / 1e9;
            System.out.printf("(a) apply rate from a pre-filled topic: %,d events in %.2f s = %,.0f events/s "
                    + "(consumer thread CPU %.2f s = %,.0f events per CPU-second; applied %,d, stale %,d, "
                    + "rejected %,d); %s%n", PREFILLED, s, PREFILLED / s, cpu, PREFILLED / cpu,
                    store.stats().applied(), store.stats().stale(), store.stats().rejectedTotal(), load());
        }
    }

    static void endToEnd(EmbeddedBroker broker, LineDescriptor line) throws Exception {
        String topic = "bench-e2e";
        broker.createTopic(topic, 3);
        List<Traffic.Message> messages = new Traffic(line, 2).next(END_TO_END);
        TwinStore store = TwinStore.of(line, Clock.systemUTC());
        try (KafkaTwinConsumer consumer = new KafkaTwinConsumer(KafkaSettings.of(broker.bootstrapServers(), topic,
                "bench-b"), store);
                KafkaSignalPublisher publisher = new KafkaSignalPublisher(bulk(broker, topic, ""))) {
            consumer.start();
            consumer.awaitAssignment(java.time.Duration.ofSeconds(60));
            long t0 = System.nanoTime();
            publishAll(publisher, messages);
            double produced = (System.nanoTime() - t0) / 1e9;
            waitFor(consumer, END_TO_END);
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("(b) end to end, producer alongside: %,d events, all produced after %.2f s, all "
                    + "applied after %.2f s = %,.0f events/s; %s%n", END_TO_END, produced, s, END_TO_END / s, load());
        }
    }

    /**
     * Latency = apply time - send time (same JVM, nanoTime in a header). The topic stamps records with the
     * broker's append time (ms), which splits each latency into send -> append and append -> apply.
     */
    static void latency(EmbeddedBroker broker, LineDescriptor line) throws Exception {
        String topic = "bench-latency";
        broker.createTopic(topic, 3, Map.of("message.timestamp.type", "LogAppendTime"));
        int total = RATE * LATENCY_SECONDS;
        int warmup = RATE * WARMUP_SECONDS;
        List<Traffic.Message> messages = new Traffic(line, 3).next(total);
        long[] latencies = new long[total];
        long[] toAppend = new long[total];
        long[] fromAppend = new long[total];
        AtomicInteger seen = new AtomicInteger();
        TwinStore store = TwinStore.of(line, Clock.systemUTC());
        long[] measuredFrom = {Long.MAX_VALUE};
        try (KafkaTwinConsumer consumer = new KafkaTwinConsumer(KafkaSettings.of(broker.bootstrapServers(), topic,
                "bench-c"), store, (record, outcome) -> {
                    long now = System.nanoTime();
                    long nowMillis = System.currentTimeMillis();
                    int seq = Integer.parseInt(new String(record.headers().lastHeader("seq").value()));
                    var sent = java.nio.ByteBuffer.wrap(record.headers().lastHeader("sent").value());
                    latencies[seq] = now - sent.getLong();
                    toAppend[seq] = record.timestamp() - sent.getLong();
                    fromAppend[seq] = nowMillis - record.timestamp();
                    seen.incrementAndGet();
                });
                KafkaSignalPublisher publisher = new KafkaSignalPublisher(KafkaSettings.of(broker.bootstrapServers(),
                        topic, ""))) {
            consumer.start();
            consumer.awaitAssignment(java.time.Duration.ofSeconds(60));
            long interval = 1_000_000_000L / RATE;
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(Math.min(wait, 200_000));
                }
                if (i == warmup) {
                    measuredFrom[0] = System.nanoTime();
                }
                RecordHeaders headers = new RecordHeaders();
                headers.add("sent", java.nio.ByteBuffer.allocate(16).putLong(System.nanoTime())
                        .putLong(System.currentTimeMillis()).array());
                headers.add("seq", Integer.toString(i).getBytes());
                publisher.publish(messages.get(i).key(), messages.get(i).json(), headers);
            }
            double sendSeconds = (System.nanoTime() - start) / 1e9;
            waitFor(consumer, total);
            long[] measured = Arrays.copyOfRange(latencies, warmup, total);
            Arrays.sort(measured);
            long[] a = Arrays.copyOfRange(toAppend, warmup, total);
            long[] b = Arrays.copyOfRange(fromAppend, warmup, total);
            Arrays.sort(a);
            Arrays.sort(b);
            System.out.printf("(c) produce->apply latency at %,d events/s for %d s (first %d s discarded, achieved "
                    + "%,.0f events/s): p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms; %s%n", RATE,
                    LATENCY_SECONDS, WARMUP_SECONDS, total / sendSeconds, pct(measured, 0.50), pct(measured, 0.99),
                    pct(measured, 0.999), measured[measured.length - 1] / 1e6, load());
            System.out.printf("    split at the broker's append time (ms): send->append p50 %d, p99 %d, max %d; "
                    + "append->apply p50 %d, p99 %d, max %d; %s while measuring%n", a[a.length / 2],
                    a[(int) (a.length * 0.99)], a[a.length - 1], b[b.length / 2], b[(int) (b.length * 0.99)],
                    b[b.length - 1], GC.since(measuredFrom[0]));
        }
    }

    static double pct(long[] sorted, double p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }
}
