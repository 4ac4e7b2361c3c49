package io.linetwin.twin;

import io.linetwin.model.StationStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.ditto.json.JsonArray;
import org.eclipse.ditto.json.JsonCollectors;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonObjectBuilder;
import org.eclipse.ditto.things.model.Feature;
import org.eclipse.ditto.things.model.FeatureProperties;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingsModelFactory;

/** Builds the initial Thing of each piece of equipment: attributes from the descriptor, empty state. */
public final class EquipmentThings {

    private EquipmentThings() {}

    public static List<Thing> of(LineDescriptor line, Instant createdAt) {
        List<Thing> things = new ArrayList<>();
        for (EquipmentDescriptor e : line.equipment()) {
            things.add(of(line, e, createdAt));
        }
        return things;
    }

    public static Thing of(LineDescriptor line, EquipmentDescriptor e, Instant createdAt) {
        JsonObjectBuilder attributes = JsonFactory.newObjectBuilder()
                .set(TwinFeatures.ATTR_KIND, e.kind().jsonName())
                .set(TwinFeatures.ATTR_LINE, line.lineId().toString());
        if (e.kind() == EquipmentKind.BUFFER || e.kind() == EquipmentKind.CONVEYOR) {
            if (e.capacity().isPresent()) {
                attributes.set(TwinFeatures.ATTR_CAPACITY, e.capacity().getAsInt());
            } else {
                attributes.set(TwinFeatures.ATTR_CAPACITY, TwinFeatures.UNLIMITED);
            }
        }
        if (!e.limits().isEmpty()) {
            JsonObjectBuilder limits = JsonFactory.newObjectBuilder();
            e.limits().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(l -> {
                JsonObjectBuilder limit = JsonFactory.newObjectBuilder()
                        .set("min", l.getValue().min())
                        .set("max", l.getValue().max());
                if (Double.isFinite(l.getValue().maxStep())) {
                    limit.set("maxStep", l.getValue().maxStep());
                }
                limits.set(l.getKey(), limit.build());
            });
            attributes.set(TwinFeatures.ATTR_LIMITS, limits.build());
        }
        if (!e.sensors().isEmpty()) {
            JsonArray sensors = e.sensors().stream().map(JsonFactory::newValue).collect(JsonCollectors.valuesToArray());
            attributes.set(TwinFeatures.ATTR_SENSORS, sensors);
        }

        List<Feature> features = new ArrayList<>();
        for (String feature : e.kind().features()) {
            features.add(Feature.newBuilder()
                    .properties(initialProperties(feature, e, createdAt))
                    .withId(feature)
                    .build());
        }
        return Thing.newBuilder()
                .setId(line.thingIdOf(e.id()))
                .setAttributes(ThingsModelFactory.newAttributes(attributes.build()))
                .setFeatures(features)
                .build();
    }

    private static FeatureProperties initialProperties(String feature, EquipmentDescriptor e, Instant createdAt) {
        JsonObject props = switch (feature) {
            case TwinFeatures.STATUS ->
                JsonFactory.newObjectBuilder()
                        .set(TwinFeatures.STATE, StationStatus.STARVED.json())
                        .set(TwinFeatures.SINCE, createdAt.toString())
                        .build();
            case TwinFeatures.COUNTERS ->
                JsonFactory.newObjectBuilder()
                        .set(TwinFeatures.GOOD, 0)
                        .set(TwinFeatures.SCRAP, 0)
                        .build();
            case TwinFeatures.BUFFER ->
                JsonFactory.newObjectBuilder()
                        .set(TwinFeatures.LEVELS, JsonFactory.newObject())
                        .build();
            case TwinFeatures.PARAMETERS -> {
                JsonObjectBuilder b = JsonFactory.newObjectBuilder();
                e.parameters().entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .forEach(p -> b.set(p.getKey(), p.getValue()));
                yield b.build();
            }
            case TwinFeatures.HEALTH ->
                JsonFactory.newObjectBuilder()
                        .set(TwinFeatures.READINGS, JsonFactory.newObject())
                        .build();
            case TwinFeatures.STOCK ->
                JsonFactory.newObjectBuilder().set(TwinFeatures.LEVEL, 0).build();
            default -> throw new IllegalStateException("no initial properties for feature " + feature);
        };
        return ThingsModelFactory.newFeatureProperties(props);
    }
}
