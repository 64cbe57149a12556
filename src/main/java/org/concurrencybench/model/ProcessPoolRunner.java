package org.concurrencybench.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.concurrencybench.process.WorkerFailedException;
import org.concurrencybench.process.WorkerLauncher;
import org.concurrencybench.process.WorkerProcess;
import org.concurrencybench.workload.Task;

/**
 * {@link Model#PROCESS_POOL}: {@code parallelism} long-lived worker JVMs, the analogue of Python's
 * {@code ProcessPoolExecutor}. The workers are started and have said READY when the runner is
 * built, outside the measured batch, like a thread pool's threads.
 *
 * <p>A batch is spread the way a {@code ProcessPoolExecutor} spreads it: each task is a future on a
 * fixed pool of {@code parallelism} parent threads (the shared shape of {@link FixedPoolRunner});
 * the thread takes an idle worker, sends it the task over its standard input, waits for the
 * checksum on its standard output, and gives the worker back. So each worker runs one task at a
 * time, and a worker that finishes early takes the next task.
 *
 * <p>With a {@code chunksize} other than 1 the batch is spread the way {@code Pool.map} spreads
 * it: cut up front into consecutive chunks ({@link PoolMapChunks}; 0 = CPython's default size),
 * each chunk one CHUNK message to a worker and one reply with every task's checksum; a free worker
 * takes the next chunk. A chunk's failing task fails its batch like a task does.
 *
 * <p>A worker that dies, hangs past the answer timeout, or garbles its output fails its task with
 * a {@link WorkerFailedException} (pid, exit code, stderr tail), so the batch fails with a
 * {@link BatchFailedException}; the dead worker is replaced at once, and the pool stays usable.
 */
final class ProcessPoolRunner implements ModelRunner {

    private final FixedPoolRunner threads;
    private final WorkerSlots workers;
    private final int chunksize;

    ProcessPoolRunner(int parallelism, WorkerLauncher launcher) {
        this(parallelism, launcher, RunnerSettings.ONE_TASK_PER_MESSAGE);
    }

    /** @param chunksize tasks per message; 0 = CPython's default for each batch */
    ProcessPoolRunner(int parallelism, WorkerLauncher launcher, int chunksize) {
        this(new WorkerSlots(parallelism, launcher), chunksize);
    }

    private ProcessPoolRunner(WorkerSlots workers, int chunksize) {
        PoolMapChunks.chunksize(chunksize, 1, 1); // rejects a negative size before anything runs
        this.workers = workers;
        this.chunksize = chunksize;
        this.threads = new FixedPoolRunner(Model.PROCESS_POOL, workers.size(), workers::run);
    }

    @Override
    public long runBatch(List<? extends Task> batch) {
        int size = PoolMapChunks.chunksize(chunksize, batch.size(), workers.size());
        if (size <= 1) {
            return threads.runBatch(batch);
        }
        List<Chunk> chunks = PoolMapChunks.split(batch, size).stream().map(Chunk::new).toList();
        return threads.runBatch(chunks);
    }

    /**
     * Consecutive tasks that travel to a worker as one message. In the parent it is never run
     * itself; {@link #run} gives its meaning, the tasks in turn, summed.
     */
    record Chunk(List<? extends Task> tasks) implements Task {
        @Override
        public long run(org.concurrencybench.workload.ExecutionHooks hooks) throws Exception {
            long sum = 0;
            for (Task task : tasks) {
                sum += task.run(hooks);
            }
            return sum;
        }
    }

    /** The pids of the current workers (tests kill one). */
    List<Long> workerPids() {
        return workers.pids();
    }

    @Override
    public void close() {
        try {
            threads.close();
        } finally {
            workers.close();
        }
    }

    /** The worker processes, each idle in a queue or lent to one parent thread. */
    private static final class WorkerSlots {
        private final int size;
        private final WorkerLauncher launcher;
        private final List<WorkerProcess> all = new ArrayList<>();
        private final BlockingQueue<WorkerProcess> idle;

        WorkerSlots(int parallelism, WorkerLauncher launcher) {
            if (parallelism < 1) {
                throw new IllegalArgumentException("pool size must be >= 1, got " + parallelism);
            }
            this.size = parallelism;
            this.launcher = launcher;
            this.idle = new ArrayBlockingQueue<>(parallelism);
            try {
                launcher.prepareArchive();
                for (int i = 0; i < parallelism; i++) {
                    all.add(launcher.start());
                }
                for (WorkerProcess worker : all) {
                    worker.awaitReady();
                    idle.add(worker);
                }
            } catch (Exception e) {
                close();
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("could not start " + parallelism + " worker processes: " + e, e);
            }
        }

        int size() {
            return size;
        }

        /** Runs one task (or chunk) on an idle worker; a worker that failed as a process is replaced before it is given back. */
        long run(Task task) throws Exception {
            WorkerProcess worker = idle.take();
            try {
                if (!worker.isUsable()) {
                    worker = replace(worker);
                }
                if (task instanceof Chunk chunk) {
                    long sum = 0;
                    for (long checksum : worker.runChunk(chunk.tasks())) {
                        sum += checksum;
                    }
                    return sum;
                }
                return worker.run(task);
            } catch (WorkerFailedException e) {
                try {
                    worker = replace(worker);
                } catch (RuntimeException replacementFailed) {
                    e.addSuppressed(replacementFailed);
                }
                throw e;
            } finally {
                idle.add(worker);
            }
        }

        /**
         * Ends {@code dead} and starts its successor. If the successor cannot start, the dead
         * handle stays in the slot, unusable, and the next task to take it tries again.
         */
        private WorkerProcess replace(WorkerProcess dead) throws InterruptedException {
            dead.kill();
            try {
                WorkerProcess fresh = launcher.startReady();
                synchronized (all) {
                    all.set(all.indexOf(dead), fresh);
                }
                return fresh;
            } catch (IOException e) {
                throw new UncheckedIOException("could not start a worker to replace pid " + dead.pid(), e);
            } catch (WorkerFailedException e) {
                throw new IllegalStateException("the worker replacing pid " + dead.pid() + " failed to start", e);
            }
        }

        List<Long> pids() {
            synchronized (all) {
                return all.stream().map(WorkerProcess::pid).toList();
            }
        }

        /** Closes every worker's input and waits for it to exit (killing it after a grace period). */
        void close() {
            synchronized (all) {
                all.forEach(WorkerProcess::closeInput);
                all.forEach(WorkerProcess::close);
            }
        }
    }
}
