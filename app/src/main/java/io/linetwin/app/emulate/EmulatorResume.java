package io.linetwin.app.emulate;

import io.linetwin.model.LineSpec;
import io.linetwin.model.LineState;
import io.linetwin.model.StationSpec;
import io.linetwin.twin.InputLimits;
import io.linetwin.twin.LineClock;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.LineDescriptors;
import io.linetwin.twin.LineStateMapper;
import io.linetwin.twin.Snapshot;
import io.linetwin.twin.TwinFeatures;
import io.linetwin.twin.TwinStore;
import io.linetwin.twin.TwinThing;
import io.linetwin.twin.sync.KafkaSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a previous run of the emulated line left off, read back from the events topic: the topic is replayed
 * into a twin of the line, and the twin says each Thing's last revision, the line's clock (the latest event's
 * timestamp) and its state. A line, like a real one, keeps running through a crash of its controller: an
 * emulator killed at any point and started again continues the revisions (so a twin that followed the first
 * run takes the events of the second), the clock, the counters, the buffers and the parameters.
 */
public final class EmulatorResume {

    private static final Logger LOG = LoggerFactory.getLogger(EmulatorResume.class);
    /** Reading stops when no record arrives for this long before the end is reached (the broker went away). */
    private static final Duration STALL = Duration.ofSeconds(60);

    /** What was found: how to start, and how many events of the line the topic held. */
    public record Resumed(EmulatorStart start, long events) {}

    private EmulatorResume() {}

    /** Empty when the topic holds no event of this line (a fresh line starts). */
    public static Optional<Resumed> read(KafkaSettings events, LineSpec line, double chunkSeconds) {
        LineDescriptor things = LineDescriptors.of(line);
        LineClock clock = new LineClock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
        TwinStore twin = TwinStore.of(things, clock, InputLimits.DEFAULT);
        Properties p = events.forClient(KafkaSettings.Client.CONSUMER, new Properties());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(events.topic(), Duration.ofSeconds(30));
            List<TopicPartition> partitions = infos.stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition()))
                    .toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            consumer.seekToBeginning(partitions);
            long lastProgress = System.nanoTime();
            while (!atEnd(consumer, ends)) {
                var records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    twin.apply(r.value() == null ? new byte[0] : r.value());
                }
                if (!records.isEmpty()) {
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                    throw new IllegalStateException("reading " + events.topic() + " back stalled before its end");
                }
            }
        }
        if (twin.stats().applied() == 0) {
            return Optional.empty();
        }
        return Optional.of(new Resumed(
                start(line, things, twin, clock.instant(), chunkSeconds),
                twin.stats().applied()));
    }

    private static boolean atEnd(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    static EmulatorStart start(LineSpec line, LineDescriptor things, TwinStore twin, Instant at, double chunkSeconds) {
        Snapshot snapshot = twin.snapshot();
        Map<String, Long> revisions = new HashMap<>();
        Map<String, JsonValue> published = new HashMap<>();
        Map<String, String> stationStates = new HashMap<>();
        for (var equipment : things.equipment()) {
            Optional<TwinThing> thing = snapshot.get(things.thingIdOf(equipment.id()));
            if (thing.isEmpty() || thing.get().revision() == 0) {
                continue;
            }
            revisions.put(equipment.id(), thing.get().revision());
            JsonObject json = thing.get().thing().toJson();
            for (String feature : equipment.kind().features()) {
                json.getValue(JsonPointer.of("/features/" + feature + "/properties"))
                        .filter(JsonValue::isObject)
                        .ifPresent(props -> remember(
                                equipment.id() + "/" + feature + "/",
                                props.asObject(),
                                TwinFeatures.HEALTH.equals(feature),
                                published));
            }
            json.getValue(JsonPointer.of("/features/status/properties/state"))
                    .filter(JsonValue::isString)
                    .ifPresent(s -> stationStates.put(equipment.id(), s.asString()));
        }
        Optional<LineState> state;
        try {
            LineState mapped = new LineStateMapper(things.lineId()).map(snapshot, 0);
            state = Optional.of(new LineState(
                    at,
                    0,
                    mapped.stations(),
                    mapped.buffers(),
                    stationParameters(line, mapped),
                    mapped.materialStocks()));
        } catch (RuntimeException e) {
            LOG.warn(
                    "the line's state on the events topic cannot be resumed ({}); it starts empty at {}",
                    e.getMessage(),
                    at);
            state = Optional.empty();
        }
        long chunk = Math.max(1, Math.round(chunkSeconds));
        int firstChunk = (int) Math.floorMod(at.getEpochSecond() / chunk, (long) Integer.MAX_VALUE);
        return new EmulatorStart(at, state, revisions, published, stationStates, firstChunk);
    }

    /** What the emulator publishes leaf by leaf: property values, and below health its readings one by one. */
    private static void remember(String prefix, JsonObject props, boolean health, Map<String, JsonValue> into) {
        props.forEach(f -> {
            if (health
                    && TwinFeatures.READINGS.equals(f.getKeyName())
                    && f.getValue().isObject()) {
                f.getValue()
                        .asObject()
                        .forEach(r -> into.put(prefix + TwinFeatures.READINGS + "/" + r.getKeyName(), r.getValue()));
            } else {
                into.put(prefix + f.getKeyName(), f.getValue());
            }
        });
    }

    /** The scenario's parameters of each station, at the values the twin last showed. */
    private static Map<String, Map<String, Double>> stationParameters(LineSpec line, LineState mapped) {
        Map<String, Map<String, Double>> out = new HashMap<>();
        for (StationSpec station : line.stations()) {
            Map<String, Double> values = new HashMap<>();
            Map<String, Double> twin = mapped.parameters().getOrDefault(station.id(), Map.of());
            station.parameters().forEach((name, spec) -> values.put(name, twin.getOrDefault(name, spec.value())));
            out.put(station.id(), values);
        }
        return out;
    }
}
