package io.linetwin.twin.sync;

import io.linetwin.twin.DittoMessages;
import io.linetwin.twin.EquipmentDescriptor;
import io.linetwin.twin.EquipmentKind;
import io.linetwin.twin.LineDescriptor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;

/**
 * Seeded stand-in for a line's event stream: Ditto Protocol events with per-thing revisions, shaped like
 * what the line emulator publishes (state changes, counters, buffer levels, sensor readings).
 */
public final class Traffic {

    /** One message with the key it is published under. */
    public record Message(String key, String json) {}

    private static final List<String> STATES =
            List.of("working", "working", "working", "blocked", "starved", "down", "setup", "offShift");

    private final LineDescriptor line;
    private final Random random;
    private final Map<ThingId, Long> revisions = new HashMap<>();
    private final Map<ThingId, Long> good = new HashMap<>();
    private Instant now = Instant.parse("2026-11-30T06:00:00Z");

    public Traffic(LineDescriptor line, long seed) {
        this.line = line;
        this.random = new Random(seed);
    }

    public Message next() {
        List<EquipmentDescriptor> equipment = line.equipment();
        EquipmentDescriptor e = equipment.get(random.nextInt(equipment.size()));
        ThingId id = line.thingIdOf(e.id());
        long revision = revisions.merge(id, 1L, Long::sum);
        now = now.plusMillis(1 + random.nextInt(50));
        String feature =
                e.kind().features().get(random.nextInt(e.kind().features().size()));
        JsonValue value;
        String property;
        switch (feature) {
            case "status" -> {
                property = "state";
                value = JsonValue.of(STATES.get(random.nextInt(STATES.size())));
            }
            case "counters" -> {
                property = "good";
                value = JsonValue.of(good.merge(id, 1L, Long::sum));
            }
            case "buffer" -> {
                property = "levels";
                // Within the smallest capacity of the test lines (20), which the twin checks.
                value = JsonFactory.newObjectBuilder()
                        .set("litre", random.nextInt(10))
                        .set("half-litre", random.nextInt(10))
                        .build();
            }
            case "parameters" -> {
                property = "speed";
                // Tenths from 0.6 to 1.2 (0.6 + 6 * 0.1 would be 1.2000000000000002, above the filler's limit).
                value = JsonValue.of((6 + random.nextInt(7)) / 10.0);
            }
            case "health" -> {
                property = "readings/temperature";
                value = JsonValue.of(60 + random.nextGaussian() * 3);
            }
            case "stock" -> {
                property = "level";
                value = JsonValue.of(random.nextInt(20_000));
            }
            default -> throw new IllegalStateException(feature);
        }
        return new Message(
                id.toString(),
                DittoMessages.toJson(DittoMessages.propertyModified(id, feature, property, value, revision, now)));
    }

    public List<Message> next(int n) {
        List<Message> messages = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            messages.add(next());
        }
        return messages;
    }

    /** A line of {@code machines} machines with buffers between them, for load tests. */
    public static LineDescriptor line(int machines) {
        List<EquipmentDescriptor> equipment = new ArrayList<>();
        for (int i = 0; i < machines; i++) {
            equipment.add(EquipmentDescriptor.of("m" + i, EquipmentKind.MACHINE));
            equipment.add(EquipmentDescriptor.of("b" + i, EquipmentKind.BUFFER));
        }
        return LineDescriptor.of("plant1:load", equipment);
    }
}
