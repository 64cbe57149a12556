package org.concurrencybench.model;

import java.util.List;
import org.concurrencybench.gil.GilCounters;
import org.concurrencybench.gil.GlobalInterpreterLock;
import org.concurrencybench.workload.Task;

/**
 * The models whose threads run task code holding one simulated CPython global interpreter lock.
 * {@link Model#GLOBAL_LOCK}: the fixed pool's threads, the analogue of a {@code ThreadPoolExecutor}
 * in CPython. {@link Model#GLOBAL_LOCK_PER_TASK}: a new platform thread per task, the analogue of
 * starting a {@code threading.Thread} per job (the thread's start is inside the batch). CPU work
 * hands the lock over only at the kernel's check points, so it runs one thread at a time; sleeps
 * and socket waits release it, so they overlap.
 *
 * <p>Between tasks a pool thread does not hold the lock (a Python worker waiting on its queue
 * releases it too). One lock per runner: runners never contend with each other.
 */
public final class GlobalLockRunner implements ModelRunner {

    /** Which threads run the tasks under the lock. */
    enum Threads {
        /** {@code parallelism} pool threads, reused ({@link Model#GLOBAL_LOCK}). */
        POOL,
        /** A new thread per task ({@link Model#GLOBAL_LOCK_PER_TASK}). */
        ONE_PER_TASK
    }

    private final GlobalInterpreterLock lock;
    private final ExecutorRunner threads;

    GlobalLockRunner(RunnerSettings settings) {
        this(settings, Threads.POOL);
    }

    GlobalLockRunner(RunnerSettings settings, Threads shape) {
        this.lock = new GlobalInterpreterLock(settings.switchInterval(), settings.gilFlavour());
        this.threads = switch (shape) {
            case POOL -> new FixedPoolRunner(Model.GLOBAL_LOCK, settings.effectiveParallelism(), lock::runLocked);
            case ONE_PER_TASK -> new ThreadPerTaskRunner(Model.GLOBAL_LOCK_PER_TASK, lock::runLocked);
        };
    }

    /** What the runner's lock has done so far: switches, drop requests, waiting time. */
    public GilCounters lockCounters() {
        return lock.counters();
    }

    @Override
    public long runBatch(List<? extends Task> batch) {
        return threads.runBatch(batch);
    }

    @Override
    public void close() {
        threads.close();
    }
}
