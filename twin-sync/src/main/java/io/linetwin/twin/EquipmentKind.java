package io.linetwin.twin;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The kinds of equipment the twin mirrors, each with the features its Thing carries. */
public enum EquipmentKind {
    SOURCE(List.of(TwinFeatures.STATUS, TwinFeatures.COUNTERS, TwinFeatures.PARAMETERS)),
    MACHINE(List.of(TwinFeatures.STATUS, TwinFeatures.COUNTERS, TwinFeatures.PARAMETERS, TwinFeatures.HEALTH)),
    ASSEMBLY(List.of(TwinFeatures.STATUS, TwinFeatures.COUNTERS, TwinFeatures.PARAMETERS, TwinFeatures.HEALTH)),
    /** A batch station has no failure modes, so no health to mirror. */
    BATCH(List.of(TwinFeatures.STATUS, TwinFeatures.COUNTERS, TwinFeatures.PARAMETERS)),
    SINK(List.of(TwinFeatures.COUNTERS)),
    BUFFER(List.of(TwinFeatures.BUFFER)),
    CONVEYOR(List.of(TwinFeatures.STATUS, TwinFeatures.BUFFER, TwinFeatures.PARAMETERS)),
    AGV(List.of(TwinFeatures.STATUS, TwinFeatures.PARAMETERS)),
    MATERIAL(List.of(TwinFeatures.STOCK));

    private final List<String> features;

    EquipmentKind(List<String> features) {
        this.features = features;
    }

    public List<String> features() {
        return features;
    }

    /** The name used in JSON and scenario files: lower case. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isStation() {
        return this == SOURCE || this == MACHINE || this == ASSEMBLY || this == SINK;
    }

    public static EquipmentKind fromJsonName(String name) {
        return Arrays.stream(values())
                .filter(k -> k.jsonName().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("kind must be one of "
                        + Arrays.stream(values()).map(EquipmentKind::jsonName).toList() + ", got " + name));
    }
}
