package io.linetwin.loop.gate;

import java.util.Objects;
import java.util.Optional;
import org.eclipse.ditto.base.model.exceptions.DittoRuntimeException;
import org.eclipse.ditto.base.model.headers.DittoHeaders;
import org.eclipse.ditto.base.model.signals.Signal;
import org.eclipse.ditto.base.model.signals.commands.CommandResponse;
import org.eclipse.ditto.base.model.signals.commands.ErrorResponse;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.protocol.JsonifiableAdaptable;
import org.eclipse.ditto.protocol.ProtocolFactory;
import org.eclipse.ditto.protocol.adapter.DittoProtocolAdapter;

/**
 * The line's answer to one command, as it came back on the responses topic: a Ditto response (the line took the
 * command) or a Ditto error response (it refused it, and says why), matched to the command by its correlation id.
 * The answer is the line's word on the command; that the value took effect is still read back from the twin.
 *
 * @param commandId   the command's correlation id
 * @param status      the response's HTTP status (204 modified, 403 not modifiable, 429 too many requests, ...)
 * @param errorCode   Ditto's error code of a refusal ({@code things:feature.property.notmodifiable})
 * @param refusal     the line's own reason code ({@code rateLimited}, {@code outOfRange}), when it names one
 * @param message     the line's message (empty for a success)
 */
public record LineResponse(
        String commandId, int status, Optional<String> errorCode, Optional<String> refusal, String message) {

    /** The header in which LineTwin's emulated line names its reason for a refusal. */
    public static final String REFUSAL_HEADER = "linetwin-refusal";

    private static final DittoProtocolAdapter ADAPTER = DittoProtocolAdapter.newInstance();

    public LineResponse {
        Objects.requireNonNull(commandId, "commandId");
        if (commandId.isBlank()) {
            throw new IllegalArgumentException("commandId must not be blank");
        }
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP status in [100, 599], got " + status);
        }
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(refusal, "refusal");
        Objects.requireNonNull(message, "message");
    }

    /** The line took the command (a success status). */
    public boolean accepted() {
        return status < 400;
    }

    /** Why the line refused, in one line: {@code 429 rateLimited: press accepted a command ...}. */
    public String reason() {
        return status + " " + refusal.or(() -> errorCode).orElse("error") + (message.isEmpty() ? "" : ": " + message);
    }

    /**
     * The answer in one Ditto Protocol message, or empty when the message is not a response to a command with a
     * correlation id (an event, a command, something else on the topic): the responses topic is the line's, and what
     * the gate cannot read it leaves alone.
     */
    public static Optional<LineResponse> fromDitto(String dittoProtocolJson) {
        Signal<?> signal;
        DittoHeaders headers;
        try {
            JsonifiableAdaptable adaptable =
                    ProtocolFactory.jsonifiableAdaptableFromJson(JsonFactory.newObject(dittoProtocolJson));
            headers = adaptable.getDittoHeaders();
            signal = ADAPTER.fromAdaptable(adaptable);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        Optional<String> id = headers.getCorrelationId().filter(c -> !c.isBlank());
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> refusal =
                Optional.ofNullable(headers.get(REFUSAL_HEADER)).filter(r -> !r.isBlank());
        if (signal instanceof ErrorResponse<?> error) {
            DittoRuntimeException e = error.getDittoRuntimeException();
            String message = Optional.ofNullable(e.getMessage()).orElse("");
            return Optional.of(new LineResponse(
                    id.get(), e.getHttpStatus().getCode(), Optional.of(e.getErrorCode()), refusal, message));
        }
        if (signal instanceof CommandResponse<?> response) {
            return Optional.of(
                    new LineResponse(id.get(), response.getHttpStatus().getCode(), Optional.empty(), refusal, ""));
        }
        return Optional.empty();
    }
}
