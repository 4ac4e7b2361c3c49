package io.linetwin.twin;

import java.time.Instant;
import java.util.Objects;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingsModelFactory;

/**
 * A Thing as the twin holds it: the Ditto Thing, its revision and when the twin last changed it.
 *
 * @param thing    the Ditto Thing
 * @param revision 0 until the first change arrives, then the revision the source gave (or the next one)
 * @param modified when the twin applied the last change (the twin's clock, not the source's)
 */
public record TwinThing(Thing thing, long revision, Instant modified) {

    static final String REVISION = "revision";
    static final String MODIFIED = "modified";
    static final String THING = "thing";

    public TwinThing {
        Objects.requireNonNull(thing, "thing");
        Objects.requireNonNull(modified, "modified");
        if (thing.getEntityId().isEmpty()) {
            throw new IllegalArgumentException("thing must have an id, got " + thing.toJsonString());
        }
        if (revision < 0) {
            throw new IllegalArgumentException("revision must be >= 0, got " + revision);
        }
    }

    public JsonObject toJson() {
        return JsonFactory.newObjectBuilder()
                .set(REVISION, revision)
                .set(MODIFIED, modified.toString())
                .set(THING, thing.toJson())
                .build();
    }

    public static TwinThing fromJson(JsonObject json) {
        return new TwinThing(
                ThingsModelFactory.newThing(json.getValue(THING)
                        .orElseThrow(() -> new IllegalArgumentException("twin thing must have \"thing\", got " + json))
                        .asObject()),
                json.getValue(REVISION)
                        .orElseThrow(
                                () -> new IllegalArgumentException("twin thing must have \"revision\", got " + json))
                        .asLong(),
                Instant.parse(json.getValue(MODIFIED)
                        .orElseThrow(
                                () -> new IllegalArgumentException("twin thing must have \"modified\", got " + json))
                        .asString()));
    }
}
