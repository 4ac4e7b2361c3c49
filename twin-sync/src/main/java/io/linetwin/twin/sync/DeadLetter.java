package io.linetwin.twin.sync;

import io.linetwin.twin.RejectReason;
import io.linetwin.twin.TwinEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonObjectBuilder;

/**
 * A message the twin refused (or failed to apply), kept with its reason and where it came from, so that
 * nothing the line sent vanishes into a log line. The original value is kept as text, cut at
 * {@value #MAX_VALUE_CHARS} characters.
 *
 * @param at        when the twin refused it (wall clock)
 * @param reason    why
 * @param detail    the twin's explanation
 * @param thingId   the Thing it addressed, when the twin could tell
 * @param source    where it was read: {@code topic/partition@offset}, or a file and line
 * @param key       the Kafka record's key, if any
 * @param value     the message as received (UTF-8; bytes that are not are replaced)
 * @param truncated whether {@code value} was cut
 */
public record DeadLetter(
        Instant at,
        RejectReason reason,
        String detail,
        Optional<String> thingId,
        String source,
        Optional<String> key,
        String value,
        boolean truncated) {

    public static final int MAX_VALUE_CHARS = 256 * 1024;

    public DeadLetter {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(thingId, "thingId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (value.length() > MAX_VALUE_CHARS) {
            throw new IllegalArgumentException(
                    "value must be at most " + MAX_VALUE_CHARS + " chars, got " + value.length());
        }
    }

    /** A dead letter of raw bytes, cut to {@link #MAX_VALUE_CHARS}. */
    public static DeadLetter of(
            Instant at,
            RejectReason reason,
            String detail,
            Optional<String> thingId,
            String source,
            Optional<String> key,
            byte[] raw) {
        String text = raw == null ? "" : new String(raw, StandardCharsets.UTF_8);
        boolean cut = text.length() > MAX_VALUE_CHARS;
        return new DeadLetter(
                at, reason, detail, thingId, source, key, cut ? text.substring(0, MAX_VALUE_CHARS) : text, cut);
    }

    /** The dead letter of a Kafka record the twin refused, as every consumer of the events topic stores it. */
    static DeadLetter of(Instant at, TwinEvent.Rejected rejected, ConsumerRecord<String, byte[]> record) {
        return of(
                at,
                rejected.reason(),
                rejected.detail(),
                rejected.thingId().map(Object::toString),
                sourceOf(record),
                Optional.ofNullable(record.key()),
                record.value());
    }

    /** Where a Kafka record was read: {@code topic/partition@offset}. */
    static String sourceOf(ConsumerRecord<?, ?> record) {
        return record.topic() + "/" + record.partition() + "@" + record.offset();
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = JsonFactory.newObjectBuilder()
                .set("at", at.toString())
                .set("reason", reason.name())
                .set("detail", detail);
        thingId.ifPresent(id -> json.set("thingId", id));
        json.set("source", source);
        key.ifPresent(k -> json.set("key", k));
        return json.set("value", value).set("truncated", truncated).build();
    }
}
