package org.concurrencybench.model;

import java.util.List;
import org.concurrencybench.process.WorkerLauncher;
import org.concurrencybench.workload.Task;

/**
 * {@link Model#PROCESS_PER_TASK}: a fresh JVM for every task, the analogue of starting a
 * {@code multiprocessing.Process} per job: started, sent its one task, read, and waited for until
 * it exits, all inside the measured batch, because that start-up cost is what this model shows.
 *
 * <p>At most {@code parallelism} child JVMs are alive at once: the tasks are futures on a fixed pool
 * of {@code parallelism} parent threads (the shape of {@link FixedPoolRunner}), each starting one
 * child at a time, as {@code multiprocessing.Pool(maxtasksperchild=1)} would. A Python script that
 * starts a {@code Process} for every job at once would start a whole batch together; on a
 * machine with a few cores that only makes them queue for the CPU (a JVM's start-up is CPU work)
 * while holding all their memory, and a large batch could exhaust it. So this model's number is
 * "per-task start-up, {@code parallelism} at a time", which is also what makes it comparable with
 * a bare JVM start.
 *
 * <p>The children use {@link WorkerLauncher.Lifetime#ONE_TASK} flags and the dynamic CDS archive,
 * which is created when the runner is built, outside the measured batch.
 */
final class ProcessPerTaskRunner implements ModelRunner {

    private final FixedPoolRunner threads;

    ProcessPerTaskRunner(int parallelism, WorkerLauncher launcher) {
        try {
            launcher.prepareArchive();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("could not start a worker process to create its CDS archive: " + e, e);
        }
        this.threads = new FixedPoolRunner(Model.PROCESS_PER_TASK, parallelism, launcher::runInFreshWorker);
    }

    @Override
    public long runBatch(List<? extends Task> batch) {
        return threads.runBatch(batch);
    }

    /** Waits for the running tasks' children (each is ended by its own thread) and the threads. */
    @Override
    public void close() {
        threads.close();
    }
}
