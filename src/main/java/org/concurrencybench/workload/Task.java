package org.concurrencybench.workload;

/**
 * One unit of work submitted to a model. A batch is a list of tasks; a model runs them all and
 * sums their checksums, so every model must produce the same batch checksum as sequential code.
 *
 * <p>The suite's own tasks are records ({@link CpuTask}, {@link SleepTask}, {@link IoTask},
 * {@link MixedTask}) so that models which cannot just call {@link #run} (an event loop, a worker
 * process) can take them apart. Tests may pass other implementations to the in-JVM models.
 */
@FunctionalInterface
public interface Task {

    /**
     * Runs the task on the calling thread.
     *
     * @param hooks where a model may step in: between CPU chunks and around blocking calls
     * @return a checksum of the work done; the same for the same task whatever model runs it
     */
    long run(ExecutionHooks hooks) throws Exception;
}
