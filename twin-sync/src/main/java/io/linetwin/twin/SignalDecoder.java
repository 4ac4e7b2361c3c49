package io.linetwin.twin;

import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.ditto.base.model.json.JsonSchemaVersion;
import org.eclipse.ditto.base.model.signals.Signal;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.protocol.Adaptable;
import org.eclipse.ditto.protocol.ProtocolFactory;
import org.eclipse.ditto.protocol.TopicPath;
import org.eclipse.ditto.protocol.adapter.DittoProtocolAdapter;
import org.eclipse.ditto.things.model.ThingId;
import org.eclipse.ditto.things.model.signals.commands.modify.CreateThing;
import org.eclipse.ditto.things.model.signals.commands.modify.DeleteThing;
import org.eclipse.ditto.things.model.signals.commands.modify.MergeThing;
import org.eclipse.ditto.things.model.signals.commands.modify.ThingModifyCommand;
import org.eclipse.ditto.things.model.signals.events.ThingDeleted;
import org.eclipse.ditto.things.model.signals.events.ThingEvent;
import org.eclipse.ditto.things.model.signals.events.ThingMerged;

/**
 * Turns Ditto Protocol JSON into a {@link ThingUpdate} with Ditto's own parser and protocol adapter,
 * so anything Ditto itself would refuse is refused here too. Stateless apart from the adapter, which
 * is thread-safe.
 */
public final class SignalDecoder {

    private static final JsonPointer ATTRIBUTES = JsonPointer.of("attributes");
    private static final JsonPointer FEATURES = JsonPointer.of("features");

    private final DittoProtocolAdapter adapter = DittoProtocolAdapter.newInstance();
    private final FastDecoder fast = new FastDecoder();

    /** One way of decoding, for comparing the routes in tests. */
    @FunctionalInterface
    interface Route {
        ThingUpdate decode() throws RejectedMessageException;
    }

    public ThingUpdate decode(String json) throws RejectedMessageException {
        ThingUpdate simple = fast.tryDecode(json);
        if (simple != null) {
            return simple;
        }
        return decodeWithDitto(json);
    }

    public ThingUpdate decode(byte[] utf8) throws RejectedMessageException {
        ThingUpdate simple = fast.tryDecode(utf8);
        if (simple != null) {
            return simple;
        }
        return decodeWithDitto(new String(utf8, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Ditto's generic route only; the fast path must agree with it (see the decoder tests). */
    public ThingUpdate decodeWithDitto(String json) throws RejectedMessageException {
        JsonObject object;
        try {
            JsonValue value = JsonFactory.readFrom(json);
            if (!value.isObject()) {
                throw new RejectedMessageException(
                        RejectReason.NOT_JSON, "expected a JSON object, got " + abbreviate(json));
            }
            object = value.asObject();
        } catch (RuntimeException e) {
            throw new RejectedMessageException(RejectReason.NOT_JSON, "unparseable JSON: " + e.getMessage());
        }
        return decode(object);
    }

    public ThingUpdate decode(JsonObject object) throws RejectedMessageException {
        Adaptable adaptable;
        try {
            adaptable = ProtocolFactory.jsonifiableAdaptableFromJson(object);
        } catch (RuntimeException e) {
            throw new RejectedMessageException(
                    RejectReason.NOT_DITTO_PROTOCOL, "not a Ditto Protocol message: " + e.getMessage());
        }
        return decode(adaptable);
    }

    public ThingUpdate decode(Adaptable adaptable) throws RejectedMessageException {
        TopicPath topic = adaptable.getTopicPath();
        if (topic.getGroup() != TopicPath.Group.THINGS || topic.getChannel() != TopicPath.Channel.TWIN) {
            throw new RejectedMessageException(
                    RejectReason.UNSUPPORTED_SIGNAL,
                    "only things/twin signals change the twin, got " + topic.getPath());
        }
        Signal<?> signal;
        try {
            signal = adapter.fromAdaptable(adaptable);
        } catch (RuntimeException e) {
            throw new RejectedMessageException(
                    RejectReason.NOT_DITTO_PROTOCOL,
                    "Ditto could not read " + topic.getPath() + " at "
                            + adaptable.getPayload().getPath() + ": " + e.getMessage());
        }
        Optional<Long> given = adaptable.getPayload().getRevision();
        if (given.isPresent() && given.get() < 1) {
            throw new RejectedMessageException(
                    RejectReason.NOT_DITTO_PROTOCOL, "revision must be >= 1, got " + given.get());
        }
        OptionalLong envelopeRevision = given.map(OptionalLong::of).orElse(OptionalLong.empty());
        try {
            return fromSignal(signal, envelopeRevision);
        } catch (RuntimeException e) {
            throw new RejectedMessageException(
                    RejectReason.NOT_DITTO_PROTOCOL, "cannot apply " + signal.getType() + ": " + e.getMessage());
        }
    }

    /** Also used for signals that did not arrive as JSON (the Ditto client hands over typed signals). */
    public static ThingUpdate fromSignal(Signal<?> signal, OptionalLong envelopeRevision)
            throws RejectedMessageException {
        if (signal instanceof ThingEvent<?> event) {
            if (event instanceof ThingDeleted) {
                throw new RejectedMessageException(RejectReason.FORBIDDEN_PATH, "the twin never deletes a whole Thing");
            }
            ThingUpdate.Action action = event instanceof ThingMerged
                    ? ThingUpdate.Action.MERGE
                    : event.getType().endsWith("Deleted") ? ThingUpdate.Action.DELETE : ThingUpdate.Action.SET;
            long revision = event.getRevision();
            Optional<JsonValue> entity = event instanceof ThingMerged merged
                    ? Optional.of(merged.getValue())
                    : event.getEntity(JsonSchemaVersion.V_2);
            return build(
                    event.getEntityId(),
                    action,
                    event.getResourcePath(),
                    entity,
                    revision >= 1 ? OptionalLong.of(revision) : envelopeRevision,
                    event.getTimestamp());
        }
        if (signal instanceof ThingModifyCommand<?> command) {
            if (command instanceof DeleteThing) {
                throw new RejectedMessageException(RejectReason.FORBIDDEN_PATH, "the twin never deletes a whole Thing");
            }
            ThingUpdate.Action action = command instanceof MergeThing
                    ? ThingUpdate.Action.MERGE
                    : command.getType().contains(":delete") ? ThingUpdate.Action.DELETE : ThingUpdate.Action.SET;
            Optional<JsonValue> entity = command instanceof CreateThing create
                    ? Optional.of(create.getThing().toJson())
                    : command instanceof MergeThing merge
                            ? Optional.of(merge.getValue())
                            : command.getEntity(JsonSchemaVersion.V_2);
            return build(
                    command.getEntityId(),
                    action,
                    command.getResourcePath(),
                    entity,
                    envelopeRevision,
                    Optional.empty());
        }
        throw new RejectedMessageException(
                RejectReason.UNSUPPORTED_SIGNAL,
                "the twin applies thing modify commands, merges and events, got " + signal.getType());
    }

    private static ThingUpdate build(
            Object entityId,
            ThingUpdate.Action action,
            JsonPointer path,
            Optional<JsonValue> value,
            OptionalLong revision,
            Optional<java.time.Instant> timestamp)
            throws RejectedMessageException {
        ThingId thingId = ThingId.of(entityId.toString());
        if (!path.isEmpty()) {
            JsonPointer root = JsonPointer.of(path.getRoot().orElseThrow());
            if (!root.equals(ATTRIBUTES) && !root.equals(FEATURES)) {
                throw new RejectedMessageException(
                        RejectReason.FORBIDDEN_PATH, "the twin changes attributes and features only, got path " + path);
            }
        } else if (action == ThingUpdate.Action.DELETE) {
            throw new RejectedMessageException(RejectReason.FORBIDDEN_PATH, "the twin never deletes a whole Thing");
        }
        if (action != ThingUpdate.Action.DELETE && value.isEmpty()) {
            throw new RejectedMessageException(RejectReason.NOT_DITTO_PROTOCOL, "no value to set at " + path);
        }
        return new ThingUpdate(
                thingId,
                action,
                path,
                action == ThingUpdate.Action.DELETE ? Optional.empty() : value,
                revision,
                timestamp);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
