package io.linetwin.app.emulate;

import io.linetwin.twin.TwinFeatures;
import io.linetwin.twin.sync.KafkaSettings;
import io.linetwin.twin.sync.SignalSink;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.ditto.things.model.ThingId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives modify commands for the emulated line from the commands topic on its own thread, decides each one
 * ({@link ParameterCommands}) and queues the accepted ones until the emulator's next chunk boundary.
 *
 * <p>Nothing sent to the line is lost silently. The inbox reads in a consumer group of its own and commits a
 * command's offset only once the command is answered: refused (a Ditto error response with the reason is on the
 * responses topic) or applied (its confirming event is on the events topic and a 204 response is sent). An
 * emulator restarted after a crash therefore reads on from the first unanswered command, and commands sent while
 * it was down are taken when it is back. A group's very first start reads from the topic's end: old commands
 * from before the line existed are not replayed.
 *
 * <p>At most {@code maxPending} accepted commands wait for a chunk boundary; while that many wait, the inbox
 * stops reading (the rest stay on the topic), so the queue is bounded and nothing is dropped. Refusals are
 * logged sparsely ({@link RefusalLog}).
 */
public final class CommandInbox implements CommandSource, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CommandInbox.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    /** An accepted command and what answering it needs. */
    private record Ticket(
            TopicPartition partition,
            long offset,
            Optional<ParameterChange> change,
            Optional<HealthEstimate> estimate,
            ThingId thing,
            String correlationId) {

        String feature() {
            return estimate.isPresent() ? TwinFeatures.HEALTH : TwinFeatures.PARAMETERS;
        }

        String property() {
            return estimate.isPresent()
                    ? TwinFeatures.RUL
                    : change.orElseThrow().name();
        }
    }

    private final KafkaConsumer<String, String> consumer;
    private final String topic;
    private final ParameterCommands commands;
    private final SignalSink responses;
    private final int maxPending;
    private final RefusalLog refusals = new RefusalLog(LOG, Duration.ofMinutes(1));

    /** Guarded by {@code this}: accepted and not drained, drained and not applied, offsets not answered. */
    private final ArrayDeque<Ticket> accepted = new ArrayDeque<>();

    private final List<Ticket> drained = new ArrayList<>();
    private final List<HealthEstimate> drainedEstimates = new ArrayList<>();
    private final Map<TopicPartition, TreeSet<Long>> open = new HashMap<>();

    /** Inbox thread only. */
    private final Map<TopicPartition, Long> readUpTo = new HashMap<>();

    private final Set<TopicPartition> paused = new HashSet<>();
    private Map<TopicPartition, Long> lastCommitted = Map.of();

    private final AtomicLong received = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    /**
     * @param settings   the commands topic and the emulator's consumer group (which must be named)
     * @param responses  where answers go (the responses topic)
     * @param maxPending accepted commands that may wait for a chunk boundary
     */
    public CommandInbox(KafkaSettings settings, ParameterCommands commands, SignalSink responses, int maxPending) {
        if (settings.groupId().isBlank()) {
            throw new IllegalArgumentException("the command inbox needs a consumer group, got none");
        }
        if (maxPending < 1) {
            throw new IllegalArgumentException("maxPending must be >= 1, got " + maxPending);
        }
        this.topic = settings.topic();
        this.commands = commands;
        this.responses = responses;
        this.maxPending = maxPending;
        Properties p = new Properties();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
        settings.forClient(io.linetwin.twin.sync.KafkaSettings.Client.CONSUMER, p);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        this.consumer = new KafkaConsumer<>(p);
        this.thread = new Thread(this::loop, "emulator-commands");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Waits until the inbox has its partitions and knows where it reads from: commands sent from now on reach it. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized List<ParameterChange> drain() {
        if (failure != null) {
            throw failure;
        }
        List<ParameterChange> out = new ArrayList<>();
        drainedEstimates.clear();
        for (Ticket t; (t = accepted.poll()) != null; ) {
            drained.add(t);
            t.change().ifPresent(out::add);
            t.estimate().ifPresent(drainedEstimates::add);
        }
        return out;
    }

    @Override
    public synchronized List<HealthEstimate> drainedEstimates() {
        return List.copyOf(drainedEstimates);
    }

    @Override
    public void applied() {
        List<Ticket> done;
        synchronized (this) {
            done = List.copyOf(drained);
            drained.clear();
        }
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (Ticket t : done) {
            sent.add(responses
                    .send(CommandResponses.applied(t.thing(), t.feature(), t.property(), t.correlationId()))
                    .toCompletableFuture());
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                .orTimeout(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .join();
        synchronized (this) {
            for (Ticket t : done) {
                open.get(t.partition()).remove(t.offset());
            }
        }
    }

    /** Commands read (accepted or refused). */
    public long received() {
        return received.get();
    }

    public long refused() {
        return refused.get();
    }

    /** Accepted commands not yet applied. */
    public synchronized int pending() {
        return accepted.size() + drained.size();
    }

    private void loop() {
        try {
            consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    commit(true);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    for (TopicPartition p : partitions) {
                        // Resolves where reading starts (the committed offset, or the end for a new group) now,
                        // so that a command sent after awaitReady() is read.
                        readUpTo.putIfAbsent(p, consumer.position(p));
                    }
                    ready.countDown();
                }
            });
            while (running) {
                if (pending() < maxPending && !paused.isEmpty()) {
                    consumer.resume(paused);
                    paused.clear();
                }
                Set<TopicPartition> full = new HashSet<>();
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition p = new TopicPartition(record.topic(), record.partition());
                    if (full.contains(p)) {
                        continue;
                    }
                    if (pending() >= maxPending) {
                        // The queue is full: this record and the rest of its partition wait on the topic.
                        consumer.seek(p, record.offset());
                        consumer.pause(List.of(p));
                        paused.add(p);
                        full.add(p);
                        continue;
                    }
                    take(p, record);
                    readUpTo.put(p, record.offset() + 1);
                }
                commit(false);
            }
        } catch (WakeupException e) {
            // close() asked us to stop
        } catch (RuntimeException e) {
            failure = e;
            LOG.error("the emulator's command inbox stopped: {}", e.toString());
        } finally {
            ready.countDown();
            try {
                commit(true);
            } catch (RuntimeException e) {
                LOG.info(
                        "final commit of the commands failed ({}); unanswered commands will be read again",
                        e.getMessage());
            }
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void take(TopicPartition partition, ConsumerRecord<String, String> record) {
        // Counted only once its outcome is recorded: a caller that saw received() go up may drain() it at once.
        ParameterCommands.Parsed parsed = commands.parse(record.value() == null ? "" : record.value());
        if (parsed.accepted()) {
            synchronized (this) {
                accepted.add(new Ticket(
                        partition,
                        record.offset(),
                        parsed.change(),
                        parsed.estimate(),
                        parsed.thingId().orElseThrow(),
                        parsed.correlationId()));
                open.computeIfAbsent(partition, x -> new TreeSet<>()).add(record.offset());
            }
            received.incrementAndGet();
            return;
        }
        refused.incrementAndGet();
        received.incrementAndGet();
        Refusal why = parsed.refusal().orElseThrow();
        refusals.refused(why.code() + ": " + parsed.message());
        if (parsed.thingId().isPresent()) {
            responses
                    .send(CommandResponses.refused(
                            parsed.thingId().get(), parsed.property(), why, parsed.message(), parsed.correlationId()))
                    .toCompletableFuture()
                    .orTimeout(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .join();
        }
    }

    /** Commits, per partition, the first command not yet answered (or everything read). */
    private void commit(boolean sync) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        synchronized (this) {
            readUpTo.forEach((p, next) -> {
                TreeSet<Long> waiting = open.get(p);
                positions.put(p, waiting == null || waiting.isEmpty() ? next : Math.min(next, waiting.first()));
            });
        }
        if (positions.isEmpty() || positions.equals(lastCommitted)) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        positions.forEach((p, next) -> offsets.put(p, new OffsetAndMetadata(next)));
        if (sync) {
            consumer.commitSync(offsets, Duration.ofSeconds(10));
        } else {
            consumer.commitAsync(offsets, (o, error) -> {
                if (error != null) {
                    LOG.info("commands' offsets not committed ({}); they will be read again", error.getMessage());
                }
            });
        }
        lastCommitted = positions;
    }

    @Override
    public void close() {
        running = false;
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
