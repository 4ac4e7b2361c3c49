package io.linetwin.loop.gate;

import io.linetwin.loop.proposal.CommandRecord;
import java.util.Collection;
import java.util.Set;

/**
 * Where commands to the line go (the port the gate's adapters implement: Kafka's commands topic; Ditto's WebSocket
 * API later). There is no channel in a dry run: nothing can leave.
 */
public interface CommandChannel extends AutoCloseable {

    /** Sends one command; returns once the transport acknowledged it (throws when it could not). */
    void send(CommandRecord command) throws Exception;

    /**
     * Which of {@code commandIds} the channel already carries: a live process that was killed after sending but
     * before recording the send looks here before sending again.
     */
    Set<String> delivered(Collection<String> commandIds) throws Exception;

    @Override
    void close();
}
