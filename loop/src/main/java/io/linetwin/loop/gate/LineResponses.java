package io.linetwin.loop.gate;

import java.util.Optional;

/**
 * Where the line's answers to commands come from (the port: Kafka's responses topic; Ditto's WebSocket API later).
 * The gate reads them beside the twin: a refusal fails a command at once with the line's reason, instead of after
 * the read-back's timeout.
 */
public interface LineResponses extends AutoCloseable {

    /** The line's answer to the command with this id, once it arrived. */
    Optional<LineResponse> answer(String commandId);

    /** Whether every answer that was there when reading began has been read (until then, silence means nothing). */
    boolean caughtUp();

    void start() throws Exception;

    @Override
    void close();

    /** A line that never answers: the twin's read-back alone decides. */
    static LineResponses none() {
        return new LineResponses() {
            @Override
            public Optional<LineResponse> answer(String commandId) {
                return Optional.empty();
            }

            @Override
            public boolean caughtUp() {
                return true;
            }

            @Override
            public void start() {}

            @Override
            public void close() {}
        };
    }
}
