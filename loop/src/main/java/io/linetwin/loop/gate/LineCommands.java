package io.linetwin.loop.gate;

import io.linetwin.loop.proposal.CommandRecord;
import io.linetwin.twin.DittoMessages;
import io.linetwin.twin.TwinFeatures;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;
import org.eclipse.ditto.things.model.signals.commands.modify.ModifyFeatureProperty;

/** A command record as the Ditto Protocol {@code modify} the line receives, its command id as correlation id. */
public final class LineCommands {

    private LineCommands() {}

    public static ModifyFeatureProperty modify(CommandRecord command) {
        return DittoMessages.modifyProperty(
                ThingId.of(command.thingId()),
                TwinFeatures.PARAMETERS,
                command.parameter(),
                JsonValue.of(command.value()),
                command.commandId());
    }

    public static String json(CommandRecord command) {
        return DittoMessages.toJson(modify(command));
    }
}
