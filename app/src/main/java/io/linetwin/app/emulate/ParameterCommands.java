package io.linetwin.app.emulate;

import io.linetwin.model.LineSpec;
import io.linetwin.model.ParameterSpec;
import io.linetwin.model.StationSpec;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.TwinFeatures;
import java.util.Optional;
import org.eclipse.ditto.base.model.signals.Signal;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.protocol.ProtocolFactory;
import org.eclipse.ditto.protocol.adapter.DittoProtocolAdapter;
import org.eclipse.ditto.things.model.signals.commands.modify.ModifyFeatureProperty;

/**
 * Reads the modify commands the emulated line accepts: Ditto {@code modify} of
 * {@code features/parameters/properties/<name>} of a station, a number within the parameter's declared
 * {@code min..max} (a real controller refuses set-points outside its range too). {@code speed} is accepted for
 * every station (the engine's default is 1.0) and must be > 0. Anything else is refused with a reason.
 */
public final class ParameterCommands {

    /** The outcome: a change to apply, or why the command was refused. */
    public record Parsed(Optional<ParameterChange> change, String refusal) {
        static Parsed ok(ParameterChange change) {
            return new Parsed(Optional.of(change), "");
        }

        static Parsed refused(String why) {
            return new Parsed(Optional.empty(), why);
        }
    }

    private static final DittoProtocolAdapter ADAPTER = DittoProtocolAdapter.newInstance();

    private final LineSpec line;
    private final LineDescriptor things;

    public ParameterCommands(LineSpec line, LineDescriptor things) {
        this.line = line;
        this.things = things;
    }

    public Parsed parse(String dittoProtocolJson) {
        Signal<?> signal;
        try {
            signal = ADAPTER.fromAdaptable(ProtocolFactory.jsonifiableAdaptableFromJson(
                    JsonFactory.newObject(dittoProtocolJson)));
        } catch (RuntimeException e) {
            return Parsed.refused("not a Ditto Protocol message: " + e.getMessage());
        }
        if (!(signal instanceof ModifyFeatureProperty modify)) {
            return Parsed.refused("unsupported signal " + signal.getType() + " (only modify of a parameter)");
        }
        if (!TwinFeatures.PARAMETERS.equals(modify.getFeatureId())) {
            return Parsed.refused("feature " + modify.getFeatureId() + " is not adjustable (only parameters)");
        }
        Optional<StationSpec> station = things.equipmentIdOf(modify.getEntityId())
                .flatMap(id -> line.stations().stream().filter(s -> s.id().equals(id)).findFirst());
        if (station.isEmpty()) {
            return Parsed.refused(modify.getEntityId() + " is not a station of line " + line.id());
        }
        String name = modify.getPropertyPointer().toString().substring(1);
        JsonValue value = modify.getPropertyValue();
        if (!value.isNumber()) {
            return Parsed.refused(name + " must be a number, got " + value);
        }
        double v = value.asDouble();
        ParameterSpec spec = station.get().parameters().get(name);
        if (spec == null && !TwinFeatures.SPEED.equals(name)) {
            return Parsed.refused(station.get().id() + " has no parameter " + name);
        }
        if (TwinFeatures.SPEED.equals(name) && !(v > 0)) {
            return Parsed.refused("speed must be > 0, got " + v);
        }
        if (spec != null && (spec.min().isPresent() && v < spec.min().getAsDouble()
                || spec.max().isPresent() && v > spec.max().getAsDouble())) {
            return Parsed.refused(name + " of " + station.get().id() + " must lie in [" + spec.min().orElse(Double.NEGATIVE_INFINITY) + ", "
                    + spec.max().orElse(Double.POSITIVE_INFINITY) + "], got " + v);
        }
        return Parsed.ok(new ParameterChange(station.get().id(), name, v));
    }
}
