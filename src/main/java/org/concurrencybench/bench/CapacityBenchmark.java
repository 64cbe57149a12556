package org.concurrencybench.bench;

import java.io.IOException;
import java.time.Duration;
import org.concurrencybench.model.Model;
import org.concurrencybench.model.RunnerSettings;
import org.concurrencybench.workload.EchoServer;
import org.concurrencybench.workload.Workload;
import org.concurrencybench.workload.WorkloadSettings;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;

/**
 * How many waits can each model hold, and at what cost? One invocation is one batch of
 * {@code tasks} tasks that each only wait {@code sleepMicros}, all submitted at once and all
 * joined; the score is milliseconds per batch. Against the number of tasks it shows where a
 * model stops overlapping the waits (a pool drains them {@code parallelism} at a time), where
 * it slows down (a platform thread per task) and where it fails (out of threads or memory).
 *
 * <p>Workloads: {@code SLEEP}, a sleep of {@code sleepMicros} per task; {@code IO}, one round trip
 * of {@link WorkloadSettings#DEFAULT_IO_BYTES} bytes on its own connection to a loopback echo
 * server that waits {@code sleepMicros} before each reply, so the wait is a socket read (an open
 * connection per waiting task; at 100,000 tasks the machine's port and file limits may stop it).
 *
 * <p>Included in the measured batch: everything the model does per task: creating and starting a
 * platform or virtual thread per task for {@code THREAD_PER_TASK} and {@code VIRTUAL_THREADS},
 * the futures, timers and sockets of {@code EVENT_LOOP}, queueing for the pools, and for I/O the
 * connects and closes. Excluded: building the runner (a pool's threads, the event loop's thread),
 * the echo server and the task list, all made once per trial.
 *
 * <p>Memory per waiting task: the sweep runs this class with JMH's {@code -prof gc}, whose
 * {@code gc.alloc.rate.norm} is the bytes allocated on the Java heap per operation; divided by
 * {@code tasks} it is the heap allocated per waiting task (a virtual thread's stack, a future and
 * its timer). It is allocation, not a peak footprint, and it leaves out native memory: a platform
 * thread's stack lives outside the heap, so {@code THREAD_PER_TASK}'s figure is only its heap part.
 * The profiler counts every thread of the JVM, so for {@code IO} the figure also holds the echo
 * server's cost per connection (a virtual thread and a 64 KiB buffer), the same under every model:
 * compare models by their difference, or use {@code SLEEP} for the model's own cost. Likewise the
 * {@code IO} batch time includes opening the connections through the server's one accepting thread
 * and its backlog of 4096 (a burst of more connects than that waits for SYN retries).
 *
 * <p>Mode: {@code AverageTime}, as the rest of the suite, not {@code SingleShotTime}. A batch that
 * takes longer than the iteration time is one operation per iteration either way, so for the big
 * sizes the two modes measure the same thing; for the small ones (100 tasks of 10 ms) average time
 * runs many batches per iteration and gives a steadier score than one shot would, and it keeps
 * {@code gc.alloc.rate.norm} an average over those batches. Sizes whose batch would take too long
 * are not run at all: the sweep skips them on {@code BatchTimePredictor}'s lower bound.
 */
public class CapacityBenchmark extends BatchBenchmark {

    /** The concurrency model; no values listed, so every constant runs unless {@code -p model=} picks. */
    @Param
    public Model model;

    /** {@code SLEEP} or {@code IO}: what a task waits on. */
    @Param({"SLEEP", "IO"})
    public Workload workload;

    /** Concurrent tasks per batch; the sweep passes 100, 1000, 10000, 100000. */
    @Param("" + BenchmarkDefaults.CAPACITY_TASKS)
    public int tasks;

    /** How long each task waits, microseconds: the sleep, or the echo server's delay before replying. */
    @Param("" + WorkloadSettings.DEFAULT_SLEEP_MICROS)
    public long sleepMicros;

    /** Pool size for the models that have one; 0 = the cores the JVM sees. */
    @Param("0")
    public int parallelism;

    @Override
    protected BatchFixture startFixture() throws IOException {
        if (workload != Workload.SLEEP && workload != Workload.IO) {
            throw new IllegalArgumentException("CapacityBenchmark measures SLEEP and IO waits, not " + workload);
        }
        // One round trip per I/O task: the task's time is the server's wait, as a SLEEP task's is its sleep.
        WorkloadSettings sizes = new WorkloadSettings(WorkloadSettings.DEFAULT_CPU_UNITS, sleepMicros, 1,
                WorkloadSettings.DEFAULT_IO_BYTES, WorkloadSettings.DEFAULT_MIXED_CPU_UNITS);
        return BatchFixture.start(model, RunnerSettings.withParallelism(parallelism), workload, tasks, sizes,
                new EchoServer.Options(Duration.ofNanos(sleepMicros * 1_000L), 0), seedBase);
    }
}
