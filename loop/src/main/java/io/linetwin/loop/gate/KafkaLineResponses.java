package io.linetwin.loop.gate;

import io.linetwin.twin.sync.KafkaSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
 * The line's answers from the responses topic, read from its beginning on a thread of its own without a consumer
 * group (nothing is committed: a restarted loop reads every answer again and finds those to commands it sent before
 * it stopped). Only answers whose correlation id is a LineTwin command id ({@code linetwin:...}) are kept — one per
 * command, a few per hour — and the first answer to a command id is the one that counts.
 */
public final class KafkaLineResponses implements LineResponses {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaLineResponses.class);
    private static final String COMMAND_ID_PREFIX = "linetwin:";

    private final KafkaSettings settings;
    private final Duration timeout;
    private final Map<String, LineResponse> answers = new ConcurrentHashMap<>();
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, String> consumer;
    private Thread thread;

    /** @param settings the responses topic, the brokers and the client properties ({@code --kafka-config}) */
    public KafkaLineResponses(KafkaSettings settings, Duration timeout) {
        this.settings = settings;
        this.timeout = timeout;
    }

    @Override
    public Optional<LineResponse> answer(String commandId) {
        return Optional.ofNullable(answers.get(commandId));
    }

    @Override
    public boolean caughtUp() {
        return caughtUp.getCount() == 0;
    }

    /** Waits until the answers that were on the topic at the start have been read. */
    public boolean awaitCaughtUp(Duration patience) throws InterruptedException {
        return caughtUp.await(patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        Properties p = settings.forClient(KafkaSettings.Client.CONSUMER, new Properties());
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()));
        consumer = new KafkaConsumer<>(p);
        thread = new Thread(this::read, "linetwin-line-responses");
        thread.setDaemon(true);
        thread.start();
    }

    private void read() {
        KafkaConsumer<String, String> c = consumer;
        try {
            List<TopicPartition> partitions = partitions(c);
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = c.endOffsets(partitions, timeout);
            while (running) {
                for (ConsumerRecord<String, String> record : c.poll(Duration.ofMillis(200))) {
                    take(record.value());
                }
                if (caughtUp.getCount() > 0 && reached(c, ends)) {
                    caughtUp.countDown();
                }
            }
        } catch (WakeupException e) {
            // close() stops the reading
        } catch (RuntimeException e) {
            // Without answers the twin's read-back still decides every command; the loop goes on.
            LOG.warn("reading the line's answers on {} stopped: {}", settings.topic(), e.toString());
        } finally {
            caughtUp.countDown();
            c.close(Duration.ofSeconds(5));
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, String> c) {
        List<PartitionInfo> infos = c.partitionsFor(settings.topic(), timeout);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("no topic " + settings.topic());
        }
        return infos.stream()
                .map(i -> new TopicPartition(settings.topic(), i.partition()))
                .toList();
    }

    private static boolean reached(KafkaConsumer<String, String> c, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (c.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void take(String value) {
        if (value == null) {
            return;
        }
        LineResponse.fromDitto(value)
                .filter(r -> r.commandId().startsWith(COMMAND_ID_PREFIX))
                .ifPresent(r -> answers.putIfAbsent(r.commandId(), r));
    }

    @Override
    public synchronized void close() {
        running = false;
        KafkaConsumer<String, String> c = consumer;
        if (c == null) {
            return;
        }
        c.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
