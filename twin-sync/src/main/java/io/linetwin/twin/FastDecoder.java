package io.linetwin.twin;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.ditto.json.JsonArrayBuilder;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonObjectBuilder;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;

/**
 * The hot path: property- and attribute-level twin events and modify/merge commands, the bulk of what a
 * line publishes, decoded with a streaming parser in one pass. Ditto's generic route (parse, adaptable,
 * protocol adapter) costs ~10x more per message; it still handles everything this class declines, so
 * any message of another shape, with unknown fields or with a surprising type is decided by Ditto's
 * own classes. Thread-safe.
 */
final class FastDecoder {

    private static final int CACHE_LIMIT = 10_000;

    /** What a topic says, when it is one of the simple kinds. */
    private record Topic(ThingId thingId, ThingUpdate.Action action, boolean event) {}

    private final com.fasterxml.jackson.core.JsonFactory jackson = new com.fasterxml.jackson.core.JsonFactory();
    private final CharKeyCache<Topic> topics = new CharKeyCache<>(CACHE_LIMIT);
    private final CharKeyCache<JsonPointer> paths = new CharKeyCache<>(CACHE_LIMIT);

    /** The update, or {@code null} when the message is not of the simple shape (the Ditto route decides). */
    ThingUpdate tryDecode(String json) {
        try (JsonParser p = jackson.createParser(json)) {
            return tryDecode(p);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Same for UTF-8 bytes as they come off Kafka, without making a String first. */
    ThingUpdate tryDecode(byte[] utf8) {
        try (JsonParser p = jackson.createParser(utf8)) {
            return tryDecode(p);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private ThingUpdate tryDecode(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        Topic topic = null;
        JsonPointer path = null;
        JsonValue value = null;
        long revision = -1;
        Instant timestamp = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "topic" -> {
                    if (t != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    topic = topics.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength(), FastDecoder::topic);
                    if (topic == null) {
                        return null;
                    }
                }
                case "path" -> {
                    if (t != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    path = paths.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength(), FastDecoder::simple);
                    if (path == null) {
                        return null;
                    }
                }
                case "value" -> value = readValue(p, t);
                case "revision" -> {
                    if (t != JsonToken.VALUE_NUMBER_INT) {
                        return null;
                    }
                    revision = p.getLongValue();
                }
                case "timestamp" -> {
                    if (t != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    timestamp = IsoInstant.parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                    if (timestamp == null) {
                        timestamp = Instant.parse(p.getText());
                    }
                }
                case "headers" -> {
                    if (t != JsonToken.START_OBJECT) {
                        return null;
                    }
                    p.skipChildren();
                }
                default -> {
                    return null;
                }
            }
        }
        if (p.nextToken() != null || topic == null || path == null || value == null) {
            return null;
        }
        if (topic.event() ? revision < 1 : revision == 0 || revision < -1) {
            return null;
        }
        return new ThingUpdate(
                topic.thingId(),
                topic.action(),
                path,
                Optional.of(value),
                revision >= 1 ? OptionalLong.of(revision) : OptionalLong.empty(),
                Optional.ofNullable(timestamp));
    }

    /** A topic of a twin event or command this class decodes, or null. */
    private static Topic topic(String topic) {
        String[] parts = topic.split("/", -1);
        if (parts.length != 6 || !"things".equals(parts[2]) || !"twin".equals(parts[3])) {
            return null;
        }
        boolean event = "events".equals(parts[4]);
        ThingUpdate.Action action;
        if (event) {
            action = switch (parts[5]) {
                case "modified", "created" -> ThingUpdate.Action.SET;
                case "merged" -> ThingUpdate.Action.MERGE;
                default -> null;
            };
        } else if ("commands".equals(parts[4])) {
            action = switch (parts[5]) {
                case "modify" -> ThingUpdate.Action.SET;
                case "merge" -> ThingUpdate.Action.MERGE;
                default -> null;
            };
        } else {
            return null;
        }
        if (action == null) {
            return null;
        }
        try {
            return new Topic(ThingId.of(parts[0], parts[1]), action, event);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The pointer of a path this class decodes, or null. */
    private static JsonPointer simple(String path) {
        try {
            JsonPointer pointer = JsonPointer.of(path);
            return simplePath(pointer) ? pointer : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Below a feature's properties or below attributes: any value there leaves a valid Thing. */
    static boolean simplePath(JsonPointer pointer) {
        int levels = pointer.getLevelCount();
        String root = pointer.get(0).map(Object::toString).orElse("");
        if ("attributes".equals(root)) {
            return levels >= 2;
        }
        return "features".equals(root)
                && levels >= 4
                && "properties".equals(pointer.get(2).map(Object::toString).orElse(""));
    }

    private static JsonValue readValue(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                JsonObjectBuilder b = JsonFactory.newObjectBuilder();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    b.set(JsonFactory.newKey(key), readValue(p, p.nextToken()));
                }
                return b.build();
            }
            case START_ARRAY -> {
                JsonArrayBuilder b = JsonFactory.newArrayBuilder();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    b.add(readValue(p, e));
                }
                return b.build();
            }
            case VALUE_STRING -> {
                return JsonValue.of(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                if (p.getNumberType() == JsonParser.NumberType.INT) {
                    return JsonValue.of(p.getIntValue());
                }
                return JsonValue.of(p.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return JsonValue.of(p.getDoubleValue());
            }
            case VALUE_TRUE -> {
                return JsonValue.of(true);
            }
            case VALUE_FALSE -> {
                return JsonValue.of(false);
            }
            case VALUE_NULL -> {
                return JsonValue.nullLiteral();
            }
            default -> throw new IOException("unexpected token " + t);
        }
    }
}
