package io.linetwin.app.emulate;

import io.linetwin.twin.TwinFeatures;
import org.eclipse.ditto.base.model.exceptions.DittoRuntimeException;
import org.eclipse.ditto.base.model.exceptions.TooManyRequestsException;
import org.eclipse.ditto.base.model.headers.DittoHeaders;
import org.eclipse.ditto.base.model.signals.Signal;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.things.model.ThingId;
import org.eclipse.ditto.things.model.signals.commands.ThingErrorResponse;
import org.eclipse.ditto.things.model.signals.commands.exceptions.FeaturePropertyNotModifiableException;
import org.eclipse.ditto.things.model.signals.commands.exceptions.ThingNotAccessibleException;
import org.eclipse.ditto.things.model.signals.commands.modify.ModifyFeaturePropertyResponse;

/**
 * The emulated line's answers on the responses topic, as Ditto would send them: a refusal is a Ditto error
 * response ({@code <ns>/<name>/things/twin/errors}) with the command's correlation id, the refusal's status,
 * Ditto's error code for it, our message as {@code description}, and {@code linetwin-refusal: <code>} among the
 * headers; a command that took effect is a {@code modify} response with status 204 once its confirming
 * {@code parameters/<name>} event is on the events topic.
 */
final class CommandResponses {

    private CommandResponses() {}

    static Signal<?> refused(ThingId thing, String property, Refusal refusal, String message, String correlationId) {
        DittoHeaders headers = headers(correlationId).toBuilder()
                .putHeader(Refusal.HEADER, refusal.code())
                .build();
        DittoRuntimeException error = switch (refusal) {
            case RATE_LIMITED ->
                TooManyRequestsException.newBuilder()
                        .message(message)
                        .description(refusal.code() + ": " + message)
                        .dittoHeaders(headers)
                        .build();
            case UNKNOWN_EQUIPMENT ->
                ThingNotAccessibleException.newBuilder(thing)
                        .message(message)
                        .description(refusal.code() + ": " + message)
                        .dittoHeaders(headers)
                        .build();
            default ->
                FeaturePropertyNotModifiableException.newBuilder(
                                thing, TwinFeatures.PARAMETERS, JsonPointer.of(property.isEmpty() ? "/" : property))
                        .message(message)
                        .description(refusal.code() + ": " + message)
                        .dittoHeaders(headers)
                        .build();
        };
        return ThingErrorResponse.of(thing, error, headers);
    }

    static Signal<?> applied(ThingId thing, String property, String correlationId) {
        return applied(thing, TwinFeatures.PARAMETERS, property, correlationId);
    }

    /** A 204 for a modify of {@code feature/property}: a parameter, or a predictor's {@code health/rul}. */
    static Signal<?> applied(ThingId thing, String feature, String property, String correlationId) {
        return ModifyFeaturePropertyResponse.modified(thing, feature, JsonPointer.of(property), headers(correlationId));
    }

    private static DittoHeaders headers(String correlationId) {
        return correlationId.isEmpty()
                ? DittoHeaders.empty()
                : DittoHeaders.newBuilder().correlationId(correlationId).build();
    }
}
