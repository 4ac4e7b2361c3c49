package io.linetwin.cluster;

import io.linetwin.model.Scenario;
import io.linetwin.sim.experiment.Candidate;
import io.linetwin.sim.experiment.LocalEngine;
import io.linetwin.sim.experiment.ReplicationOutcome;
import io.linetwin.sim.experiment.ReplicationTask;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a worker JVM does with a task: decodes its job once (the scenario, its candidates and their simulations are
 * shared by all tasks of the job that land on this JVM) and runs the replication exactly as the local engine does.
 */
final class WorkerSide {

    private static final int KEPT_JOBS = 4;

    /** A decoded job: its candidates built and ready to run. */
    record PreparedJob(List<Candidate> candidates, int[] candidate, int[] replication) {

        static PreparedJob of(JobPayload.Decoded job) {
            Scenario scenario = Rebuild.scenario(job.source());
            List<Candidate> candidates = new ArrayList<>(job.candidates().size());
            for (JobPayload.CandidateRecipe recipe : job.candidates()) {
                candidates.add(Rebuild.candidate(scenario, recipe, job.states()));
            }
            return new PreparedJob(List.copyOf(candidates), job.candidate(), job.replication());
        }

        ReplicationTask task(int index) {
            return new ReplicationTask(candidates.get(candidate[index]), replication[index]);
        }
    }

    private static final Map<String, PreparedJob> JOBS = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedJob> eldest) {
            return size() > KEPT_JOBS;
        }
    };

    private WorkerSide() {}

    /** Runs task {@code index} of the job and returns its outcome as bytes for the driver. */
    static byte[] run(String jobId, byte[] payload, int index) {
        PreparedJob job = prepared(jobId, payload);
        ReplicationOutcome outcome = LocalEngine.outcome(job.task(index));
        return OutcomeCodec.encode(index, outcome);
    }

    private static PreparedJob prepared(String jobId, byte[] payload) {
        synchronized (JOBS) {
            PreparedJob known = JOBS.get(jobId);
            if (known != null) {
                return known;
            }
        }
        // Built outside the lock: two tasks of a new job may both build it; either copy runs the same.
        PreparedJob job = PreparedJob.of(JobPayload.decode(payload));
        synchronized (JOBS) {
            JOBS.putIfAbsent(jobId, job);
            return JOBS.get(jobId);
        }
    }
}
