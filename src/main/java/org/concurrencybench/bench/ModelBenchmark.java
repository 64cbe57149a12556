package org.concurrencybench.bench;

import java.io.IOException;
import java.time.Duration;
import org.concurrencybench.gil.GilFlavour;
import org.concurrencybench.model.Model;
import org.concurrencybench.model.RunnerSettings;
import org.concurrencybench.model.SubmissionOrder;
import org.concurrencybench.workload.EchoServer;
import org.concurrencybench.workload.SizeSpread;
import org.concurrencybench.workload.Workload;
import org.concurrencybench.workload.WorkloadSettings;
import org.openjdk.jmh.annotations.Param;

/**
 * One invocation is one batch: {@code tasks} tasks of {@code workload} handed to {@code model},
 * then all joined; the score is milliseconds per batch. The question: for this kind of work, on
 * this machine, how long does each way of running tasks concurrently take?
 *
 * <p>Included in the measured batch: whatever the model does per task, which for
 * {@code THREAD_PER_TASK} and {@code VIRTUAL_THREADS} is creating and starting a thread, and for
 * {@code PROCESS_PER_TASK} starting a JVM (that cost is the model). Excluded: building the runner
 * (a pool's threads, a process pool's worker JVMs), the echo server, and the batch's task list,
 * all made once per trial. The model does the parallelism, so JMH drives it from one thread.
 *
 * <p>Uneven batches ({@code spread}, {@code order}, {@code chunksize}) ask a second question: what
 * does a skewed batch, of the same total work, do to each model? Their task sizes are drawn at
 * set-up from a fixed seed, so every model and every run gets the same sizes in the same order.
 */
public class ModelBenchmark extends BatchBenchmark {

    /** The concurrency model; no values listed, so every constant runs unless {@code -p model=} picks. */
    @Param
    public Model model;

    /**
     * The suite's own workloads, every one unless {@code -p workload=} picks; {@code USER} (a user's
     * class, named by {@link #task}) only when asked for.
     */
    @Param({"CPU", "SLEEP", "IO", "MIXED", "MEMORY", "CONTENDED"})
    public Workload workload;

    /**
     * For {@code workload=USER}: the user's {@code org.concurrencybench.api.UserTask} class, loaded
     * from the class path in {@code -Dconcurrencybench.task.classPath} ({@code --task-jar}).
     */
    @Param("")
    public String task;

    /** Tasks per batch: enough that a pool of a few threads queues them. */
    @Param("" + BenchmarkDefaults.BATCH_TASKS)
    public int tasks;

    /** Pool size for the models that have one; 0 = the cores the JVM sees. */
    @Param("0")
    public int parallelism;

    @Param("" + WorkloadSettings.DEFAULT_CPU_UNITS)
    public int cpuUnits;

    @Param("" + WorkloadSettings.DEFAULT_SLEEP_MICROS)
    public long sleepMicros;

    @Param("" + WorkloadSettings.DEFAULT_IO_ROUND_TRIPS)
    public int ioRoundTrips;

    @Param("" + WorkloadSettings.DEFAULT_IO_BYTES)
    public int ioBytes;

    @Param("" + WorkloadSettings.DEFAULT_MIXED_CPU_UNITS)
    public int mixedCpuUnits;

    /** KiB one MEMORY task streams through. */
    @Param("" + WorkloadSettings.DEFAULT_MEMORY_KIB)
    public int memoryKib;

    /** CPU units of one CONTENDED task, each followed by an update of the shared table under its lock. */
    @Param("" + WorkloadSettings.DEFAULT_CONTENDED_CPU_UNITS)
    public int contendedCpuUnits;

    /** The simulated GIL's switch interval, microseconds (CPython: 5000). Read by GLOBAL_LOCK only. */
    @Param("" + BenchmarkDefaults.CPYTHON_SWITCH_INTERVAL_MICROS)
    public long switchIntervalMicros;

    @Param("MODERN")
    public GilFlavour gilFlavour;

    /**
     * How unevenly the batch's work is shared among its tasks; the total is the same for every
     * spread, and the sizes the same for every model (see {@link SizeSpread}).
     */
    @Param("NONE")
    public SizeSpread spread;

    /**
     * Tasks per message to a worker, read by PROCESS_POOL only: 1 = one task per message
     * ({@code ProcessPoolExecutor.submit}), 0 = {@code Pool.map}'s default chunks for the batch.
     */
    @Param("1")
    public int chunksize;

    /** The order tasks are submitted in; it matters to the models that take a queue. */
    @Param("AS_GENERATED")
    public SubmissionOrder order;

    @Override
    protected BatchFixture startFixture() throws IOException {
        RunnerSettings settings = new RunnerSettings(parallelism, Duration.ofNanos(switchIntervalMicros * 1000),
                gilFlavour, chunksize);
        if ((workload == Workload.USER) != !task.isBlank()) {
            throw new IllegalArgumentException("a user's task runs as workload=USER with task=CLASS; got workload="
                    + workload + " task='" + task + "'");
        }
        if (workload == Workload.USER) {
            return BatchFixture.startUser(model, settings, task, tasks, seedBase);
        }
        return BatchFixture.start(model, settings, workload, tasks, new WorkloadSettings(cpuUnits, sleepMicros,
                        ioRoundTrips, ioBytes, mixedCpuUnits, memoryKib, contendedCpuUnits), spread, order,
                EchoServer.Options.DEFAULT, seedBase);
    }
}
