package io.linetwin.app.emulate;

import io.linetwin.twin.sync.KafkaSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives modify commands for the emulated line from the commands topic on its own thread and queues the
 * accepted ones until the emulator's next chunk boundary. It reads every partition from its end at start-up
 * and commits nothing: like a real line, the emulator acts on commands sent while it runs, never on old ones.
 */
public final class CommandInbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CommandInbox.class);

    private final KafkaConsumer<String, String> consumer;
    private final String topic;
    private final ParameterCommands commands;
    private final ConcurrentLinkedQueue<ParameterChange> accepted = new ConcurrentLinkedQueue<>();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Thread thread;
    private volatile RuntimeException failure;

    public CommandInbox(KafkaSettings settings, ParameterCommands commands) {
        this.topic = settings.topic();
        this.commands = commands;
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.putAll(settings.extra());
        this.consumer = new KafkaConsumer<>(p);
        this.thread = new Thread(this::loop, "emulator-commands");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Waits until the inbox reads the topic's end, so commands sent from now on reach it. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The accepted changes received since the last call, oldest first. */
    public List<ParameterChange> drain() {
        if (failure != null) {
            throw failure;
        }
        List<ParameterChange> out = new ArrayList<>();
        for (ParameterChange c; (c = accepted.poll()) != null; ) {
            out.add(c);
        }
        return out;
    }

    public long received() {
        return received.get();
    }

    public long refused() {
        return refused.get();
    }

    private void loop() {
        try {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(60));
            if (partitions == null || partitions.isEmpty()) {
                throw new IllegalStateException("commands topic " + topic + " does not exist");
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(assigned);
            Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, Duration.ofSeconds(60));
            ends.forEach(consumer::seek);
            ready.countDown();
            while (!Thread.currentThread().isInterrupted()) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    take(record.value());
                }
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } catch (RuntimeException e) {
            failure = e;
            ready.countDown();
        } finally {
            consumer.close();
        }
    }

    private void take(String json) {
        ParameterCommands.Parsed parsed = commands.parse(json);
        parsed.change().ifPresentOrElse(accepted::add, () -> {
            refused.incrementAndGet();
            LOG.warn("command refused: {}", parsed.refusal());
        });
        received.incrementAndGet();
    }

    @Override
    public void close() {
        if (!thread.isAlive()) {
            if (thread.getState() == Thread.State.NEW) {
                consumer.close();
            }
            return;
        }
        consumer.wakeup();
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
