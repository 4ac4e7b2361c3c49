package io.linetwin.twin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonField;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonObjectBuilder;
import org.eclipse.ditto.json.JsonValue;

/**
 * A JSON object that is changed in place. Children are other {@code LiveObject}s or immutable Ditto
 * values; a Ditto object child is turned into a {@code LiveObject} only when a change reaches below it.
 * The immutable Ditto form is built on demand and kept until the next change, because building it is
 * what Ditto's own {@code setValue} pays on every change (it renders the whole object to a string).
 * Field order follows {@link LinkedHashMap}, which is what Ditto's objects do.
 * Not thread-safe: {@link TwinStore} guards it with its lock.
 */
final class LiveObject {

    private final LinkedHashMap<String, Object> fields;
    /** The Ditto form, or null when changed since it was last built. */
    private JsonObject built;

    LiveObject(int expectedSize) {
        fields = new LinkedHashMap<>(Math.max(4, expectedSize * 2));
    }

    /** Wraps an immutable object; its own Ditto form is the one given. */
    static LiveObject of(JsonObject json) {
        LiveObject o = new LiveObject(json.getSize());
        for (JsonField f : json) {
            o.fields.put(f.getKeyName(), f.getValue());
        }
        o.built = json;
        return o;
    }

    /** Ditto treats {@code null} as an object in places; for changes it is a plain value. */
    static boolean isObject(Object value) {
        return value instanceof LiveObject || ((JsonValue) value).isObject() && !((JsonValue) value).isNull();
    }

    Object get(String key) {
        return fields.get(key);
    }

    /** The child object at {@code key}, made live if it is an immutable one; null if it is no object. */
    LiveObject liveChild(String key) {
        Object child = fields.get(key);
        if (child instanceof LiveObject live) {
            return live;
        }
        if (child != null && isObject(child)) {
            LiveObject live = of(((JsonValue) child).asObject());
            fields.put(key, live);
            return live;
        }
        return null;
    }

    /** Sets a field and returns what it held before (null if absent); an existing field keeps its place. */
    Object put(String key, Object value) {
        built = null;
        return fields.put(key, value);
    }

    Object remove(String key) {
        built = null;
        return fields.remove(key);
    }

    /** Marks this object changed (a change below it is under way). */
    void touch() {
        built = null;
    }

    Set<Map.Entry<String, Object>> entries() {
        return fields.entrySet();
    }

    int size() {
        return fields.size();
    }

    JsonObject toJson() {
        JsonObject json = built;
        if (json == null) {
            JsonObjectBuilder b = JsonFactory.newObjectBuilder();
            for (Map.Entry<String, Object> e : fields.entrySet()) {
                b.set(JsonFactory.newKey(e.getKey()), toJson(e.getValue()));
            }
            json = b.build();
            built = json;
        }
        return json;
    }

    static JsonValue toJson(Object value) {
        return value instanceof LiveObject live ? live.toJson() : (JsonValue) value;
    }
}
