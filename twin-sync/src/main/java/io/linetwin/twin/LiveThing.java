package io.linetwin.twin;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonKey;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingsModelFactory;

/**
 * One Thing's live state in the store: a {@link LiveObject} changed in place, its revision and when it
 * last changed. The Ditto {@link Thing} is built only when read, from the Ditto form of the state, and
 * kept while that form is current. Property- and attribute-level sets and merges change the state in
 * place (the hot path); {@link TwinStore} checks the result and undoes a change it refuses. Every other
 * change goes through Ditto's immutable JSON and {@link #replace}. Guarded by the store's lock, except
 * {@link #thing(JsonObject)}, which is safe from any thread.
 */
final class LiveThing {

    /** Reverts one change; valid until the next change of the same Thing. */
    @FunctionalInterface
    interface Undo {
        void undo();
    }

    /** A built Thing and the JSON it was built from (the JSON's identity says whether it is current). */
    private record Built(JsonObject json, Thing thing) {}

    private static final Object ABSENT = new Object();

    private LiveObject root;
    private long revision;
    private Instant modified;
    private volatile Built built;

    LiveThing(Thing thing, long revision, Instant modified) {
        JsonObject json = thing.toJson();
        this.root = LiveObject.of(json);
        this.built = new Built(json, thing);
        this.revision = revision;
        this.modified = modified;
    }

    long revision() {
        return revision;
    }

    Instant modified() {
        return modified;
    }

    void changed(long newRevision, Instant at) {
        revision = newRevision;
        modified = at;
    }

    /** The Ditto form of the current state (cached until the next change). */
    JsonObject json() {
        return root.toJson();
    }

    /** Replaces the whole state (changes off the hot path); {@code thing} is its Thing, or null to build it when read. */
    void replace(JsonObject json, Thing thing) {
        root = LiveObject.of(json);
        built = thing == null ? null : new Built(json, thing);
    }

    /** The Thing for a JSON form taken from {@link #json()}; thread-safe (a lost race only rebuilds). */
    Thing thing(JsonObject json) {
        Built b = built;
        if (b != null && b.json() == json) {
            return b.thing();
        }
        Thing thing = ThingsModelFactory.newThing(json);
        built = new Built(json, thing);
        return thing;
    }

    /** Same as Ditto's {@code JsonObject.setValue(path, value)}: missing or non-object levels become objects. */
    Undo set(JsonPointer path, JsonValue value) {
        String[] keys = keys(path);
        LiveObject node = root;
        node.touch();
        for (int i = 0; i < keys.length - 1; i++) {
            LiveObject next = node.liveChild(keys[i]);
            if (next == null) {
                return undoPut(node, keys[i], node.put(keys[i], chain(keys, i + 1, value)));
            }
            next.touch();
            node = next;
        }
        String last = keys[keys.length - 1];
        return undoPut(node, last, node.put(last, value));
    }

    private static Undo undoPut(LiveObject node, String key, Object previous) {
        return previous == null ? () -> node.remove(key) : () -> node.put(key, previous);
    }

    private static LiveObject chain(String[] keys, int from, JsonValue value) {
        Object child = value;
        for (int i = keys.length - 1; i >= from; i--) {
            LiveObject o = new LiveObject(1);
            o.put(keys[i], child);
            child = o;
        }
        return (LiveObject) child;
    }

    /**
     * Same as Ditto's {@code JsonMergePatch.of(path, patch).applyOn(thing)}, field order included (the
     * patch's fields come first): the objects along the path are copied, everything else is shared.
     */
    Undo merge(JsonPointer path, JsonValue patch) {
        LiveObject before = root;
        root = (LiveObject) mergeAlong(before, keys(path), 0, patch);
        return () -> root = before;
    }

    private static Object mergeAlong(Object target, String[] keys, int level, JsonValue patch) {
        if (level == keys.length) {
            return mergeValues(patch, target);
        }
        if (!LiveObject.isObject(target)) {
            return withoutNulls(wrap(keys, level, patch));
        }
        String key = keys[level];
        Object current = get(target, key);
        boolean deletes = level == keys.length - 1 && patch.isNull();
        LiveObject result = new LiveObject(size(target) + 1);
        if (!deletes) {
            result.put(
                    key,
                    current != ABSENT
                            ? mergeAlong(current, keys, level + 1, patch)
                            : withoutNulls(wrap(keys, level + 1, patch)));
        }
        forEach(target, (k, v) -> {
            if (!k.equals(key)) {
                result.put(k, v);
            }
        });
        return result;
    }

    private static Object mergeValues(JsonValue patch, Object target) {
        if (patch.isObject() && (target instanceof LiveObject || ((JsonValue) target).isObject())) {
            if (patch.isNull()) {
                return JsonFactory.nullObject();
            }
            JsonObject p = patch.asObject();
            LiveObject result = new LiveObject(p.getSize() + size(target));
            for (var field : p) {
                JsonValue v = field.getValue();
                if (v.isNull()) {
                    continue;
                }
                Object current = get(target, field.getKeyName());
                result.put(field.getKeyName(), current != ABSENT ? mergeValues(v, current) : withoutNulls(v));
            }
            forEach(target, (k, v) -> {
                if (!p.contains(JsonKey.of(k))) {
                    result.put(k, v);
                }
            });
            return result;
        }
        return withoutNulls(patch);
    }

    /** What Ditto's merge does with a patch value that meets no object: drops its null fields. */
    private static JsonValue withoutNulls(JsonValue v) {
        return v.isObject() ? v.asObject().filter(f -> !f.getValue().isNull()) : v;
    }

    private static JsonValue wrap(String[] keys, int from, JsonValue patch) {
        JsonValue v = patch;
        for (int i = keys.length - 1; i >= from; i--) {
            v = JsonFactory.newObjectBuilder()
                    .set(JsonFactory.newKey(keys[i]), v)
                    .build();
        }
        return v;
    }

    private static Object get(Object object, String key) {
        if (object instanceof LiveObject live) {
            Object v = live.get(key);
            return v == null ? ABSENT : v;
        }
        Optional<JsonValue> v = ((JsonValue) object).asObject().getValue(JsonKey.of(key));
        return v.isPresent() ? v.get() : ABSENT;
    }

    private static int size(Object object) {
        return object instanceof LiveObject live
                ? live.size()
                : ((JsonValue) object).asObject().getSize();
    }

    private static void forEach(Object object, java.util.function.BiConsumer<String, Object> action) {
        if (object instanceof LiveObject live) {
            for (Map.Entry<String, Object> e : live.entries()) {
                action.accept(e.getKey(), e.getValue());
            }
        } else {
            for (var f : ((JsonValue) object).asObject()) {
                action.accept(f.getKeyName(), f.getValue());
            }
        }
    }

    /** The value at {@code path}, as Ditto's {@code JsonObject.getValue} finds it. */
    Optional<JsonValue> valueAt(JsonPointer path) {
        Object node = root;
        int level = 0;
        for (JsonKey key : path) {
            if (node instanceof LiveObject live) {
                node = live.get(key.toString());
                if (node == null) {
                    return Optional.empty();
                }
                level++;
            } else {
                JsonValue v = (JsonValue) node;
                return v.isObject()
                        ? v.asObject().getValue(path.getSubPointer(level).orElseThrow())
                        : Optional.empty();
            }
        }
        return Optional.of(LiveObject.toJson(node));
    }

    private static String[] keys(JsonPointer path) {
        String[] keys = new String[path.getLevelCount()];
        int i = 0;
        for (JsonKey key : path) {
            keys[i++] = key.toString();
        }
        return keys;
    }
}
