package io.linetwin.cluster;

import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.LineState;
import io.linetwin.sim.experiment.Candidate;
import io.linetwin.sim.experiment.ReplicationTask;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One batch of replication tasks as the bytes a cluster ships: the scenario text once, each distinct warm-start
 * state once, each candidate as its name, {@code set} entries and experiment, and each task as (candidate,
 * replication). A task is a pair of ints; the lines are rebuilt from the text on the workers.
 */
final class JobPayload {

    private static final int FORMAT = 1;

    /** A candidate as the workers see it. */
    record CandidateRecipe(String name, Map<String, String> set, ExperimentSpec experiment, int state) {}

    record Decoded(
            ScenarioSource source,
            List<LineState> states,
            List<CandidateRecipe> candidates,
            int[] candidate,
            int[] replication) {

        int tasks() {
            return candidate.length;
        }
    }

    private JobPayload() {}

    /**
     * @throws IllegalArgumentException when a candidate's line was built in code: no scenario file rebuilds it
     */
    static byte[] encode(ScenarioSource source, List<ReplicationTask> tasks) {
        Map<Candidate, Integer> candidates = new IdentityHashMap<>();
        List<Candidate> ordered = new ArrayList<>();
        Map<LineState, Integer> states = new IdentityHashMap<>();
        List<LineState> orderedStates = new ArrayList<>();
        for (ReplicationTask task : tasks) {
            Candidate candidate = task.candidate();
            if (candidate.set().isEmpty()) {
                throw new IllegalArgumentException(candidate + " was built in code: only lines of a scenario file "
                        + "(its base line or variants) can run on a cluster");
            }
            if (!candidates.containsKey(candidate)) {
                candidates.put(candidate, ordered.size());
                ordered.add(candidate);
                candidate.start().ifPresent(s -> {
                    if (!states.containsKey(s)) {
                        states.put(s, orderedStates.size());
                        orderedStates.add(s);
                    }
                });
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            RecordCodec.writeString(out, source.fileName());
            RecordCodec.writeString(out, source.text());
            out.writeInt(orderedStates.size());
            for (LineState state : orderedStates) {
                RecordCodec.write(out, LineState.class, state);
            }
            out.writeInt(ordered.size());
            for (Candidate candidate : ordered) {
                RecordCodec.writeString(out, candidate.name());
                Map<String, String> set = candidate.set().get();
                out.writeInt(set.size());
                for (Map.Entry<String, String> entry : set.entrySet()) {
                    RecordCodec.writeString(out, entry.getKey());
                    RecordCodec.writeString(out, entry.getValue());
                }
                RecordCodec.write(out, ExperimentSpec.class, candidate.experiment());
                Optional<LineState> start = candidate.start();
                out.writeInt(start.isPresent() ? states.get(start.get()) : -1);
            }
            out.writeInt(tasks.size());
            for (ReplicationTask task : tasks) {
                out.writeInt(candidates.get(task.candidate()));
                out.writeInt(task.replication());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Decoded decode(byte[] payload) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IOException("job format " + format + ", this worker reads " + FORMAT
                        + ": driver and workers run different LineTwin versions");
            }
            ScenarioSource source = new ScenarioSource(RecordCodec.readString(in), RecordCodec.readString(in));
            int stateCount = in.readInt();
            List<LineState> states = new ArrayList<>(stateCount);
            for (int i = 0; i < stateCount; i++) {
                states.add(RecordCodec.read(in, LineState.class));
            }
            int candidateCount = in.readInt();
            List<CandidateRecipe> candidates = new ArrayList<>(candidateCount);
            for (int i = 0; i < candidateCount; i++) {
                String name = RecordCodec.readString(in);
                int entries = in.readInt();
                Map<String, String> set = new LinkedHashMap<>();
                for (int e = 0; e < entries; e++) {
                    set.put(RecordCodec.readString(in), RecordCodec.readString(in));
                }
                ExperimentSpec experiment = RecordCodec.read(in, ExperimentSpec.class);
                candidates.add(new CandidateRecipe(name, set, experiment, in.readInt()));
            }
            int taskCount = in.readInt();
            int[] candidate = new int[taskCount];
            int[] replication = new int[taskCount];
            for (int t = 0; t < taskCount; t++) {
                candidate[t] = in.readInt();
                replication[t] = in.readInt();
            }
            return new Decoded(source, states, candidates, candidate, replication);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a replication job: " + e.getMessage(), e);
        }
    }
}
