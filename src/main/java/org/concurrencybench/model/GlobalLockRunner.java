package org.concurrencybench.model;

import java.util.List;
import org.concurrencybench.gil.GilCounters;
import org.concurrencybench.gil.GlobalInterpreterLock;
import org.concurrencybench.workload.Task;

/**
 * {@link Model#GLOBAL_LOCK}: the fixed pool's threads, each holding one simulated CPython global
 * interpreter lock while it runs task code, the analogue of a {@code ThreadPoolExecutor} in
 * CPython. CPU work hands the lock over only at the kernel's check points, so it runs one thread
 * at a time; sleeps and socket waits release it, so they overlap.
 *
 * <p>Between tasks a pool thread does not hold the lock (a Python worker waiting on its queue
 * releases it too). One lock per runner: runners never contend with each other.
 */
public final class GlobalLockRunner implements ModelRunner {

    private final GlobalInterpreterLock lock;
    private final FixedPoolRunner pool;

    GlobalLockRunner(RunnerSettings settings) {
        this.lock = new GlobalInterpreterLock(settings.switchInterval(), settings.gilFlavour());
        this.pool = new FixedPoolRunner(Model.GLOBAL_LOCK, settings.effectiveParallelism(), lock::runLocked);
    }

    /** What the runner's lock has done so far: switches, drop requests, waiting time. */
    public GilCounters lockCounters() {
        return lock.counters();
    }

    @Override
    public long runBatch(List<? extends Task> batch) {
        return pool.runBatch(batch);
    }

    @Override
    public void close() {
        pool.close();
    }
}
