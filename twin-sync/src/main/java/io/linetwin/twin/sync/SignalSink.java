package io.linetwin.twin.sync;

import java.util.concurrent.CompletionStage;
import org.eclipse.ditto.base.model.signals.Signal;

/**
 * Where outgoing Ditto signals go: a Kafka topic or a Ditto server. The command gate and the line
 * emulator see only this port.
 */
public interface SignalSink extends AutoCloseable {

    /** Completes when the destination has accepted the signal (Kafka ack, Ditto response). */
    CompletionStage<Void> send(Signal<?> signal);

    @Override
    void close();
}
