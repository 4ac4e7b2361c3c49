package io.linetwin.cluster;

import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;

/**
 * The function Spark ships to executors: a job id, the job's bytes (serialised once per stage with the closure)
 * and a test-only fault plan. It maps a task index to that task's outcome bytes.
 */
final class ReplicationFunction implements Function<Integer, byte[]> {

    private static final long serialVersionUID = 1L;

    private final String jobId;
    private final byte[] payload;
    private final int failFirstAttemptEvery;

    /**
     * @param failFirstAttemptEvery 0 in use; n > 0 makes the first attempt of every n-th task fail, so tests prove
     *                              that a retried task gives the same result
     */
    ReplicationFunction(String jobId, byte[] payload, int failFirstAttemptEvery) {
        this.jobId = jobId;
        this.payload = payload;
        this.failFirstAttemptEvery = failFirstAttemptEvery;
    }

    @Override
    public byte[] call(Integer task) {
        if (failFirstAttemptEvery > 0 && task % failFirstAttemptEvery == 0) {
            TaskContext context = TaskContext.get();
            if (context != null && context.attemptNumber() == 0) {
                throw new InjectedFault(task);
            }
        }
        return WorkerSide.run(jobId, payload, task);
    }

    /** The failure a test asked for. */
    static final class InjectedFault extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectedFault(int task) {
            super("injected failure of the first attempt of task " + task);
        }
    }
}
