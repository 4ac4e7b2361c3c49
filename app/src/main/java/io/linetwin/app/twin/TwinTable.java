package io.linetwin.app.twin;

import io.linetwin.twin.EquipmentDescriptor;
import io.linetwin.twin.EquipmentKind;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.Snapshot;
import io.linetwin.twin.TwinThing;
import io.linetwin.twin.sync.TwinHealth;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;

/**
 * The table {@code twin follow} prints: one row per piece of equipment (state and since, product, counters,
 * buffer level against capacity or stock, the Thing's revision and when the twin last changed it), then the
 * twin's health in one line.
 */
final class TwinTable {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final String[] HEADER = {
        "equipment", "kind", "state", "since", "product", "good", "scrap", "level", "rev", "updated"
    };

    private TwinTable() {}

    static String render(LineDescriptor line, Snapshot snapshot, TwinHealth health) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (EquipmentDescriptor e : line.equipment()) {
            Optional<TwinThing> twinThing = snapshot.get(line.thingIdOf(e.id()));
            if (twinThing.isEmpty()) {
                continue;
            }
            JsonObject thing = twinThing.get().thing().toJson();
            boolean reported = stateReported(thing, snapshot.takenAt());
            rows.add(new String[] {
                e.id(),
                e.kind().jsonName(),
                reported ? text(thing, "/features/status/properties/state") : "-",
                reported ? time(thing, "/features/status/properties/since") : "-",
                text(thing, "/features/status/properties/product"),
                number(thing, "/features/counters/properties/good"),
                number(thing, "/features/counters/properties/scrap"),
                level(e, thing),
                Long.toString(twinThing.get().revision()),
                twinThing.get().revision() == 0
                        ? "-"
                        : TIME.format(twinThing.get().modified())
            });
        }
        StringBuilder out = new StringBuilder();
        out.append("twin of ")
                .append(line.lineId())
                .append(" at ")
                .append(snapshot.takenAt().truncatedTo(ChronoUnit.SECONDS))
                .append(" (the line's clock)\n");
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line1 = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                boolean numeric = i >= 5 && i <= 8;
                String cell = numeric
                        ? " ".repeat(widths[i] - row[i].length()) + row[i]
                        : row[i] + " ".repeat(widths[i] - row[i].length());
                line1.append(cell).append(i < row.length - 1 ? "  " : "");
            }
            out.append(line1.toString().stripTrailing()).append('\n');
        }
        out.append(health.summary()).append('\n');
        return out.toString();
    }

    /**
     * Whether the line reported this state. A Thing the line never sent a state for keeps the placeholder the twin
     * made it with ({@code starved} since the twin started, by the wall clock); on a line whose clock runs elsewhere
     * (an emulated line, a replay) that instant lies after the line's time and would read as a state of the future.
     */
    private static boolean stateReported(JsonObject thing, Instant lineTime) {
        String since = text(thing, "/features/status/properties/since");
        try {
            return since.isEmpty() || !Instant.parse(since).isAfter(lineTime);
        } catch (RuntimeException e) {
            return true;
        }
    }

    private static String level(EquipmentDescriptor e, JsonObject thing) {
        if (e.kind() == EquipmentKind.MATERIAL) {
            return number(thing, "/features/stock/properties/level");
        }
        Optional<JsonValue> levels = thing.getValue(JsonPointer.of("/features/buffer/properties/levels"));
        if (levels.isEmpty() || !levels.get().isObject()) {
            return "";
        }
        long total = 0;
        for (var field : levels.get().asObject()) {
            if (field.getValue().isNumber()) {
                total += field.getValue().asLong();
            }
        }
        return total + "/"
                + (e.capacity().isPresent() ? Integer.toString(e.capacity().getAsInt()) : "inf");
    }

    private static String text(JsonObject thing, String path) {
        return thing.getValue(JsonPointer.of(path))
                .filter(JsonValue::isString)
                .map(JsonValue::asString)
                .orElse("");
    }

    private static String number(JsonObject thing, String path) {
        return thing.getValue(JsonPointer.of(path))
                .filter(JsonValue::isNumber)
                .map(v -> v.isLong() || v.isInt()
                        ? Long.toString(v.asLong())
                        : String.format(java.util.Locale.ROOT, "%.1f", v.asDouble()))
                .orElse("");
    }

    private static String time(JsonObject thing, String path) {
        String s = text(thing, path);
        try {
            return s.isEmpty() ? "" : TIME.format(Instant.parse(s));
        } catch (RuntimeException e) {
            return s;
        }
    }
}
