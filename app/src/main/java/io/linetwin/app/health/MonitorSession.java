package io.linetwin.app.health;

import io.linetwin.twin.LineClock;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.TwinStore;
import io.linetwin.twin.sync.KafkaSettings;
import io.linetwin.twin.sync.KafkaSignalPublisher;
import io.linetwin.twin.sync.KafkaTwinConsumer;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * One run of the health monitor on a broker: a twin of its own fed from the events topic, the watched machines'
 * histories ({@link RulMonitor}) and the estimates going to the commands topic. {@code health monitor} steps it on
 * its main thread; {@code live --embedded} runs it beside the loop ({@link EmbeddedHealth}). Closing it publishes
 * what is left and prints the summary; the models stay open (their owner closes them).
 */
final class MonitorSession implements AutoCloseable {

    private final List<WatchedMachine> watched;
    private final KafkaSignalPublisher commands;
    private final KafkaTwinConsumer consumer;
    private final RulMonitor monitor;
    private final PrintWriter out;
    private boolean closed;

    /**
     * @param settings         the events topic (and consumer group) at the broker
     * @param roundLineSeconds line time between two estimates of a machine ({@link RulMonitor#roundsEvery})
     */
    MonitorSession(
            LineDescriptor line,
            KafkaSettings settings,
            String commandsTopic,
            List<WatchedMachine> watched,
            double roundLineSeconds,
            double horizonSeconds,
            double threshold,
            PrintWriter out) {
        this.watched = List.copyOf(watched);
        this.out = out;
        TwinStore store = TwinStore.of(line, new LineClock(Clock.systemUTC()));
        this.commands = new KafkaSignalPublisher(settings.withTopic(commandsTopic));
        try {
            this.monitor = new RulMonitor(line, watched, commands, horizonSeconds, threshold, out)
                    .roundsEvery(roundLineSeconds);
            store.addListener(monitor.listener());
            this.consumer =
                    KafkaTwinConsumer.builder(settings, store).fromBeginning().build();
        } catch (RuntimeException e) {
            commands.close();
            throw e;
        }
    }

    void start() {
        consumer.start();
    }

    /**
     * Takes the twin's changes, waiting up to {@code waitMillis} for the first; writes the estimates whose rounds of
     * line time they complete.
     */
    void step(long waitMillis) throws InterruptedException {
        monitor.drain(waitMillis);
    }

    /** The machines watched, each with its model's id: {@code filler (filler@1a2b3c4d)}. */
    String describeWatched() {
        return String.join(
                ", ",
                watched.stream()
                        .map(m -> m.machine() + " (" + m.modelId() + ")")
                        .toList());
    }

    long published() {
        return monitor.published();
    }

    /** Publishes what is left, then the summary line; closes the consumer and the publisher. */
    @Override
    public void close() throws InterruptedException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            monitor.drain(0);
            monitor.publish();
        } finally {
            out.printf(
                    Locale.ROOT,
                    "%d estimates written into the twin, %d alarms; twin: %s%n",
                    monitor.published(),
                    monitor.alarms(),
                    consumer.health().summary());
            out.flush();
            try {
                consumer.close();
            } finally {
                commands.close();
            }
        }
    }
}
