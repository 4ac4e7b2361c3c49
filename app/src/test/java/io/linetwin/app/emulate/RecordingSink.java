package io.linetwin.app.emulate;

import io.linetwin.twin.DittoMessages;
import io.linetwin.twin.sync.SignalSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.ditto.base.model.signals.Signal;

/** Keeps every signal as the Ditto Protocol JSON a Kafka sink would publish. */
final class RecordingSink implements SignalSink {

    final List<Signal<?>> signals = new ArrayList<>();
    final List<String> json = new ArrayList<>();

    @Override
    public CompletionStage<Void> send(Signal<?> signal) {
        signals.add(signal);
        json.add(DittoMessages.toJson(signal));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {}
}
