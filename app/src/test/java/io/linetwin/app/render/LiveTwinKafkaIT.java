package io.linetwin.app.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.broker.EmbeddedBroker;
import io.linetwin.model.LineSpec;
import io.linetwin.model.StationStatus;
import io.linetwin.render.LineView;
import io.linetwin.twin.sync.KafkaSettings;
import io.linetwin.twin.sync.KafkaSignalPublisher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code view --live --kafka}'s feed through a real broker: events on the topic reach the view. */
final class LiveTwinKafkaIT {

    @TempDir
    Path dir;

    @Test
    void eventsOnTheTopicReachTheViewThroughTheFollower() throws Exception {
        LineSpec line = TwinMessages.bottling();
        AtomicReference<LineView> latest = new AtomicReference<>();
        TwinViews views = new TwinViews(line, TwinViews.DEFAULT_RISK_HORIZON_SECONDS);
        try (EmbeddedBroker broker = EmbeddedBroker.start(0, dir.resolve("kafka"))) {
            broker.createTopic("events", 2);
            try (KafkaSignalPublisher events =
                            new KafkaSignalPublisher(KafkaSettings.of(broker.bootstrapServers(), "events", ""));
                    LiveTwin twin = LiveTwin.kafka(line, broker.bootstrapServers(), "events");
                    TwinFollower follower = new TwinFollower(twin.store(), s -> latest.set(views.next(s)))) {
                // Published before the viewer starts: its own group reads the topic from the beginning.
                events.publish(
                                "filler",
                                TwinMessages.state(line, "filler", "down", 1, TwinMessages.T0),
                                new RecordHeaders())
                        .join();
                twin.start();
                follower.start(Duration.ofMillis(50));
                events.publish(
                                "b2",
                                TwinMessages.level(line, "b2", "litre", 33, 1, TwinMessages.T0),
                                new RecordHeaders())
                        .join();

                await(() -> latest.get() != null
                        && latest.get().bufferLevels().getOrDefault("b2", 0) == 33
                        && latest.get().stations().get("filler") == StationStatus.DOWN);
            }
        }
        assertThat(latest.get().stations()).containsEntry("filler", StationStatus.DOWN);
        assertThat(latest.get().bufferLevels()).containsEntry("b2", 33);
    }

    /** The deadline only stops a hang (a broker start on a loaded machine takes seconds); it measures nothing. */
    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the view never showed the events");
            }
            Thread.sleep(20);
        }
    }
}
