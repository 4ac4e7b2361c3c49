package io.linetwin.twin;

import java.time.Instant;
import org.eclipse.ditto.base.model.headers.DittoHeaders;
import org.eclipse.ditto.base.model.signals.Signal;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.protocol.ProtocolFactory;
import org.eclipse.ditto.protocol.adapter.DittoProtocolAdapter;
import org.eclipse.ditto.things.model.Feature;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingId;
import org.eclipse.ditto.things.model.signals.commands.modify.ModifyFeatureProperty;
import org.eclipse.ditto.things.model.signals.events.FeatureModified;
import org.eclipse.ditto.things.model.signals.events.FeaturePropertyModified;
import org.eclipse.ditto.things.model.signals.events.ThingModified;

/**
 * Builds and serialises the Ditto Protocol messages LineTwin sends: the events a line (or the
 * emulator) publishes and the modify commands the command gate sends back.
 */
public final class DittoMessages {

    private static final DittoProtocolAdapter ADAPTER = DittoProtocolAdapter.newInstance();

    private DittoMessages() {}

    /** The Ditto Protocol JSON of any signal, exactly as a Ditto connection would publish it. */
    public static String toJson(Signal<?> signal) {
        return ProtocolFactory.wrapAsJsonifiableAdaptable(ADAPTER.toAdaptable(signal))
                .toJsonString();
    }

    public static FeaturePropertyModified propertyModified(
            ThingId thing, String feature, String property, JsonValue value, long revision, Instant timestamp) {
        return FeaturePropertyModified.of(
                thing, feature, JsonPointer.of(property), value, revision, timestamp, DittoHeaders.empty(), null);
    }

    public static FeatureModified featureModified(ThingId thing, Feature feature, long revision, Instant timestamp) {
        return FeatureModified.of(thing, feature, revision, timestamp, DittoHeaders.empty(), null);
    }

    public static ThingModified thingModified(Thing thing, long revision, Instant timestamp) {
        return ThingModified.of(thing, revision, timestamp, DittoHeaders.empty(), null);
    }

    /** A command to set one property, e.g. {@code parameters/speed}; the line confirms it by an event. */
    public static ModifyFeatureProperty modifyProperty(
            ThingId thing, String feature, String property, JsonValue value, String correlationId) {
        return ModifyFeatureProperty.of(
                thing,
                feature,
                JsonPointer.of(property),
                value,
                DittoHeaders.newBuilder().correlationId(correlationId).build());
    }
}
