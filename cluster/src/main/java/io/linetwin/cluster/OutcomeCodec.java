package io.linetwin.cluster;

import io.linetwin.sim.LineDeadlockException;
import io.linetwin.sim.ReplicationResult;
import io.linetwin.sim.experiment.ReplicationOutcome;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** A task's outcome as bytes, prefixed by the task's index: what a worker sends back to the driver. */
final class OutcomeCodec {

    private static final byte FINISHED = 0;
    private static final byte DEADLOCKED = 1;

    record Indexed(int task, ReplicationOutcome outcome) {}

    private OutcomeCodec() {}

    static byte[] encode(int task, ReplicationOutcome outcome) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(task);
            if (outcome instanceof ReplicationOutcome.Finished finished) {
                out.writeByte(FINISHED);
                RecordCodec.write(out, ReplicationResult.class, finished.value());
            } else if (outcome instanceof ReplicationOutcome.Deadlocked deadlocked) {
                out.writeByte(DEADLOCKED);
                out.writeDouble(deadlocked.deadlock().timeSeconds());
                List<String> chain = deadlocked.deadlock().chain();
                out.writeInt(chain.size());
                for (String link : chain) {
                    RecordCodec.writeString(out, link);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Indexed decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int task = in.readInt();
            byte kind = in.readByte();
            if (kind == FINISHED) {
                ReplicationResult result = RecordCodec.read(in, ReplicationResult.class);
                return new Indexed(task, new ReplicationOutcome.Finished(result));
            }
            if (kind != DEADLOCKED) {
                throw new IOException("unknown outcome kind " + kind);
            }
            double timeSeconds = in.readDouble();
            int links = in.readInt();
            List<String> chain = new ArrayList<>(links);
            for (int i = 0; i < links; i++) {
                chain.add(RecordCodec.readString(in));
            }
            return new Indexed(task, new ReplicationOutcome.Deadlocked(new LineDeadlockException(timeSeconds, chain)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a replication outcome: " + e.getMessage(), e);
        }
    }
}
